// C2SP tlog-proof: an offline-verifiable proof that an entry is in a log, as a text file
// (`.tlog-proof`). The whole file is attacker-controlled: anyone can hand one to a verifier.
import { fromBase64, toBase64 } from './bytes.ts';
import { parseCheckpointText, openCheckpoint } from './checkpoint.ts';
import type { OpenedCheckpoint } from './checkpoint.ts';
import { HASH_SIZE } from './hash.ts';
import { LedgerError } from './ledger-error.ts';
import { verifyInclusion } from './merkle-verify.ts';
import type { VerifierKey } from './note-keys.ts';
import { parseNote } from './signed-note.ts';

const HEADER = 'c2sp.org/tlog-proof@v1';
const EXTRA_PREFIX = 'extra ';
const INDEX_LINE = /^index (0|[1-9][0-9]*)$/;
/** An audit path for a tree of at most 2^53 leaves has at most 53 hashes; allow some slack. */
const MAX_PROOF_HASHES = 64;
/** A checkpoint note is at most about 1 MiB (see signed-note.ts); the proof lines are small. */
const MAX_PROOF_LENGTH = 1 << 21;

/** A parsed tlog proof (C2SP tlog-proof §Format). */
export interface TlogProof {
  /** Opaque, unauthenticated application data: never trust it implicitly. */
  extra?: Uint8Array;
  /** Zero-based index of the entry in the log. */
  index: number;
  /** RFC 6962 audit path, from the leaf's sibling up to the root's child. */
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

let lastWellFormedCheckpoint: string | undefined;

/**
 * Formats a tlog proof (C2SP tlog-proof §Format). Throws INVALID_ARGUMENT when the proof could
 * not be parsed back: bad index, hashes that are not 32 bytes, or a malformed checkpoint note.
 *
 * @example writeFile('entry.tlog-proof', formatTlogProof({ index, proof, checkpoint: note }))
 */
export function formatTlogProof(p: TlogProof): string {
  const isIndexValid = Number.isSafeInteger(p.index) && p.index >= 0;
  const isPathValid =
    p.proof.length <= MAX_PROOF_HASHES && p.proof.every((hash) => hash.length === HASH_SIZE);
  if (!isIndexValid || !isPathValid) {
    throw new LedgerError('INVALID_ARGUMENT', 'proof index or hashes are malformed');
  }
  // A log formats the receipts of one checkpoint by the thousand: check each note once.
  if (p.checkpoint !== lastWellFormedCheckpoint) {
    try {
      parseCheckpointNote(p.checkpoint);
    } catch (cause) {
      throw new LedgerError('INVALID_ARGUMENT', 'proof checkpoint is malformed', { cause });
    }
    lastWellFormedCheckpoint = p.checkpoint;
  }
  return render(p);
}

/**
 * Parses a tlog proof strictly (C2SP tlog-proof §Format): header line, optional `extra` line,
 * `index` line, one 32-byte base64 hash per line, a blank line, then a well-formed checkpoint
 * note. Nothing is verified. Throws MALFORMED_PROOF.
 *
 * @example verifyTlogProof({ proof: parseTlogProof(text), leafHash, logKey })
 */
export function parseTlogProof(text: string): TlogProof {
  const blank = text.indexOf('\n\n');
  if (text.length > MAX_PROOF_LENGTH || blank < 0) {
    throw new LedgerError('MALFORMED_PROOF', 'proof is too long or has no blank line');
  }
  const [header, ...lines] = text.slice(0, blank).split('\n');
  if (header !== HEADER) throw new LedgerError('MALFORMED_PROOF', `first line is not ${HEADER}`);
  const extraLine = lines[0]?.startsWith(EXTRA_PREFIX) === true ? lines.shift() : undefined;
  const index = parseIndex(lines.shift());
  if (lines.length > MAX_PROOF_HASHES) {
    throw new LedgerError('MALFORMED_PROOF', `proof has more than ${MAX_PROOF_HASHES} hashes`);
  }
  const proof = lines.map((line) => decode(line, 'proof hash'));
  if (proof.some((hash) => hash.length !== HASH_SIZE)) {
    throw new LedgerError('MALFORMED_PROOF', 'proof hash is not 32 bytes');
  }
  const checkpoint = text.slice(blank + 2);
  try {
    parseCheckpointNote(checkpoint);
  } catch (cause) {
    throw new LedgerError('MALFORMED_PROOF', 'proof checkpoint is malformed', { cause });
  }
  const parsed: TlogProof = { index, proof, checkpoint };
  if (extraLine !== undefined) parsed.extra = decode(extraLine.slice(EXTRA_PREFIX.length), 'extra');
  // Only non-canonical base64 (stray low bits) can fail here: one proof, one text.
  if (render(parsed) !== text) throw new LedgerError('MALFORMED_PROOF', 'proof is not canonical');
  return parsed;
}

/**
 * Verifies a tlog proof (C2SP tlog-proof §"Verifying a tlog proof"): the checkpoint must be
 * signed by `logKey` with the log's origin (see openCheckpoint), at least `quorum` distinct
 * `witnesses` (default 0) must have cosigned it (else QUORUM_NOT_MET), and the audit path must
 * bind `leafHash` at `index` to the checkpoint's root (else INCLUSION_FAILED). Returns the opened
 * checkpoint; the `extra` data stays unauthenticated.
 *
 * @example verifyTlogProof({ proof, leafHash: hashLeaf(entry), logKey, witnesses, quorum: 2 })
 */
export function verifyTlogProof(options: {
  proof: TlogProof;
  leafHash: Uint8Array;
  logKey: VerifierKey;
  witnesses?: readonly VerifierKey[];
  quorum?: number;
}): OpenedCheckpoint {
  const { proof, leafHash, logKey, witnesses = [], quorum = 0 } = options;
  if (!Number.isSafeInteger(quorum) || quorum < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `quorum ${quorum} is not a count`);
  }
  const opened = openCheckpoint(proof.checkpoint, { logKey, witnesses });
  if (opened.witnesses.length < quorum) {
    throw new LedgerError(
      'QUORUM_NOT_MET',
      `${opened.witnesses.length} of ${quorum} required witnesses cosigned the checkpoint`,
    );
  }
  const { size, rootHash } = opened.checkpoint;
  verifyInclusion({ index: proof.index, size, leafHash, proof: proof.proof, root: rootHash });
  return opened;
}

function render(p: TlogProof): string {
  const lines = [HEADER];
  if (p.extra !== undefined) lines.push(`${EXTRA_PREFIX}${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(toBase64));
  return `${lines.map((line) => `${line}\n`).join('')}\n${p.checkpoint}`;
}

function parseIndex(line: string | undefined): number {
  const digits = INDEX_LINE.exec(line ?? '')?.[1];
  const index = Number(digits);
  if (digits === undefined || !Number.isSafeInteger(index)) {
    throw new LedgerError('MALFORMED_PROOF', 'index line is malformed');
  }
  return index;
}

function decode(text: string, what: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch (cause) {
    throw new LedgerError('MALFORMED_PROOF', `${what} is not base64`, { cause });
  }
}

/** A checkpoint note as tlog-checkpoint defines it; its signatures are checked by verifyTlogProof. */
function parseCheckpointNote(note: string): void {
  parseCheckpointText(parseNote(note).text);
}
