import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { concatBytes, fromBase64, utf8 } from './bytes.ts';
import { cosignCheckpoint, cosignatureMessage, verifyCosignature } from './cosignature.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, keyIdFor, verifierKeyOf } from './note-keys.ts';
import type { SignerKey } from './note-keys.ts';
import { parseNote } from './signed-note.ts';

// C2SP tlog-cosignature: the example checkpoint, cosigned note and signed message.
const SPEC_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_NOTE = `${SPEC_CHECKPOINT}
— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==
`;
const SPEC_MESSAGE = `cosignature/v1
time 1679315147
example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
`;

const invalidArgument = { name: 'LedgerError', code: 'INVALID_ARGUMENT' };
const malformed = { name: 'LedgerError', code: 'MALFORMED_COSIGNATURE' };
const badSignature = { name: 'LedgerError', code: 'BAD_SIGNATURE' };

function signerOf(name: string, seed: number, type = SIG_COSIGNATURE_V1): SignerKey {
  const secretKey = new Uint8Array(32).fill(seed);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, keyId: keyIdFor(name, type, publicKey), type, secretKey, publicKey };
}

/** The signature bytes of a cosignature line, after the 4-byte key ID. */
function signatureOf(line: string): Uint8Array {
  return fromBase64(line.slice(line.lastIndexOf(' ') + 1)).subarray(4);
}

/** A cosignature with any u64 timestamp, signed by hand over the cosignature/v1 message. */
function cosignAt(witness: SignerKey, text: string, time: bigint): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setBigUint64(0, time);
  const message = utf8(`cosignature/v1\ntime ${time.toString()}\n${text}`);
  return concatBytes(head, ed25519.sign(message, witness.secretKey));
}

const witness = signerOf('witness.example/w1', 7);
const witnessKey = verifierKeyOf(witness);

describe('cosignatureMessage', () => {
  it('builds the exact message of the tlog-cosignature example', () => {
    assert.deepEqual(cosignatureMessage(SPEC_CHECKPOINT, 1679315147), utf8(SPEC_MESSAGE));
  });

  it('writes timestamps in decimal without leading zeroes', () => {
    const message = cosignatureMessage(SPEC_CHECKPOINT, 0);
    assert.ok(new TextDecoder().decode(message).startsWith('cosignature/v1\ntime 0\n'));
  });

  it('refuses timestamps that are not non-negative safe integers', () => {
    for (const time of [-1, 1.5, Number.NaN, 2 ** 53]) {
      assert.throws(() => cosignatureMessage(SPEC_CHECKPOINT, time), invalidArgument);
    }
  });
});

describe('cosignCheckpoint', () => {
  it('encodes key ID, big-endian timestamp and signature like the spec example', () => {
    const example = parseNote(SPEC_NOTE).signatures[1];
    assert.equal(example?.keyId, 0x8d66cf3f);
    assert.equal(example.signature.length, 72);
    const view = new DataView(example.signature.buffer, example.signature.byteOffset);
    assert.equal(view.getBigUint64(0), 1679315147n);

    const line = cosignCheckpoint(SPEC_CHECKPOINT, witness, 1679315147);
    const ours = parseNote(`${SPEC_CHECKPOINT}\n${line}\n`).signatures[0];
    assert.equal(ours?.name, witness.name);
    assert.equal(ours.keyId, witness.keyId);
    assert.deepEqual(ours.signature.subarray(0, 8), example.signature.subarray(0, 8));
  });

  it('round-trips through verifyCosignature for any timestamp and checkpoint', () => {
    const line = fc.stringMatching(/^[a-z0-9./ -]{1,20}$/);
    const checkpoint = fc
      .array(line, { minLength: 3, maxLength: 6 })
      .map((lines) => lines.map((l) => `${l}\n`).join(''));
    fc.assert(
      fc.property(checkpoint, fc.maxSafeNat(), (text, time) => {
        const signature = signatureOf(cosignCheckpoint(text, witness, time));
        assert.equal(verifyCosignature(text, witnessKey, signature), time);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses Ed25519 note keys and inconsistent keys', () => {
    const noteSigner = signerOf('log.example', 1, SIG_ED25519);
    assert.throws(() => cosignCheckpoint(SPEC_CHECKPOINT, noteSigner, 1), invalidArgument);
    const broken = { ...witness, keyId: witness.keyId ^ 1 };
    assert.throws(() => cosignCheckpoint(SPEC_CHECKPOINT, broken, 1), invalidArgument);
  });

  it('refuses text that cannot be a checkpoint body', () => {
    for (const text of ['a\nb\n', 'a\n\nb\nc\n', 'a\nb\nc', 'a\nb\r\nc\n', 'a\nb\n\ud800\n']) {
      assert.throws(
        () => cosignCheckpoint(text, witness, 1),
        invalidArgument,
        JSON.stringify(text),
      );
    }
  });

  it('refuses bad timestamps', () => {
    assert.throws(() => cosignCheckpoint(SPEC_CHECKPOINT, witness, -1), invalidArgument);
  });
});

describe('verifyCosignature', () => {
  it('returns the timestamp of a valid cosignature', () => {
    const signature = signatureOf(cosignCheckpoint(SPEC_CHECKPOINT, witness, 1679315147));
    assert.equal(verifyCosignature(SPEC_CHECKPOINT, witnessKey, signature), 1679315147);
  });

  it('rejects every single-bit flip of the timestamp or signature', () => {
    const signature = signatureOf(cosignCheckpoint(SPEC_CHECKPOINT, witness, 1679315147));
    for (let bit = 0; bit < signature.length * 8; bit++) {
      const flipped = signature.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (0x80 >> (bit & 7));
      // Bit 0 is the timestamp's top bit: past 2^63 - 1, malformed before any verification.
      const expected = bit === 0 ? malformed : badSignature;
      assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, witnessKey, flipped), expected);
    }
  });

  it('rejects a cosignature over another checkpoint', () => {
    const signature = signatureOf(cosignCheckpoint(SPEC_CHECKPOINT, witness, 5));
    const other = SPEC_CHECKPOINT.replace('20852163', '20852164');
    assert.throws(() => verifyCosignature(other, witnessKey, signature), badSignature);
  });

  it('rejects cosignatures that are not 8 + 64 bytes', () => {
    const signature = signatureOf(cosignCheckpoint(SPEC_CHECKPOINT, witness, 5));
    for (const bytes of [signature.subarray(1), concatBytes(signature, Uint8Array.of(0))]) {
      assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, witnessKey, bytes), malformed);
    }
  });

  it('parses timestamps up to 2^63 - 1 but refuses those past Number.MAX_SAFE_INTEGER', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const atMax = cosignAt(witness, SPEC_CHECKPOINT, max);
    assert.equal(verifyCosignature(SPEC_CHECKPOINT, witnessKey, atMax), Number.MAX_SAFE_INTEGER);
    for (const time of [max + 1n, (1n << 63n) - 1n]) {
      const signature = cosignAt(witness, SPEC_CHECKPOINT, time);
      assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, witnessKey, signature), malformed);
    }
  });

  it('checks the signature before refusing a timestamp past Number.MAX_SAFE_INTEGER', () => {
    const signature = cosignAt(witness, SPEC_CHECKPOINT, 1n << 62n);
    signature[71] = (signature[71] ?? 0) ^ 1;
    assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, witnessKey, signature), badSignature);
  });

  it('rejects timestamps past 2^63 - 1 even when signed', () => {
    const signature = cosignAt(witness, SPEC_CHECKPOINT, 1n << 63n);
    assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, witnessKey, signature), malformed);
  });

  it('refuses keys that are not cosignature/v1 keys', () => {
    const signature = signatureOf(cosignCheckpoint(SPEC_CHECKPOINT, witness, 5));
    const noteKey = { ...witnessKey, type: SIG_ED25519 };
    assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, noteKey, signature), invalidArgument);
    const short = { ...witnessKey, publicKey: witnessKey.publicKey.subarray(1) };
    assert.throws(() => verifyCosignature(SPEC_CHECKPOINT, short, signature), invalidArgument);
  });
});
