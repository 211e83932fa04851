import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toHex, utf8 } from './bytes.ts';
import { EMPTY_ROOT, hashChildren, hashLeaf, sha256 } from './hash.ts';
import { isLedgerError } from './ledger-error.ts';
import {
  consistencyProofNodes,
  inclusionProofNodes,
  MemoryNodeReader,
  proveConsistency,
  proveInclusion,
  rootNodes,
  rootOfLeafHashes,
  subtreeHash,
  treeRoot,
} from './merkle-prove.ts';
import type { NodeId, NodeReader } from './merkle-prove.ts';
import { verifyConsistency, verifyInclusion } from './merkle-verify.ts';

const VECTORS = new URL('../../../shared/vectors/', import.meta.url);

interface ReferenceTree {
  leafInputs: string[];
  nodeHashes: string[][];
  rootHashes: string[];
  compactRanges: Record<string, unknown>;
}

const reference = JSON.parse(
  readFileSync(new URL('rfc6962-reference/reference-tree-8-leaves.json', VECTORS), 'utf8'),
) as ReferenceTree;

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

const refLeaves = reference.leafInputs.map((hex) => hashLeaf(fromHex(hex)));
const refReader = new MemoryNodeReader(refLeaves);

function isInvalidArgument(error: unknown): boolean {
  return isLedgerError(error, 'INVALID_ARGUMENT');
}

// A NodeReader that remembers which nodes it was asked for.
function recording(reader: NodeReader): { reader: NodeReader; reads: NodeId[] } {
  const reads: NodeId[] = [];
  return {
    reads,
    reader: {
      readNode(level, index) {
        reads.push({ level, index });
        return reader.readNode(level, index);
      },
    },
  };
}

const leafList = (size: number): Uint8Array[] =>
  Array.from({ length: size }, (_, i) => sha256(utf8(`leaf ${i}`)));

describe('RFC 6962 reference tree (8 leaves)', () => {
  it('has every node hash of the reference tree', () => {
    reference.nodeHashes.forEach((level, l) => {
      level.forEach((hex, i) => {
        assert.equal(toHex(refReader.readNode(l, i)), hex);
      });
    });
  });

  it('has the reference root for every size from 0 to 8', () => {
    assert.equal(reference.rootHashes.length, 9);
    reference.rootHashes.forEach((hex, size) => {
      assert.equal(toHex(treeRoot(refReader, size)), hex);
      assert.equal(toHex(rootOfLeafHashes(refLeaves.slice(0, size))), hex);
    });
  });

  it('splits each root into the reference compact range', () => {
    const sizes = Object.keys(reference.compactRanges).filter((key) => key !== '_desc');
    assert.equal(sizes.length, 9);
    for (const size of sizes) {
      const expected = reference.compactRanges[size];
      const actual = rootNodes(Number(size)).map(({ level, index }) => [level, index]);
      assert.deepEqual(actual, expected);
    }
  });

  // The example in RFC 6962 §2.1.3 (RFC 9162 §2.1.5): the first seven leaves d0..d6.
  const [, b, c, d, , f, j] = reference.nodeHashes[0]!;
  const [g, h, i] = reference.nodeHashes[1]!;
  const k = reference.nodeHashes[2]![0]!;
  const l = toHex(hashChildren(fromHex(i!), fromHex(j!)));

  it('builds the inclusion proofs of the RFC example', () => {
    const proof = (index: number): string[] => proveInclusion(refReader, index, 7).map(toHex);
    assert.deepEqual(proof(0), [b, h, l]);
    assert.deepEqual(proof(3), [c, g, l]);
    assert.deepEqual(proof(4), [f, j, k]);
    assert.deepEqual(proof(6), [i, k]);
  });

  it('builds the consistency proofs of the RFC example', () => {
    const proof = (size1: number): string[] => proveConsistency(refReader, size1, 7).map(toHex);
    assert.deepEqual(proof(3), [c, d, g, l]);
    assert.deepEqual(proof(4), [l]);
    assert.deepEqual(proof(6), [i, j, k]);
  });

  it('lists the nodes of the RFC example proofs', () => {
    assert.deepEqual(inclusionProofNodes(6, 7), [
      { level: 1, index: 2 },
      { level: 2, index: 0 },
    ]);
    assert.deepEqual(consistencyProofNodes(3, 7), [
      { level: 0, index: 2 },
      { level: 0, index: 3 },
      { level: 1, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
  });
});

describe('argument checks', () => {
  it('rejects sizes and indexes that are not non-negative safe integers', () => {
    for (const bad of [-1, 0.5, Number.NaN, Infinity, 2 ** 53]) {
      assert.throws(() => rootNodes(bad), isInvalidArgument);
      assert.throws(() => treeRoot(refReader, bad), isInvalidArgument);
      assert.throws(() => inclusionProofNodes(bad, 8), isInvalidArgument);
      assert.throws(() => inclusionProofNodes(0, bad), isInvalidArgument);
      assert.throws(() => consistencyProofNodes(bad, 8), isInvalidArgument);
      assert.throws(() => consistencyProofNodes(1, bad), isInvalidArgument);
      assert.throws(() => subtreeHash(refReader, bad, 8), isInvalidArgument);
      assert.throws(() => subtreeHash(refReader, 0, bad), isInvalidArgument);
    }
  });

  it('refuses an inclusion proof for an index not below the size', () => {
    assert.throws(() => proveInclusion(refReader, 8, 8), isInvalidArgument);
    assert.throws(() => inclusionProofNodes(0, 0), isInvalidArgument);
  });

  it('refuses a consistency proof from size 0 or to a smaller size', () => {
    assert.throws(() => proveConsistency(refReader, 0, 8), isInvalidArgument);
    assert.throws(() => proveConsistency(refReader, 0, 0), isInvalidArgument);
    assert.throws(() => consistencyProofNodes(5, 4), isInvalidArgument);
  });

  it('gives an empty consistency proof between equal sizes', () => {
    assert.deepEqual(proveConsistency(refReader, 5, 5), []);
    assert.deepEqual(consistencyProofNodes(8, 8), []);
  });

  it('gives an empty inclusion proof in a tree of one leaf', () => {
    assert.deepEqual(proveInclusion(refReader, 0, 1), []);
  });
});

describe('subtreeHash', () => {
  it('hashes a range of the RFC recursion from its perfect subtrees', () => {
    const expected = rootOfLeafHashes(refLeaves.slice(4, 7));
    assert.deepEqual(subtreeHash(refReader, 4, 7), expected);
    assert.deepEqual(subtreeHash(refReader, 6, 7), refLeaves[6]);
  });

  it('gives the empty root for an empty range', () => {
    assert.deepEqual(subtreeHash(refReader, 3, 3), EMPTY_ROOT);
  });

  it('refuses a range that is not aligned on perfect subtrees, or reversed', () => {
    assert.throws(() => subtreeHash(refReader, 1, 3), isInvalidArgument);
    assert.throws(() => subtreeHash(refReader, 2, 5), isInvalidArgument);
    assert.throws(() => subtreeHash(refReader, 5, 4), isInvalidArgument);
  });

  it('returns an array the caller may change without harming the reader', () => {
    const hash = subtreeHash(refReader, 6, 7);
    hash.fill(0);
    assert.equal(toHex(refReader.readNode(0, 6)), reference.nodeHashes[0]![6]);
    const root = treeRoot(refReader, 0);
    root.fill(0);
    assert.deepEqual(treeRoot(refReader, 0), EMPTY_ROOT);
  });
});

describe('rootOfLeafHashes and MemoryNodeReader', () => {
  it('refuses leaf hashes that are not 32 bytes', () => {
    const bad = [...refLeaves.slice(0, 2), new Uint8Array(31)];
    assert.throws(() => rootOfLeafHashes(bad), isInvalidArgument);
    assert.throws(() => new MemoryNodeReader(bad), isInvalidArgument);
  });

  it('refuses a node not fully inside the tree', () => {
    const reader = new MemoryNodeReader(refLeaves.slice(0, 7));
    for (const [level, index] of [
      [0, 7],
      [1, 3],
      [3, 0],
      [9, 0],
      [-1, 0],
      [0, -1],
      [0, 0.5],
    ] as const) {
      assert.throws(() => reader.readNode(level, index), isInvalidArgument);
    }
  });

  it('returns hashes the caller may change without harming the reader', () => {
    const reader = new MemoryNodeReader(refLeaves);
    reader.readNode(1, 1).fill(0);
    assert.equal(toHex(reader.readNode(1, 1)), reference.nodeHashes[1]![1]);
  });

  it('keeps its own copy of the leaf hashes', () => {
    const leaves = refLeaves.map((leaf) => leaf.slice());
    const reader = new MemoryNodeReader(leaves);
    leaves[0]!.fill(0);
    assert.equal(toHex(reader.readNode(0, 0)), reference.nodeHashes[0]![0]);
  });
});

describe('proof builders (fast-check)', () => {
  const sizeAndIndex = fc
    .integer({ min: 1, max: 300 })
    .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));

  it('builds inclusion proofs that verify against the reference root', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([size, index]) => {
        const leaves = leafList(size);
        const reader = new MemoryNodeReader(leaves);
        const root = rootOfLeafHashes(leaves);
        assert.deepEqual(treeRoot(reader, size), root);
        const proof = proveInclusion(reader, index, size);
        verifyInclusion({ index, size, leafHash: leaves[index]!, proof, root });
      }),
    );
  });

  it('builds consistency proofs that verify against the reference roots', () => {
    const sizes = fc
      .integer({ min: 1, max: 300 })
      .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 }), fc.constant(size2)));
    fc.assert(
      fc.property(sizes, ([size1, size2]) => {
        const leaves = leafList(size2);
        const reader = new MemoryNodeReader(leaves);
        const proof = proveConsistency(reader, size1, size2);
        const root1 = rootOfLeafHashes(leaves.slice(0, size1));
        verifyConsistency({ size1, size2, root1, root2: rootOfLeafHashes(leaves), proof });
      }),
    );
  });

  it('reads exactly the nodes that the node lists name, in that order', () => {
    const reader = new MemoryNodeReader(leafList(300));
    for (let size = 1; size <= 80; size++) {
      for (let other = 1; other <= size; other++) {
        const inclusion = recording(reader);
        proveInclusion(inclusion.reader, other - 1, size);
        assert.deepEqual(inclusion.reads, inclusionProofNodes(other - 1, size));
        const consistency = recording(reader);
        proveConsistency(consistency.reader, other, size);
        assert.deepEqual(consistency.reads, consistencyProofNodes(other, size));
      }
      const root = recording(reader);
      treeRoot(root.reader, size);
      assert.deepEqual(root.reads, rootNodes(size));
    }
  });

  it('gives proofs of the closed-form length', () => {
    for (let size = 1; size <= 200; size++) {
      for (let index = 0; index < size; index++) {
        assert.equal(
          proveInclusion(countingReader, index, size).length,
          inclusionLength(index, size),
        );
        assert.equal(
          proveConsistency(countingReader, index + 1, size).length,
          consistencyLength(index + 1, size),
        );
      }
    }
  });
});

// --- Sizes past 2^31: a BigInt reference written straight from the RFC 6962 recursion. ---

function bitLength(n: bigint): bigint {
  return BigInt(n.toString(2).length) - (n === 0n ? 1n : 0n);
}

function largestPowerBelow(n: bigint): bigint {
  return 1n << (bitLength(n - 1n) - 1n);
}

type BigRange = [bigint, bigint];

function bigRangeNodes([start, end]: BigRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  for (let level = bitLength(end - start); level >= 0n; level--) {
    if (((end - start) >> level) & 1n) {
      nodes.push({ level: Number(level), index: Number(at >> level) });
      at += 1n << level;
    }
  }
  return nodes;
}

// PATH(m, D[start:end]), RFC 6962 §2.1.1.
function bigPath(m: bigint, start: bigint, end: bigint): BigRange[] {
  const n = end - start;
  if (n === 1n) return [];
  const k = largestPowerBelow(n);
  if (m < k) return [...bigPath(m, start, start + k), [start + k, end]];
  return [...bigPath(m - k, start + k, end), [start, start + k]];
}

// SUBPROOF(m, D[start:end], b), RFC 6962 §2.1.2.
function bigSubproof(m: bigint, [start, end]: BigRange, b: boolean): BigRange[] {
  const n = end - start;
  if (m === n) return b ? [] : [[start, end]];
  const k = largestPowerBelow(n);
  if (m <= k) return [...bigSubproof(m, [start, start + k], b), [start + k, end]];
  return [...bigSubproof(m - k, [start + k, end], false), [start, start + k]];
}

function popCount(n: bigint): bigint {
  return BigInt(n.toString(2).replaceAll('0', '').length);
}

// Length of PATH: the levels below the point where the leaf's path leaves the right edge
// (inner), plus one per full left subtree on the way up along the edge (border).
function inclusionLength(index: number, size: number): number {
  const inner = bitLength(BigInt(index) ^ BigInt(size - 1));
  return Number(inner + popCount(BigInt(index) >> inner));
}

// PROOF(m, D[n]) is the audit path of leaf m - 1 without the levels where m's tree is already
// a perfect subtree, plus that subtree itself when it is not the whole old tree.
function consistencyLength(size1: number, size2: number): number {
  if (size1 === size2) return 0;
  let shift = 0;
  while (size1 % 2 ** (shift + 1) === 0) shift++;
  return inclusionLength(size1 - 1, size2) - shift + (2 ** shift === size1 ? 0 : 1);
}

// Reads nothing real: for counting and shapes only.
const countingReader: NodeReader = { readNode: () => EMPTY_ROOT };

// An honest tree of up to 2^53 leaves in which all leaves are one filler hash except a few:
// a subtree with no special leaf has a hash that depends only on its level, so any node costs
// O(level × special leaves) hashes.
class SparseTreeReader implements NodeReader {
  readonly #special: bigint[];
  readonly #filler: Uint8Array[] = [sha256(utf8('filler'))];
  readonly #memo = new Map<string, Uint8Array>();

  constructor(special: readonly number[]) {
    this.#special = special.map(BigInt);
  }

  readNode(level: number, index: number): Uint8Array {
    const start = BigInt(index) << BigInt(level);
    const end = start + (1n << BigInt(level));
    if (!this.#special.some((leaf) => leaf >= start && leaf < end)) return this.#fillerAt(level);
    if (level === 0) return sha256(utf8(`special ${index}`));
    const key = `${level}/${index}`;
    let hash = this.#memo.get(key);
    if (hash === undefined) {
      hash = hashChildren(
        this.readNode(level - 1, 2 * index),
        this.readNode(level - 1, 2 * index + 1),
      );
      this.#memo.set(key, hash);
    }
    return hash;
  }

  #fillerAt(level: number): Uint8Array {
    while (this.#filler.length <= level) {
      const below = this.#filler[this.#filler.length - 1]!;
      this.#filler.push(hashChildren(below, below));
    }
    return this.#filler[level]!;
  }
}

describe('sizes past 2^31', () => {
  const HUGE = 2 ** 40 + 12345;
  const bigSize = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
  const bigSizeAndIndex = bigSize.chain((size) =>
    fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })),
  );

  it('lists the inclusion proof nodes of the BigInt reference', () => {
    const check = (index: number, size: number): void => {
      const ranges = bigPath(BigInt(index), 0n, BigInt(size));
      assert.deepEqual(inclusionProofNodes(index, size), ranges.flatMap(bigRangeNodes));
      assert.equal(ranges.length, inclusionLength(index, size));
    };
    check(2 ** 35 + 7, HUGE);
    check(HUGE - 1, HUGE);
    check(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(bigSizeAndIndex, ([size, index]) => {
        check(index, size);
      }),
    );
  });

  it('lists the consistency proof nodes of the BigInt reference', () => {
    const check = (size1: number, size2: number): void => {
      const ranges = bigSubproof(BigInt(size1), [0n, BigInt(size2)], true);
      assert.deepEqual(consistencyProofNodes(size1, size2), ranges.flatMap(bigRangeNodes));
      assert.equal(ranges.length, consistencyLength(size1, size2));
    };
    check(2 ** 35 + 7, HUGE);
    check(2 ** 32, HUGE);
    check(1, Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(bigSizeAndIndex, ([size, index]) => {
        check(index + 1, size);
      }),
    );
  });

  it('splits huge roots into the BigInt reference compact range', () => {
    const check = (size: number): void => {
      assert.deepEqual(rootNodes(size), bigRangeNodes([0n, BigInt(size)]));
    };
    check(HUGE);
    check(Number.MAX_SAFE_INTEGER);
    check(2 ** 52);
    fc.assert(fc.property(bigSize, check));
  });

  it('verifies proofs built in an honest tree of 2^40 + 12345 leaves', () => {
    const index = 2 ** 35 + 7;
    const reader = new SparseTreeReader([index, 2 ** 33, HUGE - 1]);
    const root = treeRoot(reader, HUGE);
    const leafHash = reader.readNode(0, index);
    const proof = proveInclusion(reader, index, HUGE);
    assert.equal(proof.length, inclusionLength(index, HUGE));
    verifyInclusion({ index, size: HUGE, leafHash, proof, root });
    assert.throws(
      () => {
        verifyInclusion({ index: index + 1, size: HUGE, leafHash, proof, root });
      },
      (error: unknown) => isLedgerError(error, 'INCLUSION_FAILED'),
    );
    const size1 = 2 ** 33 + 5;
    const root1 = treeRoot(reader, size1);
    const consistency = proveConsistency(reader, size1, HUGE);
    verifyConsistency({ size1, size2: HUGE, root1, root2: root, proof: consistency });
  });

  it('verifies proofs built in honest trees of random huge sizes', () => {
    fc.assert(
      fc.property(bigSizeAndIndex, ([size, index]) => {
        const reader = new SparseTreeReader([index, size - 1, Math.floor(size / 3)]);
        const root = treeRoot(reader, size);
        const proof = proveInclusion(reader, index, size);
        verifyInclusion({ index, size, leafHash: reader.readNode(0, index), proof, root });
        const size1 = index + 1;
        const root1 = treeRoot(reader, size1);
        const consistency = proveConsistency(reader, size1, size);
        verifyConsistency({ size1, size2: size, root1, root2: root, proof: consistency });
      }),
      { numRuns: 50 },
    );
  });
});

describe('NodeReader.readRange memo', () => {
  it('is asked only for ranges of several perfect subtrees, and its answer is used', () => {
    const leaves = Array.from({ length: 13 }, (_, i) => hashLeaf(new Uint8Array([i])));
    const base = new MemoryNodeReader(leaves);
    const asked: string[] = [];
    const memo = new Map<string, Uint8Array>();
    const reader = {
      readNode: (level: number, index: number) => base.readNode(level, index),
      readRange: (start: number, end: number, compute: () => Uint8Array) => {
        asked.push(`${start}:${end}`);
        const key = `${start}:${end}`;
        const hash = memo.get(key) ?? compute();
        memo.set(key, hash);
        return hash;
      },
    };
    const root = rootOfLeafHashes(leaves);
    for (let index = 0; index < 8; index++) {
      const proof = proveInclusion(reader, index, 13);
      verifyInclusion({ index, size: 13, leafHash: leaves[index]!, proof, root });
    }
    assert.deepEqual([...new Set(asked)], ['8:13']);
    assert.equal(asked.length, 8, 'each proof of a left leaf hashes D[8:13] through the memo');
    memo.set('8:13', new Uint8Array(32));
    assert.throws(() => {
      verifyInclusion({
        index: 0,
        size: 13,
        leafHash: leaves[0]!,
        proof: proveInclusion(reader, 0, 13),
        root,
      });
    });
  });
});
