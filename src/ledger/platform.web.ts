// Browser build of the ledger's hot primitives (see platform.node.ts): audited pure JS for
// SHA-256 and Ed25519, btoa for base64. Byte-identical results; platform.test.ts compares the two.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** SHA-256 of `data` (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

const CHUNK = 0x2000;

/** Standard base64 (RFC 4648 §4) with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  // Chunked so that a large entry never exceeds the engine's argument limit.
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(chunks.join(''));
}

/** Ed25519 signature (RFC 8032) of `message` by the 32-byte seed `secretKey`. */
export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}
