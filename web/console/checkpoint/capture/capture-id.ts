// Ids of captures, made on the device: UUID version 7 (RFC 9562 §5.7), a millisecond timestamp
// then 74 random bits. The server dedupes by this id (POST /api/v1/sync applies an id once), so a
// batch sent again after a lost answer changes nothing; the timestamp first keeps the server's
// indexes compact, as its own record ids do (src/random/record-id.ts).

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A new UUIDv7 for a capture made at `now` (ms since the epoch), from 10 random bytes (default
 * `crypto.getRandomValues`).
 *
 * @example newCaptureId(Date.now()) // '0192b3c4-…'
 */
export function newCaptureId(
  now: number,
  random: Uint8Array = crypto.getRandomValues(new Uint8Array(10)),
): string {
  const bytes = new Uint8Array(16);
  let time = now;
  for (let index = 5; index >= 0; index--) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let text = '';
  for (const [index, byte] of bytes.entries()) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
    text += HEX[byte] ?? '';
  }
  return text;
}
