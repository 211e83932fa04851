import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tempDir } from '../../test/support/temp-dir.ts';
import { utf8 } from '../ledger/bytes.ts';
import { hashLeaf } from '../ledger/hash.ts';
import { rootOfLeafHashes } from '../ledger/merkle-prove.ts';
import { verifyConsistency, verifyInclusion } from '../ledger/merkle-verify.ts';
import { TileIntegrator } from '../ledger/tile-integrator.ts';
import { encodeEntryBundle } from '../ledger/tiles.ts';
import { LogReader } from './log-reader.ts';
import { SqliteLogStore } from './log-store.sqlite.ts';

const dir = tempDir();
const SIZE = 70_000;
const entries = Array.from({ length: SIZE }, (_, i) => utf8(`e${i}`));
const leaves = entries.map(hashLeaf);
const roots = new Map<number, Uint8Array>();

// Builds the log in batches, recording the root at each committed size. Checkpoint notes are
// not read by LogReader, so a placeholder is enough here.
async function buildStore(name: string, withInner: boolean): Promise<SqliteLogStore> {
  const store = new SqliteLogStore(join(dir, name));
  const integrator = new TileIntegrator();
  for (let first = 0; first < SIZE; first += 9_999) {
    const integration = integrator.integrate(entries.slice(first, first + 9_999));
    roots.set(integration.size, integration.root);
    const tiles = integration.tiles.map(({ level, index, data, inner }) =>
      withInner && inner !== undefined ? { level, index, data, inner } : { level, index, data },
    );
    await store.commitBatch({
      tiles,
      bundles: integration.bundles,
      checkpoint: { size: integration.size, note: 'n' },
    });
  }
  return store;
}

for (const withInner of [true, false]) {
  describe(`LogReader over stored tiles ${withInner ? 'with' : 'without'} inner hashes`, async () => {
    const store = await buildStore(`log-${String(withInner)}.sqlite`, withInner);
    const sizes = [...roots.keys()];

    it('proves inclusion of any entry at any committed size', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...sizes),
          fc.double({ min: 0, max: 1, noNaN: true }),
          async (size, at) => {
            const index = Math.min(size - 1, Math.floor(at * size));
            const reader = new LogReader(store);
            const proof = await reader.proveInclusion(index, size);
            verifyInclusion({
              index,
              size,
              leafHash: leaves[index]!,
              proof,
              root: roots.get(size)!,
            });
          },
        ),
        { numRuns: 60 },
      );
    });

    it('proves consistency between committed sizes', async () => {
      const reader = new LogReader(store);
      for (const [i, size1] of sizes.entries()) {
        for (const size2 of sizes.slice(i)) {
          const proof = await reader.proveConsistency(size1, size2);
          verifyConsistency({
            size1,
            size2,
            root1: roots.get(size1)!,
            root2: roots.get(size2)!,
            proof,
          });
        }
      }
      assert.deepEqual(roots.get(SIZE), rootOfLeafHashes(leaves));
    });

    it('serves partial tiles and bundles as prefixes of what is stored', async () => {
      const reader = new LogReader(store);
      const tile = await reader.readTile(0, 1, 3);
      assert.equal(tile?.length, 96);
      assert.equal(await reader.readTile(0, Math.floor(SIZE / 256), 256), undefined);
      const bundle = await reader.readBundle(0, 2);
      assert.deepEqual(bundle, encodeEntryBundle(entries.slice(0, 2)));
      assert.equal(await reader.readBundle(Math.floor(SIZE / 256), 255), undefined);
      assert.equal(await reader.readBundle(99_999, 1), undefined);
    });
  });
}

describe('LogReader and commits it did not see', () => {
  it('reads a tile that grew in the store after it cached a narrower version', async () => {
    const store = new SqliteLogStore(join(dir, 'grown.sqlite'));
    const integrator = new TileIntegrator();
    const first = integrator.integrate(entries.slice(0, 5));
    await store.commitBatch({
      tiles: first.tiles,
      bundles: first.bundles,
      checkpoint: { size: 5, note: 'n' },
    });
    const reader = new LogReader(store);
    assert.equal((await reader.readTile(0, 0, 5))?.length, 5 * 32);
    const second = integrator.integrate(entries.slice(5, 9));
    await store.commitBatch({
      tiles: second.tiles,
      bundles: second.bundles,
      checkpoint: { size: 9, note: 'n' },
    });
    assert.equal((await reader.readTile(0, 0, 9))?.length, 9 * 32);
    const proof = await reader.proveInclusion(7, 9);
    verifyInclusion({ index: 7, size: 9, leafHash: leaves[7]!, proof, root: second.root });
  });
});
