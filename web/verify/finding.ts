// What the verify page found, as message keys and parameters: the text is made at render time,
// so switching the language re-renders the same findings.
import type { MessageKey } from './i18n/en.ts';
import type { Param } from './i18n/translate.ts';

/** Passed, failed, or a plain statement (what was trusted, what was not checked). */
export type FindingStatus = 'ok' | 'fail' | 'info';

/** One line of the page's report. `check` names what it is about, for tests and styling. */
export interface Finding {
  check: 'key' | 'policy' | 'fetch' | 'signature' | 'witness' | 'quorum' | 'record';
  status: FindingStatus;
  key: MessageKey;
  params?: Readonly<Record<string, Param>>;
}

/** The detail of a failure: its message, never its stack. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
