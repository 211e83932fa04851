import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { INLINE_BELOW, SignaturePool } from './signature-pool.ts';

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const pool = new SignaturePool(2);
after(() => pool.close());

function checks(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const message = new TextEncoder().encode(`capture ${String(i)}`);
    // Every third is signed by another key, every fifth is truncated: both must fail.
    const signer = i % 3 === 2 ? other.privateKey : keys.privateKey;
    const signature = sign(null, message, signer);
    return { message, signature: i % 5 === 4 ? signature.subarray(0, 63) : signature };
  });
}

const expected = (count: number) =>
  Array.from({ length: count }, (_, i) => i % 3 !== 2 && i % 5 !== 4);

describe('SignaturePool', () => {
  it('verifies a large batch on the workers, one verdict per signature in order', async () => {
    const count = INLINE_BELOW * 4;
    assert.deepEqual(await pool.verifyMany(keys.publicKey, checks(count)), expected(count));
  });

  it('verifies a small batch inline with the same verdicts', async () => {
    const count = INLINE_BELOW - 1;
    assert.deepEqual(await pool.verifyMany(keys.publicKey, checks(count)), expected(count));
  });

  it('answers concurrent batches each with its own verdicts', async () => {
    const [a, b] = await Promise.all([
      pool.verifyMany(keys.publicKey, checks(40)),
      pool.verifyMany(other.publicKey, checks(40)),
    ]);
    assert.deepEqual(a, expected(40));
    assert.deepEqual(
      b,
      Array.from({ length: 40 }, (_, i) => i % 3 === 2 && i % 5 !== 4),
    );
  });
});
