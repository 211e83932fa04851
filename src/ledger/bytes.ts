// Byte helpers shared by the ledger. Everything here runs in the browser too: no Buffer.
import { encodeBase64 } from '#platform';
import { LedgerError } from './ledger-error.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** UTF-8 encoding of `text`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding; invalid sequences are an INVALID_ARGUMENT, never U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new LedgerError('INVALID_ARGUMENT', 'bytes are not valid UTF-8', { cause });
  }
}

/** Standard base64 (RFC 4648 §4) with padding. */
export function toBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}

/** Strict standard base64 decoding: rejects whitespace, URL alphabet and missing padding. */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new LedgerError('MALFORMED_BASE64', 'not canonical base64');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Equality in time that depends only on the lengths, so comparing a secret or a hash does not
 * leak how many leading bytes matched.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const left = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const right = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= left.getUint8(i) ^ right.getUint8(i);
  return diff === 0;
}
