import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { concatBytes, utf8 } from './bytes.ts';
import { sha256 } from './hash.ts';
import { isLedgerError } from './ledger-error.ts';
import {
  consistencyProofNodes,
  inclusionProofNodes,
  MemoryNodeReader,
  proveConsistency,
  proveInclusion,
  rootNodes,
  rootOfLeafHashes,
  treeRoot,
} from './merkle-prove.ts';
import { verifyInclusion } from './merkle-verify.ts';
import { TileNodeReader, tilesForNodes } from './tile-node-reader.ts';
import type { TileSource } from './tile-node-reader.ts';
import type { TileId } from './tiles.ts';

const leafList = (size: number): Uint8Array[] =>
  Array.from({ length: size }, (_, i) => sha256(utf8(`entry ${i}`)));

// Tiles of a tree, built straight from the C2SP tlog-tiles definition: hash j of tile n at level
// l is MTH(D[(n·256 + j)·256^l : (n·256 + j + 1)·256^l]), over complete blocks only.
class LeafTileSource implements TileSource {
  readonly reads: TileId[] = [];
  readonly #leaves: readonly Uint8Array[];
  readonly #tiles = new Map<string, Uint8Array>();

  constructor(leaves: readonly Uint8Array[]) {
    this.#leaves = leaves;
  }

  readTile(level: number, index: number, width: number): Uint8Array {
    this.reads.push({ level, index, width });
    const key = `${level}/${index}`;
    let tile = this.#tiles.get(key);
    if (tile === undefined) {
      const block = 256 ** level;
      const hashes: Uint8Array[] = [];
      for (let j = 0; j < 256; j++) {
        const start = (index * 256 + j) * block;
        if (start + block > this.#leaves.length) break;
        hashes.push(rootOfLeafHashes(this.#leaves.slice(start, start + block)));
      }
      tile = concatBytes(...hashes);
      this.#tiles.set(key, tile);
    }
    assert.ok(width * 32 <= tile.length, `tile ${key} asked wider than the tree has`);
    return tile.subarray(0, width * 32);
  }
}

function readers(size: number): {
  tiles: TileNodeReader;
  memory: MemoryNodeReader;
  source: LeafTileSource;
} {
  const leaves = leafList(size);
  const source = new LeafTileSource(leaves);
  return {
    tiles: new TileNodeReader({ size, source }),
    memory: new MemoryNodeReader(leaves),
    source,
  };
}

function isCode(expected: string): (error: unknown) => boolean {
  return (error) => isLedgerError(error) && error.code === expected;
}

describe('TileNodeReader', () => {
  it('reads every node that MemoryNodeReader has, across tile boundaries', () => {
    for (const size of [1, 2, 3, 255, 256, 257, 511, 512, 513, 600]) {
      const { tiles, memory } = readers(size);
      for (let level = 0; 2 ** level <= size; level++) {
        for (let index = 0; (index + 1) * 2 ** level <= size; index++) {
          assert.deepEqual(tiles.readNode(level, index), memory.readNode(level, index));
        }
      }
    }
  });

  it('builds the same proofs as MemoryNodeReader for trees of 250 to 600 leaves', () => {
    const cases = fc
      .integer({ min: 250, max: 600 })
      .chain((size) =>
        fc.tuple(
          fc.constant(size),
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 1, max: size }),
        ),
      );
    fc.assert(
      fc.property(cases, ([size, index, size1]) => {
        const { tiles, memory } = readers(size);
        assert.deepEqual(treeRoot(tiles, size), treeRoot(memory, size));
        assert.deepEqual(proveInclusion(tiles, index, size), proveInclusion(memory, index, size));
        assert.deepEqual(
          proveConsistency(tiles, size1, size),
          proveConsistency(memory, size1, size),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('serves a tree with three tile levels (70 000 leaves, the C2SP example)', () => {
    const size = 70000;
    const leaves = leafList(size);
    const reader = new TileNodeReader({ size, source: new LeafTileSource(leaves) });
    const root = rootOfLeafHashes(leaves);
    assert.deepEqual(treeRoot(reader, size), root);
    for (const index of [0, 255, 256, 65535, 65536, 69999]) {
      const proof = proveInclusion(reader, index, size);
      verifyInclusion({ index, size, leafHash: leaves[index]!, proof, root });
    }
  });

  it('refuses a node not fully inside its tree', () => {
    const { tiles } = readers(300);
    const isInvalid = isCode('INVALID_ARGUMENT');
    for (const [level, index] of [
      [0, 300],
      [2, 75],
      [9, 0],
      [-1, 0],
      [0, -1],
      [0, 0.5],
      [53, 0],
    ] as const) {
      assert.throws(() => tiles.readNode(level, index), isInvalid);
    }
    assert.equal(tiles.size, 300);
  });

  it('returns hashes the caller may change without harming the cache', () => {
    const { tiles, memory } = readers(300);
    tiles.readNode(3, 1).fill(0);
    tiles.readNode(0, 9).fill(0);
    assert.deepEqual(tiles.readNode(3, 1), memory.readNode(3, 1));
    assert.deepEqual(tiles.readNode(0, 9), memory.readNode(0, 9));
  });

  it('rejects a tile of the wrong length from its source', () => {
    for (const delta of [-32, 32, -1]) {
      const source: TileSource = {
        readTile: (_l, _i, width) => new Uint8Array(width * 32 + delta),
      };
      const reader = new TileNodeReader({ size: 10, source });
      assert.throws(() => reader.readNode(0, 3), isCode('MALFORMED_TILE'));
    }
  });

  it('refuses a size or cache bound that is not a non-negative safe integer', () => {
    const source = new LeafTileSource([]);
    const isInvalid = isCode('INVALID_ARGUMENT');
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 53]) {
      assert.throws(() => new TileNodeReader({ size: bad, source }), isInvalid);
      assert.throws(() => new TileNodeReader({ size: 1, source, cacheNodes: bad }), isInvalid);
    }
  });
});

describe('TileNodeReader cache', () => {
  const leaves = leafList(4 * 256);
  const tileOf = (source: LeafTileSource): number[] => source.reads.map((read) => read.index);

  it('reads each tile once while it stays in the cache', () => {
    const source = new LeafTileSource(leaves);
    const reader = new TileNodeReader({ size: leaves.length, source });
    for (let index = 0; index < 512; index++) reader.readNode(0, index);
    reader.readNode(7, 0);
    reader.readNode(7, 2);
    assert.deepEqual(tileOf(source), [0, 1]);
  });

  it('drops the least recently used tile first', () => {
    const source = new LeafTileSource(leaves);
    // Room for two full tiles: 256 hashes and 255 computed from them, each.
    const reader = new TileNodeReader({ size: leaves.length, source, cacheNodes: 2 * 511 });
    for (const index of [0, 1, 0, 2, 0, 1]) reader.readNode(7, 2 * index);
    assert.deepEqual(tileOf(source), [0, 1, 2, 1]);
  });

  it('keeps the tile in use even with a bound of 0', () => {
    const source = new LeafTileSource(leaves);
    const reader = new TileNodeReader({ size: leaves.length, source, cacheNodes: 0 });
    for (const index of [0, 1, 2, 3, 256, 257, 0]) reader.readNode(0, index);
    assert.deepEqual(tileOf(source), [0, 1, 0]);
  });
});

describe('tilesForNodes', () => {
  it('names exactly the tiles, with their widths, that the reader then reads', () => {
    const sizes = fc
      .integer({ min: 1, max: 600 })
      .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 1, max: size })));
    fc.assert(
      fc.property(sizes, ([size, other]) => {
        const lists = [
          inclusionProofNodes(other - 1, size),
          consistencyProofNodes(other, size),
          rootNodes(size),
        ];
        const proofs = [
          (reader: TileNodeReader) => proveInclusion(reader, other - 1, size),
          (reader: TileNodeReader) => proveConsistency(reader, other, size),
          (reader: TileNodeReader) => treeRoot(reader, size),
        ];
        lists.forEach((nodes, i) => {
          const source = new LeafTileSource(leafList(size));
          proofs[i]!(new TileNodeReader({ size, source }));
          assert.deepEqual(tilesForNodes(nodes, size), source.reads);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('names each tile once, with its width at the given size', () => {
    const nodes = [
      { level: 0, index: 5 },
      { level: 3, index: 0 },
      { level: 8, index: 1 },
      { level: 0, index: 300 },
      { level: 9, index: 0 },
    ];
    assert.deepEqual(tilesForNodes(nodes, 70000), [
      { level: 0, index: 0, width: 256 },
      { level: 1, index: 0, width: 256 },
      { level: 0, index: 1, width: 256 },
    ]);
    assert.deepEqual(tilesForNodes([{ level: 16, index: 1 }], 2 ** 40 + 12345), [
      { level: 2, index: 0, width: 256 },
    ]);
    assert.deepEqual(tilesForNodes([], 0), []);
  });

  it('refuses a node outside the tree or a bad size', () => {
    const isInvalid = isCode('INVALID_ARGUMENT');
    assert.throws(() => tilesForNodes([{ level: 1, index: 5 }], 11), isInvalid);
    assert.throws(() => tilesForNodes([], -1), isInvalid);
  });
});
