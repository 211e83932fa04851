/**
 * A log, note or proof that does not verify. `what` names the part that failed
 * ("signature", "quorum", "consistency", "tile 0/x001/234", "entries 12", "root") so an auditor
 * knows where to look; the CLI exits 1 with it.
 */
export class VerificationError extends Error {
  readonly what: string;

  constructor(what: string, message: string, options?: { cause?: unknown }) {
    super(`${what}: ${message}`, options);
    this.name = 'VerificationError';
    this.what = what;
  }
}
