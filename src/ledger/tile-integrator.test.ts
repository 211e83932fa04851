import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toHex } from './bytes.ts';
import { EMPTY_ROOT, hashLeaf } from './hash.ts';
import { isLedgerError } from './ledger-error.ts';
import { MemoryNodeReader, rootOfLeafHashes } from './merkle-prove.ts';
import { hashPerfectRun, rootOfRightEdge, TileIntegrator } from './tile-integrator.ts';
import type { TileData } from './tile-integrator.ts';
import { decodeEntryBundle, splitTileHashes, TILE_WIDTH } from './tiles.ts';

function entry(i: number): Uint8Array {
  return new TextEncoder().encode(`entry ${i}`);
}

function integrateInBatches(total: number, batch: number) {
  const integrator = new TileIntegrator();
  const tiles = new Map<string, TileData>();
  const bundles = new Map<number, Uint8Array>();
  let root = EMPTY_ROOT;
  for (let start = 0; start < total; start += batch) {
    const entries = [];
    for (let i = start; i < Math.min(total, start + batch); i++) entries.push(entry(i));
    const result = integrator.integrate(entries);
    for (const tile of result.tiles) tiles.set(`${tile.level}/${tile.index}`, tile);
    for (const bundle of result.bundles) bundles.set(bundle.index, bundle.data);
    root = result.root;
  }
  return { integrator, tiles, bundles, root };
}

describe('TileIntegrator', () => {
  it('starts at size 0 with the empty root', () => {
    const result = new TileIntegrator().integrate([]);
    assert.equal(result.size, 0);
    assert.deepEqual(result.root, EMPTY_ROOT);
    assert.deepEqual(result.tiles, []);
    assert.deepEqual(result.bundles, []);
    assert.deepEqual(rootOfRightEdge([]), EMPTY_ROOT);
  });

  it('produces the RFC 6962 root for every size whatever the batching', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1300 }), fc.integer({ min: 1, max: 700 }), (n, b) => {
        const leaves = Array.from({ length: n }, (_, i) => hashLeaf(entry(i)));
        const { root, integrator } = integrateInBatches(n, b);
        assert.equal(integrator.size, n);
        assert.equal(toHex(root), toHex(rootOfLeafHashes(leaves)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the root of every intermediate size, across tiles and a resume from a snapshot', () => {
    const leaves = Array.from({ length: 8 * 300 }, (_, i) => hashLeaf(entry(i)));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (batches, resumeAt) => {
          let integrator = new TileIntegrator();
          const resumeAfter = resumeAt % batches.length;
          for (const [position, count] of batches.entries()) {
            const from = integrator.size;
            const result = integrator.integrate(
              Array.from({ length: count }, (_, i) => entry(from + i)),
            );
            const reference = rootOfLeafHashes(leaves.slice(0, result.size));
            assert.equal(toHex(result.root), toHex(reference));
            const { partialTiles } = integrator.snapshot();
            assert.equal(toHex(rootOfRightEdge(partialTiles)), toHex(reference));
            if (position === resumeAfter) integrator = new TileIntegrator(integrator.snapshot());
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('writes level-0 tiles of leaf hashes and upper tiles of full-tile roots', () => {
    const n = 256 * 256 + 300;
    const { tiles, bundles } = integrateInBatches(n, 5000);
    const reader = new MemoryNodeReader(Array.from({ length: n }, (_, i) => hashLeaf(entry(i))));
    const level0 = splitTileHashes(tiles.get('0/3')!.data);
    assert.equal(level0.length, TILE_WIDTH);
    assert.deepEqual(level0[7], reader.readNode(0, 3 * 256 + 7));
    const level1 = splitTileHashes(tiles.get('1/0')!.data);
    assert.equal(level1.length, TILE_WIDTH);
    assert.deepEqual(level1[5], reader.readNode(8, 5));
    assert.deepEqual(splitTileHashes(tiles.get('2/0')!.data), [reader.readNode(16, 0)]);
    assert.equal(splitTileHashes(tiles.get('1/1')!.data).length, 1);
    assert.equal(splitTileHashes(tiles.get('0/257')!.data).length, 300 - 256);
    const lastBundle = decodeEntryBundle(bundles.get(257)!);
    assert.deepEqual(lastBundle.at(-1), entry(n - 1));
    assert.equal(decodeEntryBundle(bundles.get(0)!).length, TILE_WIDTH);
  });

  it('resumes from a snapshot exactly where it stopped', () => {
    const first = integrateInBatches(700, 64);
    const resumed = new TileIntegrator(first.integrator.snapshot());
    const more = Array.from({ length: 500 }, (_, i) => entry(700 + i));
    const result = resumed.integrate(more);
    const leaves = Array.from({ length: 1200 }, (_, i) => hashLeaf(entry(i)));
    assert.deepEqual(result.root, rootOfLeafHashes(leaves));
    assert.equal(decodeEntryBundle(result.bundles.at(-1)!.data).length, 1200 % 256);
  });

  it('computes a root from the right edge alone', () => {
    const { integrator, root } = integrateInBatches(70_000, 10_000);
    assert.deepEqual(rootOfRightEdge(integrator.snapshot().partialTiles), root);
    assert.deepEqual(
      integrator.snapshot().partialTiles.map((t) => t.length),
      [112, 17, 1],
    );
  });

  it('refuses to hash an empty run', () => {
    assert.throws(
      () => hashPerfectRun([]),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });
});
