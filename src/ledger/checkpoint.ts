// C2SP tlog-checkpoint: the note text a log signs for each tree head. Checkpoint notes arrive
// from logs, witnesses and proof files, so everything here parses attacker-controlled input.
import { fromBase64, toBase64 } from './bytes.ts';
import { HASH_SIZE } from './hash.ts';
import { LedgerError } from './ledger-error.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, isValidNoteText } from './note-keys.ts';
import type { VerifierKey } from './note-keys.ts';
import { openNote } from './signed-note.ts';

const TREE_SIZE = /^(?:0|[1-9][0-9]*)$/;

/** A log's signed tree head (C2SP tlog-checkpoint §"Note text"). */
export interface Checkpoint {
  /** The log identity, first line of the note text. */
  origin: string;
  /** Number of leaves in the tree. */
  size: number;
  /** RFC 6962 Merkle tree hash of the first `size` leaves. */
  rootHash: Uint8Array;
  /** Opaque, non-empty extension lines, usually none. */
  extensions: string[];
}

/** A checkpoint whose log signature verified, with the witnesses that cosigned it. */
export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  /** The signed note, verbatim. */
  note: string;
  /** The note text, final newline included. */
  text: string;
  /** Witness keys whose cosignature verified, each once. */
  witnesses: VerifierKey[];
  /** Witness vkey text → cosignature timestamp (seconds since the Epoch). */
  cosignedAt: Map<string, number>;
}

/**
 * Formats the note text of a checkpoint: origin, size, base64 root hash, extension lines, each
 * ending in a newline. Throws INVALID_ARGUMENT on a checkpoint that could not be parsed back.
 *
 * @example formatCheckpointText({ origin: 'example.com/log', size: 0, rootHash: EMPTY_ROOT, extensions: [] })
 */
export function formatCheckpointText(cp: Checkpoint): string {
  const lines = [cp.origin, String(cp.size), toBase64(cp.rootHash), ...cp.extensions];
  const text = lines.map((line) => `${line}\n`).join('');
  const isSizeValid = Number.isSafeInteger(cp.size) && cp.size >= 0;
  const hasEmptyOrSplitLine = lines.some((line) => line === '' || line.includes('\n'));
  if (!isSizeValid || cp.rootHash.length !== HASH_SIZE || hasEmptyOrSplitLine) {
    throw new LedgerError('INVALID_ARGUMENT', 'checkpoint cannot be formatted as note text');
  }
  if (!isValidNoteText(text)) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      'checkpoint holds a control character or invalid Unicode',
    );
  }
  return text;
}

/**
 * Parses a checkpoint note text strictly (C2SP tlog-checkpoint §"Note text"): non-empty origin,
 * decimal size without leading zeroes up to Number.MAX_SAFE_INTEGER, canonical base64 of a
 * 32-byte root hash, non-empty extension lines. Throws MALFORMED_CHECKPOINT.
 *
 * @example parseCheckpointText(openNote(note, [logKey]).text).size
 */
export function parseCheckpointText(text: string): Checkpoint {
  if (!isValidNoteText(text)) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint text is not valid note text');
  }
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  if (origin === '' || !TREE_SIZE.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint origin or size is malformed');
  }
  const rootHash = decodeRoot(root);
  if (extensions.includes('')) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint has an empty extension line');
  }
  const checkpoint = { origin, size: Number(size), rootHash, extensions };
  // Only non-canonical base64 (stray low bits) can fail here: one checkpoint, one text.
  if (formatCheckpointText(checkpoint) !== text) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint text is not canonical');
  }
  return checkpoint;
}

/**
 * Verifies a checkpoint note: it must carry a valid Ed25519 signature from `logKey` (UNKNOWN_KEY
 * when there is none, BAD_SIGNATURE when it fails) and its origin must be the log key's name
 * (MALFORMED_CHECKPOINT). Cosignatures by `witnesses` (type 0x04 keys) are verified and
 * collected; a failing one rejects the note, as C2SP signed-note §Signatures recommends.
 *
 * @example openCheckpoint(note, { logKey, witnesses }).checkpoint.size
 */
export function openCheckpoint(
  note: string,
  options: { logKey: VerifierKey; witnesses?: readonly VerifierKey[] },
): OpenedCheckpoint {
  const { logKey, witnesses = [] } = options;
  if (logKey.type !== SIG_ED25519) {
    throw new LedgerError('INVALID_ARGUMENT', `log key ${logKey.name} is not an Ed25519 key`);
  }
  if (witnesses.some((key) => key.type !== SIG_COSIGNATURE_V1)) {
    throw new LedgerError('INVALID_ARGUMENT', 'witness keys must be cosignature/v1 keys');
  }
  const opened = openNote(note, [logKey, ...witnesses]);
  if (!opened.verifiedBy.includes(logKey)) {
    throw new LedgerError('UNKNOWN_KEY', `checkpoint is not signed by ${logKey.name}`);
  }
  const checkpoint = parseCheckpointText(opened.text);
  // C2SP tlog-checkpoint §Signatures: the log's key name matches the origin line.
  if (checkpoint.origin !== logKey.name) {
    throw new LedgerError('MALFORMED_CHECKPOINT', `origin ${checkpoint.origin} is not the log's`);
  }
  return {
    checkpoint,
    note,
    text: opened.text,
    witnesses: opened.verifiedBy.filter((key) => key !== logKey),
    cosignedAt: opened.cosignedAt,
  };
}

function decodeRoot(root: string): Uint8Array {
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(root);
  } catch (cause) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint root hash is not base64', { cause });
  }
  if (rootHash.length !== HASH_SIZE) {
    throw new LedgerError('MALFORMED_CHECKPOINT', 'checkpoint root hash is not 32 bytes');
  }
  return rootHash;
}
