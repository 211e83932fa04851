// Cryptographically secure random bytes, drawn from a pool refilled a page at a time. Asking the
// operating system's generator for 32 bytes per sealed record cost about a twelfth of the main
// thread at thousands of records a second; one call per 4 KiB amortises that call overhead.
// Bytes handed out are never handed out again, so pooling weakens nothing. Not for keys: those
// come straight from node:crypto where they are made.
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** `size` (at most 4,096) fresh random bytes, copied out of the pool. */
export function pooledRandomBytes(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0 || size > POOL_BYTES) {
    throw new RangeError(`pooledRandomBytes takes 0 to ${String(POOL_BYTES)} bytes`);
  }
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  // Wipe what was handed out, so the pool never holds a copy of bytes someone else now owns.
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
