import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { fromBase64, toBase64, utf8 } from './bytes.ts';
import { formatCheckpointText } from './checkpoint.ts';
import { cosignCheckpoint } from './cosignature.ts';
import { hashLeaf } from './hash.ts';
import { isLedgerError } from './ledger-error.ts';
import { MemoryNodeReader, proveInclusion, rootOfLeafHashes } from './merkle-prove.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, keyIdFor, verifierKeyOf } from './note-keys.ts';
import type { SignerKey } from './note-keys.ts';
import { appendSignatures, signNote } from './signed-note.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof.ts';
import type { TlogProof } from './tlog-proof.ts';

// C2SP tlog-proof §Format example, proof part (its signatures are elided in the spec, so a
// checkpoint signed here stands in for the example's).
const SPEC_HEAD = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=
`;
const SPEC_CHECKPOINT_TEXT =
  'example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n';

const malformed = { name: 'LedgerError', code: 'MALFORMED_PROOF' };
const invalidArgument = { name: 'LedgerError', code: 'INVALID_ARGUMENT' };
const inclusionFailed = { name: 'LedgerError', code: 'INCLUSION_FAILED' };
const quorumNotMet = { name: 'LedgerError', code: 'QUORUM_NOT_MET' };

function signerOf(name: string, seed: number, type = SIG_ED25519): SignerKey {
  const secretKey = new Uint8Array(32).fill(seed);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, keyId: keyIdFor(name, type, publicKey), type, secretKey, publicKey };
}

const log = signerOf('example.com/fancylog', 1);
const logKey = verifierKeyOf(log);
const witnesses = [2, 3, 4].map((seed) => signerOf(`w${seed}.example`, seed, SIG_COSIGNATURE_V1));
const witnessKeys = witnesses.map(verifierKeyOf);
const specCheckpoint = signNote(SPEC_CHECKPOINT_TEXT, [log]);

/** A log of `size` entries `entry i`, its checkpoint cosigned by the first `cosigners` witnesses. */
function treeOf(size: number, cosigners = 0): { leaves: Uint8Array[]; checkpoint: string } {
  const leaves = Array.from({ length: size }, (_, i) => hashLeaf(utf8(`entry ${i}`)));
  const rootHash = rootOfLeafHashes(leaves);
  const text = formatCheckpointText({ origin: log.name, size, rootHash, extensions: [] });
  const lines = witnesses.slice(0, cosigners).map((w) => cosignCheckpoint(text, w, 1700000000));
  return { leaves, checkpoint: appendSignatures(signNote(text, [log]), lines) };
}

function proofOf(size: number, index: number, cosigners = 0): TlogProof & { leaf: Uint8Array } {
  const { leaves, checkpoint } = treeOf(size, cosigners);
  const proof = proveInclusion(new MemoryNodeReader(leaves), index, size);
  return { index, proof, checkpoint, leaf: leaves[index] ?? new Uint8Array(32) };
}

describe('parseTlogProof', () => {
  it('parses the tlog-proof example lines', () => {
    const proof = parseTlogProof(`${SPEC_HEAD}\n${specCheckpoint}`);
    assert.deepEqual(
      proof.extra,
      fromBase64('YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ'),
    );
    assert.equal(proof.index, 73894);
    assert.equal(proof.proof.length, 5);
    assert.equal(
      toBase64(proof.proof[4] ?? new Uint8Array()),
      'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=',
    );
    assert.equal(proof.checkpoint, specCheckpoint);
  });

  it('accepts a proof without extra data or hashes', () => {
    const proof = parseTlogProof(`c2sp.org/tlog-proof@v1\nindex 0\n\n${specCheckpoint}`);
    assert.deepEqual(proof, { index: 0, proof: [], checkpoint: specCheckpoint });
  });

  it('accepts empty extra data', () => {
    const proof = parseTlogProof(`c2sp.org/tlog-proof@v1\nextra \nindex 0\n\n${specCheckpoint}`);
    assert.deepEqual(proof.extra, new Uint8Array());
  });

  it('rejects malformed proofs', () => {
    const hash = 'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=';
    const heads = [
      'c2sp.org/tlog-proof@v2\nindex 0\n',
      'c2sp.org/tlog-proof@v1\n',
      'c2sp.org/tlog-proof@v1\nextra AAAA\n',
      'c2sp.org/tlog-proof@v1\nindex\n',
      'c2sp.org/tlog-proof@v1\nindex 01\n',
      'c2sp.org/tlog-proof@v1\nindex -1\n',
      'c2sp.org/tlog-proof@v1\nindex  1\n',
      'c2sp.org/tlog-proof@v1\nindex 9007199254740992\n',
      'c2sp.org/tlog-proof@v1\nindex 0\nextra AAAA\n',
      'c2sp.org/tlog-proof@v1\nextra AAA\nindex 0\n',
      'c2sp.org/tlog-proof@v1\nextra AB==\nindex 0\n',
      `c2sp.org/tlog-proof@v1\nindex 0\n${hash.slice(0, -4)}\n`,
      `c2sp.org/tlog-proof@v1\nindex 0\n${hash.replace('Q=', 'R=')}\n`,
      `c2sp.org/tlog-proof@v1\nindex 0\nnot base64\n`,
      `c2sp.org/tlog-proof@v1\nindex 0\n${`${hash}\n`.repeat(65)}`,
      `\nc2sp.org/tlog-proof@v1\nindex 0\n`,
    ];
    for (const head of heads) {
      assert.throws(() => parseTlogProof(`${head}\n${specCheckpoint}`), malformed, head);
    }
  });

  it('rejects a proof whose checkpoint is missing or malformed', () => {
    const head = 'c2sp.org/tlog-proof@v1\nindex 0\n';
    for (const checkpoint of ['', 'hello\n', signNote('hello\n', [log]), `${specCheckpoint}x`]) {
      assert.throws(() => parseTlogProof(`${head}\n${checkpoint}`), malformed);
    }
    assert.throws(() => parseTlogProof(head), malformed);
    assert.throws(() => parseTlogProof(`${head}\n${'a'.repeat(1 << 21)}`), malformed);
  });

  it('round-trips formatTlogProof for any proof', () => {
    const proof = fc.record(
      {
        extra: fc.uint8Array({ maxLength: 100 }),
        index: fc.maxSafeNat(),
        proof: fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 64 }),
        checkpoint: fc.constant(specCheckpoint),
      },
      { requiredKeys: ['index', 'proof', 'checkpoint'], noNullPrototype: true },
    );
    fc.assert(
      fc.property(proof, (p) => {
        assert.deepEqual(parseTlogProof(formatTlogProof(p)), p);
      }),
    );
  });

  it('throws nothing but LedgerError on arbitrary or mutated text', () => {
    const text = formatTlogProof(proofOf(5, 2, 2));
    const mutated = fc
      .tuple(fc.nat(text.length), fc.nat(text.length), fc.string({ unit: 'binary' }))
      .map(([a, b, insert]) => text.slice(0, Math.min(a, b)) + insert + text.slice(Math.max(a, b)));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), mutated), (t) => {
        try {
          parseTlogProof(t);
        } catch (error) {
          assert.ok(isLedgerError(error), String(error));
        }
      }),
    );
  });
});

describe('formatTlogProof', () => {
  it('formats the tlog-proof example lines', () => {
    const text = `${SPEC_HEAD}\n${specCheckpoint}`;
    assert.equal(formatTlogProof(parseTlogProof(text)), text);
  });

  it('refuses proofs that could not be parsed back', () => {
    const good: TlogProof = { index: 0, proof: [], checkpoint: specCheckpoint };
    const bad: TlogProof[] = [
      { ...good, index: -1 },
      { ...good, index: 0.5 },
      { ...good, proof: [new Uint8Array(31)] },
      { ...good, proof: Array.from({ length: 65 }, () => new Uint8Array(32)) },
      { ...good, checkpoint: 'hello\n' },
      { ...good, checkpoint: signNote('hello\n', [log]) },
    ];
    for (const p of bad) assert.throws(() => formatTlogProof(p), invalidArgument);
  });
});

describe('verifyTlogProof', () => {
  it('verifies every entry of trees of 1 to 5 leaves', () => {
    for (let size = 1; size <= 5; size++) {
      for (let index = 0; index < size; index++) {
        const { leaf, ...proof } = proofOf(size, index);
        const parsed = parseTlogProof(formatTlogProof(proof));
        const opened = verifyTlogProof({ proof: parsed, leafHash: leaf, logKey });
        assert.equal(opened.checkpoint.size, size);
        assert.deepEqual(opened.witnesses, []);
      }
    }
  });

  it('rejects a proof for another leaf, another index or a flipped hash', () => {
    const { leaf, ...proof } = proofOf(5, 2);
    const other = hashLeaf(utf8('entry 3'));
    assert.throws(() => verifyTlogProof({ proof, leafHash: other, logKey }), inclusionFailed);
    const moved = { ...proof, index: 3 };
    assert.throws(() => verifyTlogProof({ proof: moved, leafHash: leaf, logKey }), inclusionFailed);
    proof.proof.forEach((hash, i) => {
      for (let bit = 0; bit < 256; bit += 37) {
        const flipped = hash.slice();
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        const path = proof.proof.map((h, j) => (j === i ? flipped : h));
        const bad = { ...proof, proof: path };
        assert.throws(
          () => verifyTlogProof({ proof: bad, leafHash: leaf, logKey }),
          inclusionFailed,
        );
      }
    });
  });

  it('enforces a quorum of distinct verified witnesses', () => {
    const { leaf, ...proof } = proofOf(4, 1, 2);
    const options = { proof, leafHash: leaf, logKey, witnesses: witnessKeys };
    const opened = verifyTlogProof({ ...options, quorum: 2 });
    assert.deepEqual(opened.witnesses, witnessKeys.slice(0, 2));
    assert.throws(() => verifyTlogProof({ ...options, quorum: 3 }), quorumNotMet);
    // A second cosignature by the first witness does not make it count twice.
    const text = proof.checkpoint.slice(0, proof.checkpoint.indexOf('\n\n') + 1);
    const again = cosignCheckpoint(text, witnesses[0]!, 1700000001);
    const twice = { ...proof, checkpoint: appendSignatures(proof.checkpoint, [again]) };
    assert.equal(verifyTlogProof({ ...options, proof: twice }).witnesses.length, 2);
    assert.throws(() => verifyTlogProof({ ...options, proof: twice, quorum: 3 }), quorumNotMet);
    assert.throws(
      () => verifyTlogProof({ proof, leafHash: leaf, logKey, quorum: 1 }),
      quorumNotMet,
    );
  });

  it('rejects a proof whose checkpoint is not signed by the log', () => {
    const { leaf, ...proof } = proofOf(3, 0);
    const otherLog = verifierKeyOf(signerOf(log.name, 9));
    assert.throws(() => verifyTlogProof({ proof, leafHash: leaf, logKey: otherLog }), {
      name: 'LedgerError',
      code: 'UNKNOWN_KEY',
    });
  });

  it('refuses a quorum that is not a count', () => {
    const { leaf, ...proof } = proofOf(1, 0);
    for (const quorum of [-1, 0.5, Number.NaN]) {
      assert.throws(
        () => verifyTlogProof({ proof, leafHash: leaf, logKey, quorum }),
        invalidArgument,
      );
    }
  });
});

describe('formatTlogProof on repeated checkpoints', () => {
  it('refuses an empty checkpoint, which no earlier check can have vouched for', () => {
    assert.throws(
      () => formatTlogProof({ index: 0, proof: [], checkpoint: '' }),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });
});
