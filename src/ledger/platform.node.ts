// Node build of the ledger's hot primitives, selected by the `#platform` import condition in
// package.json (the browser gets platform.web.ts). The sequencer hashes every entry and signs a
// checkpoint per commit, and every receipt is base64 text, so all three use Node's native code.
import { Buffer } from 'node:buffer';
import { createPrivateKey, hash, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** SHA-256 of `data` (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(hash('sha256', data, 'buffer'));
}

/** Standard base64 (RFC 4648 §4) with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

// RFC 8410 PKCS#8 wrapping of a 32-byte Ed25519 seed: this prefix, then the seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const keys = new WeakMap<Uint8Array, KeyObject>();

/** Ed25519 signature (RFC 8032) of `message` by the 32-byte seed `secretKey`. */
export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  let key = keys.get(secretKey);
  if (key === undefined) {
    key = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]),
      format: 'der',
      type: 'pkcs8',
    });
    keys.set(secretKey, key);
  }
  return new Uint8Array(sign(null, message, key));
}
