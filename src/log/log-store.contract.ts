// The contract every LogStore adapter must honour, run against each adapter's own test file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogStore } from './log-store.port.ts';
import { LogStoreConflictError } from './log-store.port.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

/** Runs the LogStore contract against stores made by `open` (a fresh, empty store each call). */
export function describeLogStoreContract(name: string, open: () => Promise<LogStore>): void {
  describe(`LogStore contract: ${name}`, () => {
    it('starts empty', async () => {
      const store = await open();
      assert.equal(await store.latestCheckpoint(), undefined);
      assert.equal(await store.readTile(0, 0), undefined);
      assert.equal(await store.readBundle(0), undefined);
      await store.close();
    });

    it('commits tiles, bundles and a checkpoint together and replaces narrower tiles', async () => {
      const store = await open();
      await store.commitBatch({
        tiles: [{ level: 0, index: 0, data: bytes(1) }],
        bundles: [{ index: 0, data: bytes(0, 1, 9) }],
        checkpoint: { size: 1, note: 'one' },
      });
      await store.commitBatch({
        tiles: [{ level: 0, index: 0, data: bytes(1, 2), inner: bytes(7) }],
        bundles: [{ index: 0, data: bytes(0, 1, 9, 0, 1, 8) }],
        checkpoint: { size: 2, note: 'two' },
      });
      assert.deepEqual(await store.readTile(0, 0), bytes(1, 2));
      assert.deepEqual(await store.readTileWithInner(0, 0), { data: bytes(1, 2), inner: bytes(7) });
      assert.equal(await store.readTileWithInner(0, 1), undefined);
      assert.deepEqual(await store.readBundle(0), bytes(0, 1, 9, 0, 1, 8));
      assert.deepEqual(await store.latestCheckpoint(), { size: 2, note: 'two' });
      assert.deepEqual(await store.checkpointAt(1), { size: 1, note: 'one' });
      assert.equal(await store.checkpointAt(3), undefined);
      await store.close();
    });

    it('refuses a checkpoint that does not extend the stored log, writing nothing', async () => {
      const store = await open();
      await store.commitBatch({ tiles: [], bundles: [], checkpoint: { size: 5, note: 'five' } });
      for (const size of [5, 4]) {
        await assert.rejects(
          store.commitBatch({
            tiles: [{ level: 3, index: 3, data: bytes(3) }],
            bundles: [],
            checkpoint: { size, note: 'fork' },
          }),
          LogStoreConflictError,
        );
      }
      assert.equal(await store.readTile(3, 3), undefined);
      assert.deepEqual(await store.checkpointAt(5), { size: 5, note: 'five' });
      await store.close();
    });
  });
}
