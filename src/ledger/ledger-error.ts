/** Every way a ledger operation can refuse its input. Stable: callers switch on it. */
export type LedgerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'MALFORMED_BASE64'
  | 'MALFORMED_NOTE'
  | 'MALFORMED_KEY'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'MALFORMED_CHECKPOINT'
  | 'MALFORMED_COSIGNATURE'
  | 'MALFORMED_TILE_PATH'
  | 'MALFORMED_TILE'
  | 'MALFORMED_BUNDLE'
  | 'MALFORMED_PROOF'
  | 'INCLUSION_FAILED'
  | 'CONSISTENCY_FAILED'
  | 'MALFORMED_POLICY'
  | 'QUORUM_NOT_MET';

/**
 * The one error the ledger throws. `code` says what failed; `message` says where, in words
 * an auditor can act on ("tile 0/x001/234: hash 17 differs").
 *
 * @example
 * try { verifyNote(text, keys) } catch (e) { if (isLedgerError(e, 'BAD_SIGNATURE')) … }
 */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;

  constructor(code: LedgerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedgerError';
    this.code = code;
  }
}

/** True when `error` is a LedgerError, optionally with the given code. */
export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return error instanceof LedgerError && (code === undefined || error.code === code);
}
