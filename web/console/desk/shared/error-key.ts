// Which desk message says an API error: every code of the public error catalogue
// (src/errors/error-catalogue.ts) has its own sentence, and `network` when nothing answered; a
// code this build does not know yet falls back to a sentence that names it.
import { isErrorCode } from '../../../../src/errors/error-catalogue.ts';

/**
 * The desk catalogue key for API error `code`.
 *
 * @example errorKeyOf('two_person_rule') // 'error.two_person_rule'
 */
export function errorKeyOf(code: string): string {
  return isErrorCode(code) || code === 'network' ? `error.${code}` : 'error.other';
}
