// Ids for new records: UUID version 7 (RFC 9562 §5.7), a millisecond timestamp followed by 74
// random bits. Records created together get ids that sort together, so inserting them touches
// the right edge of each primary-key B-tree instead of a random page per row: at thousands of
// journeys a second that is the difference between writing a few pages per commit and
// rewriting much of the index (BENCHMARKS.md). The timestamp says only when the record was
// created, which every such record also stores in the clear; ids meant to be unguessable
// (tokens, sessions) do not use this.
import { pooledRandomBytes } from './random-pool.ts';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A new UUIDv7 for a record created at `now` (milliseconds since the epoch). */
export function newRecordId(now: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6);
  pooledRandomBytes(10).copy(bytes, 6);
  bytes.writeUInt8(0x70 | (bytes.readUInt8(6) & 0x0f), 6);
  bytes.writeUInt8(0x80 | (bytes.readUInt8(8) & 0x3f), 8);
  let text = '';
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
    text += HEX[bytes.readUInt8(index)] ?? '';
  }
  return text;
}
