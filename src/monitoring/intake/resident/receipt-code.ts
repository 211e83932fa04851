// The private receipt code of an anonymous resident report: 160 random bits, shown once to the
// reporter and kept only as its SHA-256 (a code this long cannot be guessed, so a fast digest
// is enough; nothing slow is needed as for passwords). Written in lower-case RFC 4648 base32 in
// groups of four, so it can be read out over a phone; spaces, hyphens and case do not matter.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const CODE_BYTES = 20;
const CODE_CHARS = 32;

/**
 * A new receipt code, e.g. 'k3fq-9zt2-…' (eight groups of four).
 *
 * @example const code = newReceiptCode();
 */
export function newReceiptCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** The code in canonical form, or undefined when `text` cannot be a receipt code. */
export function normaliseReceiptCode(text: string): string | undefined {
  const compact = text.slice(0, 64).replace(/[\s-]/g, '').toLowerCase();
  return /^[a-z2-7]{32}$/.test(compact) && compact.length === CODE_CHARS ? compact : undefined;
}

/** SHA-256 (hex) of a canonical code: what info_item.receipt_sha256 holds. */
export function receiptDigest(canonicalCode: string): string {
  return createHash('sha256').update(canonicalCode).digest('hex');
}
