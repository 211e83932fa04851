// One C2SP tlog-witness add-checkpoint exchange (tlog-witness@v1.0.0 §add-checkpoint), seen from
// the log. Everything a witness answers is untrusted: the body is read up to a small limit and
// parsed strictly; the cosignatures themselves are verified by the caller.
import { toBase64 } from '../../ledger/bytes.ts';

/** Largest answer read from a witness: a few cosignature lines fit in far less. */
const MAX_RESPONSE_BYTES = 16 * 1024;
/** C2SP tlog-witness §add-checkpoint: the client MUST NOT send more than 63 proof lines. */
const MAX_PROOF_LINES = 63;
const SIZE_BODY = /^(0|[1-9][0-9]*)\n$/;

/** What to submit. */
export interface AddCheckpointRequest {
  /** The witness's submission prefix. */
  url: string;
  /** The size of the checkpoint the witness last cosigned, as far as the log knows (0: none). */
  oldSize: number;
  /** RFC 6962 §2.1.2 consistency proof from `oldSize` to the checkpoint's size. */
  proof: readonly Uint8Array[];
  /** The log's signed checkpoint note. */
  note: string;
  /** Aborts the exchange: the per-request timeout and the log's shutdown. */
  signal: AbortSignal;
}

/** A witness's answer: its signature lines (200), or the size it has cosigned (409). */
export type AddCheckpointAnswer =
  { kind: 'cosigned'; lines: string[] } | { kind: 'conflict'; size: number };

/** The witness could not be reached, refused, or answered something unreadable. */
export class WitnessRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WitnessRequestError';
  }
}

/**
 * The request body: `old N`, the proof lines, an empty line, then the checkpoint note.
 *
 * @example addCheckpointBody(0, [], note) // 'old 0\n\n' + note
 */
export function addCheckpointBody(oldSize: number, proof: readonly Uint8Array[], note: string) {
  if (proof.length > MAX_PROOF_LINES) {
    throw new WitnessRequestError(`a proof of ${proof.length} lines cannot be sent`);
  }
  const lines = proof.map((hash) => `${toBase64(hash)}\n`).join('');
  return `old ${String(oldSize)}\n${lines}\n${note}`;
}

/**
 * POSTs one add-checkpoint request and reads the answer. Resolves `cosigned` with the signature
 * lines (without their newline, not yet verified) or `conflict` with the witness's size; throws
 * WitnessRequestError for any other status, a malformed body, a network error or an abort.
 *
 * @example await postAddCheckpoint({ url, oldSize: 0, proof: [], note, signal })
 */
export async function postAddCheckpoint(
  request: AddCheckpointRequest,
): Promise<AddCheckpointAnswer> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(`${request.url}/add-checkpoint`, {
      method: 'POST',
      body: addCheckpointBody(request.oldSize, request.proof, request.note),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      redirect: 'error',
      signal: request.signal,
    });
    body = await readLimited(response);
  } catch (error) {
    if (error instanceof WitnessRequestError) throw error;
    throw new WitnessRequestError(`${request.url} did not answer`, { cause: error });
  }
  if (response.status === 409) return { kind: 'conflict', size: parseSize(body) };
  if (response.status !== 200) {
    throw new WitnessRequestError(`${request.url} refused with ${response.status}`);
  }
  return { kind: 'cosigned', lines: parseSignatureLines(body) };
}

async function readLimited(response: Response): Promise<string> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    length += chunk.value.length;
    if (length > MAX_RESPONSE_BYTES) {
      await reader?.cancel();
      throw new WitnessRequestError(`the answer is longer than ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

// §add-checkpoint: the 409 body is the cosigned size in decimal and a newline.
function parseSize(body: string): number {
  const match = SIZE_BODY.exec(body);
  const size = Number(match?.[1]);
  if (match === null || !Number.isSafeInteger(size)) {
    throw new WitnessRequestError('a 409 answer without a tree size');
  }
  return size;
}

// §add-checkpoint: one or more note signature lines, each starting with `—` and ending in `\n`.
function parseSignatureLines(body: string): string[] {
  const lines = body.split('\n');
  const last = lines.pop();
  if (last !== '' || lines.length === 0 || lines.some((line) => !line.startsWith('— '))) {
    throw new WitnessRequestError('a 200 answer that is not signature lines');
  }
  return lines;
}
