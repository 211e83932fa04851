// What the analysis slice takes from the shared context: the database, the sealer for its one
// write (a decision on a pair), the keyring for opening sealed texts, the clock and the error log.
import type { PassageContext } from '../../passage/passage-context.ts';

/** The parts of the context duplicate suggestions and statistics use (no identity vault). */
export type AnalysisContext = Pick<
  PassageContext,
  'db' | 'sealer' | 'keyring' | 'now' | 'logError'
>;
