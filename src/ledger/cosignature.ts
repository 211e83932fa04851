// C2SP tlog-cosignature, Ed25519 variant (signature type 0x04, "cosignature/v1") only. The
// signature bytes handed to verifyCosignature come from a note an attacker may have written.
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, toBase64, utf8 } from './bytes.ts';
import { LedgerError } from './ledger-error.ts';
import { SIG_COSIGNATURE_V1, checkSignerKey, isValidNoteText } from './note-keys.ts';
import type { SignerKey, VerifierKey } from './note-keys.ts';

const TIMESTAMP_SIZE = 8;
const SIGNATURE_SIZE = 64;
const MAX_U63 = (1n << 63n) - 1n;
// A checkpoint body: at least three non-empty lines (C2SP tlog-checkpoint §"Note text").
const CHECKPOINT_SHAPE = /^(?:[^\n]+\n){3,}$/;

/**
 * The message an Ed25519 cosigner signs (C2SP tlog-cosignature §"Ed25519 signed message"):
 * `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint text, final newline included.
 *
 * @example cosignatureMessage('example.com/log\n1\nAAAA…=\n', 1679315147)
 */
export function cosignatureMessage(checkpointText: string, timestamp: number): Uint8Array {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `timestamp ${timestamp} is not a POSIX time`);
  }
  return messageFor(checkpointText, BigInt(timestamp));
}

/**
 * Cosigns a checkpoint text as `witness` (type 0x04) at `timestamp` (seconds since the Epoch).
 * Returns the note signature line, without its final newline:
 * `— <name> base64(key ID ‖ u64 timestamp ‖ Ed25519 signature)` (C2SP tlog-cosignature §Format).
 * The caller is expected to have parsed and checked the checkpoint; this only refuses text that
 * cannot be a checkpoint body.
 *
 * @example appendSignatures(note, [cosignCheckpoint(text, witness, Math.floor(Date.now() / 1000))])
 */
export function cosignCheckpoint(
  checkpointText: string,
  witness: SignerKey,
  timestamp: number,
): string {
  checkSignerKey(witness);
  if (witness.type !== SIG_COSIGNATURE_V1) {
    throw new LedgerError('INVALID_ARGUMENT', `key ${witness.name} is not a cosignature/v1 key`);
  }
  if (!CHECKPOINT_SHAPE.test(checkpointText) || !isValidNoteText(checkpointText)) {
    throw new LedgerError('INVALID_ARGUMENT', 'text is not a checkpoint body');
  }
  const message = cosignatureMessage(checkpointText, timestamp);
  const head = new Uint8Array(4 + TIMESTAMP_SIZE);
  const view = new DataView(head.buffer);
  view.setUint32(0, witness.keyId);
  view.setBigUint64(4, BigInt(timestamp));
  const signature = ed25519.sign(message, witness.secretKey);
  return `— ${witness.name} ${toBase64(concatBytes(head, signature))}`;
}

/**
 * Verifies an Ed25519 cosignature (the signature bytes after the 4-byte key ID: a u64 big-endian
 * timestamp and a 64-byte signature) and returns its timestamp.
 *
 * Throws MALFORMED_COSIGNATURE when the bytes are not 8 + 64 long or the timestamp exceeds
 * 2^63 - 1 (tlog-cosignature §Format), BAD_SIGNATURE when the signature does not verify, and
 * MALFORMED_COSIGNATURE when a valid signature carries a timestamp past Number.MAX_SAFE_INTEGER
 * (year 285 million: such a time cannot be honest and cannot be returned exactly as a number).
 *
 * @example const time = verifyCosignature(text, witnessKey, signatureBytes)
 */
export function verifyCosignature(
  checkpointText: string,
  key: VerifierKey,
  signature: Uint8Array,
): number {
  if (key.type !== SIG_COSIGNATURE_V1 || key.publicKey.length !== 32) {
    throw new LedgerError('INVALID_ARGUMENT', `key ${key.name} is not a cosignature/v1 key`);
  }
  if (signature.length !== TIMESTAMP_SIZE + SIGNATURE_SIZE) {
    throw new LedgerError('MALFORMED_COSIGNATURE', `cosignature by ${key.name}: wrong length`);
  }
  const view = new DataView(signature.buffer, signature.byteOffset, TIMESTAMP_SIZE);
  const timestamp = view.getBigUint64(0);
  if (timestamp > MAX_U63) {
    throw new LedgerError('MALFORMED_COSIGNATURE', `cosignature by ${key.name}: time > 2^63-1`);
  }
  const message = messageFor(checkpointText, timestamp);
  const bytes = signature.subarray(TIMESTAMP_SIZE);
  if (!ed25519.verify(bytes, message, key.publicKey, { zip215: false })) {
    throw new LedgerError('BAD_SIGNATURE', `cosignature by ${key.name} does not verify`);
  }
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LedgerError('MALFORMED_COSIGNATURE', `cosignature by ${key.name}: time too large`);
  }
  return Number(timestamp);
}

/** The signed message, with the timestamp in decimal without leading zeroes. */
function messageFor(checkpointText: string, timestamp: bigint): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp.toString()}\n${checkpointText}`);
}
