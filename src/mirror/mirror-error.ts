/** Why a mirror run could not even start or finish; the CLI exits 2 on these. */
export type MirrorErrorCode = 'MIRROR_LOCKED' | 'MIRROR_CORRUPT' | 'MIRROR_FOREIGN' | 'NO_LOG';

/**
 * A problem with the mirror directory or the source location rather than with what the log
 * says: another mirror holds the lock, the mirror's own files no longer match its checkpoint,
 * its checkpoint is not signed by the given key, or the data directory holds no log. (A
 * source that forks or lies is a VerificationError instead.)
 */
export class MirrorError extends Error {
  readonly code: MirrorErrorCode;

  constructor(code: MirrorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MirrorError';
    this.code = code;
  }
}
