// Node build of the ledger's hash: the one-shot `crypto.hash` is several times faster than
// a pure-JS SHA-256, and the sequencer hashes every entry. Selected by the `#sha256`
// import condition in package.json; the browser gets sha256.web.ts instead.
import { hash } from 'node:crypto';

/** SHA-256 of `data` (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(hash('sha256', data, 'buffer'));
}
