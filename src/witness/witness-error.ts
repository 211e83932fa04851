// The ways a witness refuses an add-checkpoint request (C2SP tlog-witness@v1.0.0 §add-checkpoint).
// Each code maps to exactly one HTTP status in witness.app.ts; nothing else is ever refused.

/** Why a checkpoint was not cosigned. Stable: the HTTP layer switches on it. */
export type WitnessErrorCode =
  /** 400: the body is not `old N`, proof lines, a blank line and a signed checkpoint note. */
  | 'malformed_request'
  /** 403: no signature by a trusted key of the origin, or a trusted key's signature fails. */
  | 'bad_signature'
  /** 404: the checkpoint's origin is not a configured log. */
  | 'unknown_log'
  /** 409: the old size is not the cosigned size, or the same size has a different root. */
  | 'conflict'
  /** 422: the consistency proof does not verify (the log may be misbehaving). */
  | 'inconsistent';

/**
 * A refusal, with the witness's current size for `conflict` (the 409 body).
 *
 * @example throw new WitnessError('conflict', 'old size 3 is not 5', 5)
 */
export class WitnessError extends Error {
  readonly code: WitnessErrorCode;
  /** The size of the latest cosigned checkpoint; set for `conflict`. */
  readonly knownSize: number | undefined;

  constructor(code: WitnessErrorCode, message: string, knownSize?: number) {
    super(message);
    this.name = 'WitnessError';
    this.code = code;
    this.knownSize = knownSize;
  }
}

/** True when `error` is a WitnessError. */
export function isWitnessError(error: unknown): error is WitnessError {
  return error instanceof WitnessError;
}
