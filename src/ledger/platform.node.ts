// Node build of the ledger's two hot primitives, selected by the `#platform` import condition in
// package.json (the browser gets platform.web.ts). The sequencer hashes every entry and every
// receipt is base64 text, so both use Node's native code here.
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';

/** SHA-256 of `data` (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(hash('sha256', data, 'buffer'));
}

/** Standard base64 (RFC 4648 §4) with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
