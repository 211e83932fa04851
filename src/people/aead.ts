// AES-256-GCM as Vigil stores it: 'v1.' + base64url(iv ‖ ciphertext ‖ tag), with a fresh random
// 96-bit IV per encryption (NIST SP 800-38D §8.2.2; each key here encrypts far fewer than 2^32
// messages) and additional authenticated data that binds a ciphertext to where it belongs.
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a ciphertext could not be opened; never says anything about the plaintext. */
export class AeadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AeadError';
  }
}

// IVs come from a pooled random buffer: one getrandom call per 512 IVs instead of one each,
// which matters when a bulk import encrypts a million fields.
const POOL_IVS = 512;
const ivPool = Buffer.alloc(IV_BYTES * POOL_IVS);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  // A copy: the pool is refilled in place later.
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/**
 * Encrypts `plaintext` under `key` (an AES-256 KeyObject), authenticating `aad` with it.
 *
 * @example openAead(key, sealAead(key, 'secret', 'ctx'), 'ctx').toString() === 'secret'
 */
export function sealAead(key: KeyObject, plaintext: string | Uint8Array, aad: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const head =
    typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  const body = Buffer.concat([iv, head, cipher.final(), cipher.getAuthTag()]);
  return VERSION + body.toString('base64url');
}

/**
 * Decrypts what sealAead produced under the same key and `aad`. Throws AeadError when the text
 * is malformed, was altered, was sealed under another key, or belongs elsewhere (other aad).
 */
export function openAead(key: KeyObject, sealed: string, aad: string): Buffer {
  if (!sealed.startsWith(VERSION)) throw new AeadError('unknown ciphertext format');
  const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new AeadError('ciphertext is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (cause) {
    throw new AeadError('ciphertext does not authenticate (altered, misplaced or wrong key)', {
      cause,
    });
  }
}
