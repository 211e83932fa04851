// Parses the body of POST /add-checkpoint (C2SP tlog-witness@v1.0.0 §add-checkpoint). The whole
// body is attacker-controlled: anything that is not exactly the spec's shape is malformed_request.
import { fromBase64, fromUtf8 } from '../ledger/bytes.ts';
import { HASH_SIZE } from '../ledger/hash.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { WitnessError } from './witness-error.ts';

/** "The client MUST NOT send more than 63 consistency proof lines." */
export const MAX_PROOF_LINES = 63;
const OLD_SIZE = /^old (0|[1-9][0-9]*)$/;

/** An add-checkpoint request, split but not yet verified. */
export interface AddCheckpointRequest {
  /** The size of the checkpoint the client believes the witness cosigned last. */
  oldSize: number;
  /** The consistency proof from `oldSize` to the checkpoint's size (RFC 6962 §2.1.2). */
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim (its signatures are checked later). */
  note: string;
}

/**
 * Splits a request body into its old size line, proof lines and checkpoint note. Throws
 * WitnessError('malformed_request') for invalid UTF-8, a bad old size line (leading zeroes,
 * beyond 2^53 - 1), a proof line that is not the base64 of a 32-byte hash, more than 63 of
 * them, or a missing blank line. The note itself is parsed by the caller.
 *
 * @example parseAddCheckpointRequest(utf8('old 0\n\n' + note)).oldSize // 0
 */
export function parseAddCheckpointRequest(body: Uint8Array): AddCheckpointRequest {
  const text = decode(body);
  let start = 0;
  const nextLine = (): string => {
    const end = text.indexOf('\n', start);
    if (end < 0) throw malformed('every line must end in a newline');
    const line = text.slice(start, end);
    start = end + 1;
    return line;
  };
  const oldSize = parseOldSize(nextLine());
  const proof: Uint8Array[] = [];
  for (let line = nextLine(); line !== ''; line = nextLine()) {
    if (proof.length === MAX_PROOF_LINES) throw malformed('more than 63 proof lines');
    proof.push(parseProofHash(line));
  }
  return { oldSize, proof, note: text.slice(start) };
}

function decode(body: Uint8Array): string {
  try {
    return fromUtf8(body);
  } catch {
    throw malformed('body is not UTF-8');
  }
}

function parseOldSize(line: string): number {
  const digits = OLD_SIZE.exec(line)?.[1];
  const size = Number(digits);
  if (digits === undefined || !Number.isSafeInteger(size)) {
    throw malformed('first line is not "old <size>"');
  }
  return size;
}

function parseProofHash(line: string): Uint8Array {
  let hash: Uint8Array;
  try {
    hash = fromBase64(line);
  } catch (error) {
    if (isLedgerError(error)) throw malformed('proof line is not base64');
    throw error;
  }
  if (hash.length !== HASH_SIZE) throw malformed('proof line is not a 32-byte hash');
  return hash;
}

function malformed(message: string): WitnessError {
  return new WitnessError('malformed_request', message);
}
