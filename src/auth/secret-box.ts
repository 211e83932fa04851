// Small secrets that must be usable again (TOTP secrets) are stored sealed, never in clear: a
// copy of the database alone does not let anyone generate a staff member's codes.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Seals and opens short secrets; implemented over AES-256-GCM here, over the vault later. */
export interface SecretBox {
  /** The sealed form of `plain` (ASCII-safe text, fit for a text column). */
  seal(plain: string): string;
  /** The plain text of `sealed`; throws if it was altered or sealed under another key. */
  open(sealed: string): string;
}

const VERSION = 'v1.';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A SecretBox over AES-256-GCM with `key` (32 bytes). Output: 'v1.' + base64url(iv ‖ ciphertext
 * ‖ tag), with a fresh random 96-bit IV per seal (NIST SP 800-38D §8.2.2: safe for far more
 * seals than a staff table will ever see).
 *
 * @example const box = createSecretBox(randomBytes(32)); box.open(box.seal('JBSWY3DP'))
 */
export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== KEY_BYTES) throw new RangeError('a secret box key is 32 bytes');
  const keyBytes = Buffer.from(key);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(sealed) {
      if (!sealed.startsWith(VERSION)) throw new Error('unknown sealed secret format');
      const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret is truncated');
      const iv = bytes.subarray(0, IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', keyBytes, iv);
      decipher.setAuthTag(tag);
      const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
