// Every refusal of the disclosure module is the catalogued `invalid_request` (as in the passage
// and monitoring models): bad input is the caller's bug, and the HTTP edge already maps the code.
// `details.rule` says which check failed, so a test or an operator can tell them apart.
import { DomainError } from '../../errors/domain-error.ts';

/** Why the disclosure module refused its input. */
export type DisclosureRule =
  | 'not_a_count'
  | 'bad_shape'
  | 'bad_policy'
  | 'inconsistent_history'
  | 'unknown_place'
  | 'bad_gazetteer'
  | 'bad_time'
  | 'bad_salt';

/**
 * The error the module throws for bad input.
 *
 * @example throw refuseInput('not_a_count', 'count -1 is not a count')
 */
export function refuseInput(rule: DisclosureRule, message: string): DomainError<'invalid_request'> {
  return new DomainError('invalid_request', message, { details: { rule } });
}

/** Throws `not_a_count` unless `value` is a nonnegative safe integer. */
export function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw refuseInput('not_a_count', `${what} ${value} is not a count`);
  }
}
