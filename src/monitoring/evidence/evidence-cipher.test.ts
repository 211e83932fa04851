import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { CHUNK_BYTES, decryptEvidence, encryptEvidence } from './evidence-cipher.ts';

const key = createSecretKey(randomBytes(32));

function pieces(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
}

const encrypt = (plain: Buffer, size = 1000) =>
  buffer(pieces(plain, size).pipe(encryptEvidence(key)));
const decrypt = (sealed: Buffer, size = 777, k = key) =>
  buffer(pieces(sealed, size).pipe(decryptEvidence(k)));

describe('evidence encryption at rest', () => {
  for (const length of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 5]) {
    it(`round-trips ${String(length)} bytes fed in uneven pieces`, async () => {
      const plain = randomBytes(length);
      const sealed = await encrypt(plain);
      assert.deepEqual(await decrypt(sealed), plain);
      if (length >= 64) assert.equal(sealed.includes(plain.subarray(0, 64)), false);
    });
  }

  it('never stores the plaintext', async () => {
    const plain = Buffer.from('GPS 40.1772 N 44.5035 E — witness statement '.repeat(100));
    const sealed = await encrypt(plain);
    assert.equal(sealed.includes(Buffer.from('witness statement')), false);
  });

  it('refuses a flipped bit, a truncation at a chunk boundary and another key', async () => {
    const plain = randomBytes(2 * CHUNK_BYTES + 10);
    const sealed = await encrypt(plain);
    const flipped = Buffer.from(sealed);
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    await assert.rejects(decrypt(flipped), { name: 'EvidenceCipherError' });
    const cut = sealed.subarray(0, 8 + 2 * (CHUNK_BYTES + 16));
    await assert.rejects(decrypt(cut), { name: 'EvidenceCipherError' });
    await assert.rejects(decrypt(sealed, 777, createSecretKey(randomBytes(32))), {
      name: 'EvidenceCipherError',
    });
    await assert.rejects(decrypt(Buffer.from('VIGILEV')), { name: 'EvidenceCipherError' });
    await assert.rejects(decrypt(Buffer.from('NOTEVID1xxxxxxxxxxxxxxxxxxx')), {
      name: 'EvidenceCipherError',
    });
  });
});
