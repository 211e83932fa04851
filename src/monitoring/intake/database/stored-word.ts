// Rows written by an older version (or by hand) are checked on the way out, as the passage
// adapters do: a word outside the vocabulary is a corrupt row, not a value to pass on.
import { DomainError } from '../../../errors/domain-error.ts';

/**
 * `value` as one of `words`; DomainError 'internal' naming `what` (never the value) otherwise.
 *
 * @example storedWord(RELIABILITIES, row.reliability, 'source.reliability')
 */
export function storedWord<T extends string | number>(
  words: readonly T[],
  value: string | number,
  what: string,
): T {
  const word = words.find((candidate) => candidate === value);
  if (word === undefined) throw new DomainError('internal', `stored ${what} is not known`);
  return word;
}
