// Signer and verifier keys in the text formats of golang.org/x/mod/sumdb/note, which
// C2SP signed-note §"Verifier keys" standardises. Key strings arrive from configuration files,
// command-line arguments and policy files: every parser here treats its input as attacker-controlled
// and throws only LedgerError('MALFORMED_KEY').
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, equalBytes, fromBase64, toBase64, utf8 } from './bytes.ts';
import { sha256 } from './hash.ts';
import { LedgerError } from './ledger-error.ts';

/** Signature type 0x01: Ed25519 over the note text (C2SP signed-note §"Signature types"). */
export const SIG_ED25519 = 0x01;
/** Signature type 0x04: timestamped Ed25519 checkpoint cosignature (C2SP tlog-cosignature). */
export const SIG_COSIGNATURE_V1 = 0x04;

const KEY_SIZE = 32;
const SIGNER_PREFIX = 'PRIVATE+KEY+';
const KEY_ID = /^[0-9a-f]{8}$/;
// C2SP signed-note §Format: no Unicode spaces, no plus. Control characters are refused as well,
// since a name with one could never appear in a valid note.
const BAD_NAME_CHARACTER = /[\p{White_Space}\p{Cc}+]/u;

/** A public key that verifies note signatures, with the vkey text it was parsed from. */
export interface VerifierKey {
  name: string;
  keyId: number;
  type: number;
  publicKey: Uint8Array;
  /** Canonical vkey text: `<name>+<hex key id>+<base64(type ‖ public key)>`. */
  text: string;
}

/** A private key that signs notes (type 0x01) or cosigns checkpoints (type 0x04). */
export interface SignerKey {
  name: string;
  keyId: number;
  type: number;
  /** The 32-byte Ed25519 seed (RFC 8032 §5.1.5 private key). */
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/**
 * True when `name` may be a key name: non-empty, no Unicode white space, no `+`, no control
 * character (C2SP signed-note §Format).
 *
 * @example isValidKeyName('example.com/log') // true
 */
export function isValidKeyName(name: string): boolean {
  return name !== '' && name.isWellFormed() && !BAD_NAME_CHARACTER.test(name);
}

/**
 * True when `text` may be the text of a note: well-formed Unicode, no ASCII control character
 * other than newline, ending in a newline (C2SP signed-note §Format).
 *
 * @example isValidNoteText('hello\n') // true
 */
export function isValidNoteText(text: string): boolean {
  if (!text.endsWith('\n') || !text.isWellFormed()) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return false;
  }
  return true;
}

/**
 * Key ID of a key: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] read as a big-endian uint32
 * (C2SP signed-note §Signatures; tlog-cosignature §Format for type 0x04).
 *
 * @example keyIdFor('example.com/foo', SIG_ED25519, publicKey) // 0x530d903a for the spec key
 */
export function keyIdFor(name: string, type: number, publicKey: Uint8Array): number {
  if (!Number.isInteger(type) || type < 0 || type > 0xff) {
    throw new LedgerError('INVALID_ARGUMENT', `signature type ${type} is not a byte`);
  }
  const digest = sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey));
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
}

/**
 * Parses a vkey `<name>+<hex8>+<base64(type ‖ key)>` (C2SP signed-note §"Verifier keys").
 * Only Ed25519 (0x01) and Ed25519 cosignature (0x04) keys are supported; the key ID must be the
 * recommended hash and the text must be canonical.
 *
 * @example parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')
 */
export function parseVerifierKey(text: string): VerifierKey {
  const { name, keyId, type, material } = decodeKey(text);
  if (!ed25519.utils.isValidPublicKey(material, false)) {
    throw new LedgerError('MALFORMED_KEY', `key ${name}: not an Ed25519 public key`);
  }
  checkKeyId(name, keyId, keyIdFor(name, type, material));
  // 33 bytes encode to 44 base64 characters with no padding, so fromBase64's strict alphabet
  // already makes the text canonical.
  return { name, keyId, type, publicKey: material, text };
}

/**
 * Formats a vkey (C2SP signed-note §"Verifier keys").
 *
 * @example formatVerifierKey('example.com/log', SIG_ED25519, publicKey) // 'example.com/log+…+Ab…'
 */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  checkKeyParts(name, type, publicKey);
  const keyId = keyIdFor(name, type, publicKey);
  return `${name}+${hex8(keyId)}+${toBase64(concatBytes(Uint8Array.of(type), publicKey))}`;
}

/**
 * Parses a signer key in Go's format `PRIVATE+KEY+<name>+<hex8>+<base64(type ‖ seed)>`; the key
 * ID must match the public key derived from the seed.
 *
 * @example parseSignerKey(generateSignerKey('example.com/log').signerKey)
 */
export function parseSignerKey(text: string): SignerKey {
  if (!text.startsWith(SIGNER_PREFIX)) {
    throw new LedgerError('MALFORMED_KEY', 'signer key does not start with PRIVATE+KEY+');
  }
  const body = text.slice(SIGNER_PREFIX.length);
  const { name, keyId, type, material } = decodeKey(body);
  const publicKey = ed25519.getPublicKey(material);
  checkKeyId(name, keyId, keyIdFor(name, type, publicKey));
  return { name, keyId, type, secretKey: material, publicKey };
}

/**
 * Formats a signer key in Go's `PRIVATE+KEY+…` format. Throws INVALID_ARGUMENT when the key's
 * fields do not agree (see {@link checkSignerKey}).
 *
 * @example formatSignerKey(parseSignerKey(text)) === text
 */
export function formatSignerKey(key: SignerKey): string {
  checkSignerKey(key);
  const material = toBase64(concatBytes(Uint8Array.of(key.type), key.secretKey));
  return `${SIGNER_PREFIX}${key.name}+${hex8(key.keyId)}+${material}`;
}

/**
 * Generates a fresh key pair from 32 random bytes (crypto.getRandomValues).
 *
 * @example const { signerKey, verifierKey } = generateSignerKey('witness.example/w1', SIG_COSIGNATURE_V1);
 */
export function generateSignerKey(
  name: string,
  type: number = SIG_ED25519,
): { signerKey: string; verifierKey: string } {
  const secretKey = crypto.getRandomValues(new Uint8Array(KEY_SIZE));
  const publicKey = ed25519.getPublicKey(secretKey);
  const signer = { name, keyId: keyIdFor(name, type, publicKey), type, secretKey, publicKey };
  return { signerKey: formatSignerKey(signer), verifierKey: verifierKeyOf(signer).text };
}

/**
 * The verifier key matching a signer key.
 *
 * @example openNote(signNote(text, [signer]), [verifierKeyOf(signer)])
 */
export function verifierKeyOf(signer: SignerKey): VerifierKey {
  checkSignerKey(signer);
  const { name, keyId, type, publicKey } = signer;
  return { name, keyId, type, publicKey, text: formatVerifierKey(name, type, publicKey) };
}

/**
 * Throws INVALID_ARGUMENT unless `key` is a usable signer: valid name, supported type, 32-byte
 * seed, and public key and key ID derived from that seed.
 *
 * @example checkSignerKey(parseSignerKey(text))
 */
export function checkSignerKey(key: SignerKey): void {
  if (isUnchangedSinceChecked(key)) return;
  checkKeyParts(key.name, key.type, key.secretKey);
  const publicKey = ed25519.getPublicKey(key.secretKey);
  const keyId = keyIdFor(key.name, key.type, publicKey);
  if (!equalBytes(publicKey, key.publicKey) || keyId !== key.keyId) {
    throw new LedgerError('INVALID_ARGUMENT', `signer key ${key.name}: fields do not agree`);
  }
  checkedKeys.set(key, {
    ...key,
    secretKey: key.secretKey.slice(),
    publicKey: key.publicKey.slice(),
  });
}

// Deriving the public key in pure JS takes about a millisecond, and the log signs a checkpoint
// with the same key object at every commit (a tenth of the demo build's log work went here). A
// key that passed keeps a copy of its fields; the check is skipped while they are unchanged.
const checkedKeys = new WeakMap<SignerKey, SignerKey>();

function isUnchangedSinceChecked(key: SignerKey): boolean {
  const copy = checkedKeys.get(key);
  return (
    copy !== undefined &&
    copy.name === key.name &&
    copy.keyId === key.keyId &&
    copy.type === key.type &&
    equalBytes(copy.secretKey, key.secretKey) &&
    equalBytes(copy.publicKey, key.publicKey)
  );
}

/** Splits `<name>+<hex8>+<base64(type ‖ 32 bytes)>` at the first two `+` (base64 may hold `+`). */
function decodeKey(text: string): {
  name: string;
  keyId: number;
  type: number;
  material: Uint8Array;
} {
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1); // also -1 whenever first is -1
  const name = text.slice(0, first);
  const id = text.slice(first + 1, second);
  if (second < 0 || !isValidKeyName(name) || !KEY_ID.test(id)) {
    throw new LedgerError('MALFORMED_KEY', 'key is not <name>+<hex8>+<base64>');
  }
  const bytes = decodeBase64(text.slice(second + 1), name);
  const type = bytes[0];
  if (bytes.length !== KEY_SIZE + 1 || (type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1)) {
    throw new LedgerError('MALFORMED_KEY', `key ${name}: unsupported type or key length`);
  }
  return { name, keyId: Number.parseInt(id, 16), type, material: bytes.slice(1) };
}

function decodeBase64(text: string, name: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch (cause) {
    throw new LedgerError('MALFORMED_KEY', `key ${name}: bad base64`, { cause });
  }
}

function checkKeyId(name: string, claimed: number, computed: number): void {
  if (claimed !== computed) {
    throw new LedgerError('MALFORMED_KEY', `key ${name}: key ID ${hex8(claimed)} does not match`);
  }
}

function checkKeyParts(name: string, type: number, key: Uint8Array): void {
  if (!isValidKeyName(name)) throw new LedgerError('INVALID_ARGUMENT', 'invalid key name');
  if (type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1) {
    throw new LedgerError('INVALID_ARGUMENT', `unsupported signature type ${type}`);
  }
  if (key.length !== KEY_SIZE) throw new LedgerError('INVALID_ARGUMENT', 'key must be 32 bytes');
}

function hex8(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}
