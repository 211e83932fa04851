// C2SP signed-note: text signed by one or more keys. Notes come from logs, witnesses and proof
// files, so parseNote and openNote treat the whole string as attacker-controlled.
import { ed25519 } from '@noble/curves/ed25519.js';
import { ed25519Sign } from '#platform';
import { concatBytes, fromBase64, toBase64, utf8 } from './bytes.ts';
import { verifyCosignature } from './cosignature.ts';
import { LedgerError } from './ledger-error.ts';
import {
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  checkSignerKey,
  isValidKeyName,
  isValidNoteText,
} from './note-keys.ts';
import type { SignerKey, VerifierKey } from './note-keys.ts';

// C2SP signed-note §Format: verifiers SHOULD bound the number of signatures and MUST accept 16.
const MAX_SIGNATURES = 100;
/** Longest note accepted, in UTF-16 code units (about 1 MiB). */
const MAX_NOTE_LENGTH = 1 << 20;
const SIGNATURE_PREFIX = '— ';
const KEY_ID_SIZE = 4;

/** One signature line of a note: the key name, the key ID and the signature proper. */
export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  signature: Uint8Array;
}

/** A note split into text and signatures; nothing is verified yet. */
export interface ParsedNote {
  /** The note text, final newline included, separating blank line excluded. */
  text: string;
  signatures: NoteSignature[];
}

/** A note whose text at least one trusted key vouches for. */
export interface VerifiedNote {
  text: string;
  /** The known keys whose signatures verified, each once, in order of appearance. */
  verifiedBy: VerifierKey[];
  /** For each verified cosignature/v1 key (by vkey text), its latest cosignature timestamp. */
  cosignedAt: Map<string, number>;
}

/**
 * Splits a signed note into text and signatures, strictly (C2SP signed-note §Format): valid
 * Unicode, no control characters but newline, text separated from one to 100 signature lines by
 * the last blank line, each line `— <name> <base64(key ID ‖ signature)>`. Throws MALFORMED_NOTE.
 *
 * @example parseNote('hello\n\n— example.com/k AAAAAAE=\n').text // 'hello\n'
 */
export function parseNote(note: string): ParsedNote {
  if (note.length > MAX_NOTE_LENGTH || !isValidNoteText(note)) {
    throw new LedgerError('MALFORMED_NOTE', 'note is too long, not valid text, or unterminated');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new LedgerError('MALFORMED_NOTE', 'note has no blank line');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    throw new LedgerError('MALFORMED_NOTE', `note has more than ${MAX_SIGNATURES} signatures`);
  }
  return { text: note.slice(0, split + 1), signatures: lines.map(parseSignatureLine) };
}

/**
 * Signs `text` with Ed25519 (type 0x01) signers and returns the signed note. The text must end in
 * a newline and contain no control character but newline, and the note must stay under the size
 * parseNote accepts.
 *
 * @example signNote('hello\n', [parseSignerKey(skey)])
 */
export function signNote(text: string, signers: readonly SignerKey[]): string {
  if (!isValidNoteText(text) || text.length > MAX_NOTE_LENGTH) {
    throw new LedgerError('INVALID_ARGUMENT', 'note text is not valid or too long');
  }
  if (signers.length === 0 || signers.length > MAX_SIGNATURES) {
    throw new LedgerError('INVALID_ARGUMENT', `a note needs 1 to ${MAX_SIGNATURES} signers`);
  }
  const message = utf8(text);
  const lines = signers.map((signer) => {
    checkSignerKey(signer);
    if (signer.type !== SIG_ED25519) {
      throw new LedgerError('INVALID_ARGUMENT', `key ${signer.name} is not an Ed25519 key`);
    }
    const keyId = new Uint8Array(KEY_ID_SIZE);
    new DataView(keyId.buffer).setUint32(0, signer.keyId);
    const signature = ed25519Sign(message, signer.secretKey);
    return `${SIGNATURE_PREFIX}${signer.name} ${toBase64(concatBytes(keyId, signature))}\n`;
  });
  const note = `${text}\n${lines.join('')}`;
  // What signNote writes, parseNote must read back.
  if (note.length > MAX_NOTE_LENGTH) throw new LedgerError('INVALID_ARGUMENT', 'note too long');
  return note;
}

/**
 * Appends signature lines (such as witness cosignatures, given without their final newline) to a
 * signed note. Both the note and the lines must be well formed; nothing is verified.
 *
 * @example appendSignatures(note, [cosignCheckpoint(text, witness, now)])
 */
export function appendSignatures(note: string, lines: readonly string[]): string {
  const count = parseNote(note).signatures.length + lines.length;
  if (count > MAX_SIGNATURES) {
    throw new LedgerError('MALFORMED_NOTE', `note would have more than ${MAX_SIGNATURES} lines`);
  }
  // A line holding a newline cannot parse: names exclude white space, base64 excludes newline.
  for (const line of lines) parseSignatureLine(line);
  const appended = note + lines.map((line) => `${line}\n`).join('');
  if (appended.length > MAX_NOTE_LENGTH) throw new LedgerError('MALFORMED_NOTE', 'note too long');
  return appended;
}

/**
 * Verifies a note against trusted keys (C2SP signed-note §Signatures): signatures from unknown
 * (name, key ID) pairs are ignored; a known key whose signature fails rejects the whole note
 * (BAD_SIGNATURE, or MALFORMED_COSIGNATURE for a misshapen cosignature); a note that no known key
 * signed is rejected (UNKNOWN_KEY). Type 0x01 keys sign the text, type 0x04 keys the
 * cosignature/v1 message (C2SP tlog-cosignature).
 *
 * @example openNote(note, [parseVerifierKey(vkey)]).text
 */
export function openNote(note: string, verifiers: readonly VerifierKey[]): VerifiedNote {
  const { text, signatures } = parseNote(note);
  const known = indexVerifiers(verifiers);
  const message = utf8(text);
  const verified = new Set<VerifierKey>();
  const cosignedAt = new Map<string, number>();
  for (const { name, keyId, signature } of signatures) {
    const key = known.get(lookupKey(name, keyId));
    if (key === undefined) continue;
    if (key.type === SIG_COSIGNATURE_V1) {
      const time = verifyCosignature(text, key, signature);
      cosignedAt.set(key.text, Math.max(time, cosignedAt.get(key.text) ?? 0));
    } else if (!verifyEd25519(signature, message, key.publicKey)) {
      throw new LedgerError('BAD_SIGNATURE', `signature by ${name} does not verify`);
    }
    verified.add(key);
  }
  if (verified.size === 0) {
    throw new LedgerError('UNKNOWN_KEY', 'note is not signed by any known key');
  }
  return { text, verifiedBy: [...verified], cosignedAt };
}

/** Parses `— <name> <base64(key ID ‖ signature)>` (C2SP signed-note §Signatures). */
function parseSignatureLine(line: string): NoteSignature {
  const space = line.indexOf(' ', SIGNATURE_PREFIX.length);
  const name = line.slice(SIGNATURE_PREFIX.length, space);
  if (!line.startsWith(SIGNATURE_PREFIX) || space < 0 || !isValidKeyName(name)) {
    throw new LedgerError('MALFORMED_NOTE', 'signature line is not — <name> <base64>');
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(line.slice(space + 1));
  } catch (cause) {
    throw new LedgerError('MALFORMED_NOTE', `signature by ${name}: bad base64`, { cause });
  }
  if (bytes.length <= KEY_ID_SIZE) {
    throw new LedgerError('MALFORMED_NOTE', `signature by ${name} is too short`);
  }
  const keyId = new DataView(bytes.buffer, bytes.byteOffset, KEY_ID_SIZE).getUint32(0);
  return { name, keyId, signature: bytes.subarray(KEY_ID_SIZE) };
}

/** Maps (name, key ID) to the trusted key; two different keys with one (name, ID) are refused. */
function indexVerifiers(verifiers: readonly VerifierKey[]): Map<string, VerifierKey> {
  const known = new Map<string, VerifierKey>();
  for (const key of verifiers) {
    const supported = key.type === SIG_ED25519 || key.type === SIG_COSIGNATURE_V1;
    if (!supported || key.publicKey.length !== 32) {
      throw new LedgerError('INVALID_ARGUMENT', `key ${key.name}: unsupported type or length`);
    }
    const id = lookupKey(key.name, key.keyId);
    const previous = known.get(id);
    if (previous !== undefined && previous.text !== key.text) {
      throw new LedgerError('INVALID_ARGUMENT', `keys ${key.text} and ${previous.text} collide`);
    }
    if (previous === undefined) known.set(id, key);
  }
  return known;
}

function lookupKey(name: string, keyId: number): string {
  return `${keyId} ${name}`;
}

/** RFC 8032 verification, strict encodings; a signature of the wrong length simply fails. */
function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  return (
    signature.length === 64 && ed25519.verify(signature, message, publicKey, { zip215: false })
  );
}
