import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { postgresTestDatabases } from '../../test/support/databases.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { describeLogStoreContract } from './log-store.contract.ts';
import { PgLogStore } from './log-store.pg.ts';
import type { LogBatchWrite } from './log-store.port.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import { SqliteLogStore } from './log-store.sqlite.ts';
import { LOG_FILE, openLogStore } from './open-log-store.ts';

// Every store this file opens is closed, and every database dropped, when the file ends —
// closed first, so the drop does not cut live connections.
const databases = postgresTestDatabases();
const newDatabase = () => databases.newDatabase();

async function openStore(url: string): Promise<PgLogStore> {
  return databases.closeAtEnd(await PgLogStore.open(url));
}

describeLogStoreContract('PostgreSQL', async () => openStore(await newDatabase()));

const bytes = (...values: number[]) => new Uint8Array(values);
const batch = (size: number, leaf: number): LogBatchWrite => ({
  tiles: [{ level: 0, index: 0, data: new Uint8Array(size).fill(leaf) }],
  bundles: [{ index: 0, data: new Uint8Array(size).fill(leaf) }],
  checkpoint: { size, note: `size ${size} leaf ${leaf}` },
});

describe('PgLogStore', () => {
  // Both writers carry the same tiles, so only the head lock and size check can tell them apart.
  it('lets exactly one of two racing commits of the same size through', async () => {
    const url = await newDatabase();
    const [one, two] = [await openStore(url), await openStore(url)];
    for (let size = 1; size <= 20; size++) {
      const outcomes = await Promise.allSettled([
        one.commitBatch({ ...batch(size, 1), checkpoint: { size, note: 'one' } }),
        two.commitBatch({ ...batch(size, 1), checkpoint: { size, note: 'two' } }),
      ]);
      const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.find((outcome) => outcome.status === 'rejected');
      assert.ok(won >= 0 && lost !== undefined, `size ${size}: one wins, one loses`);
      assert.ok(lost.reason instanceof LogStoreConflictError, String(lost.reason));
      assert.equal((await one.latestCheckpoint())?.note, won === 0 ? 'one' : 'two');
    }
  });

  it('refuses a larger checkpoint from a writer whose stored leaves differ (a stale writer)', async () => {
    const url = await newDatabase();
    const [one, two] = [await openStore(url), await openStore(url)];
    await one.commitBatch(batch(2, 1));
    const otherBundle = { ...batch(3, 1), bundles: [{ index: 0, data: bytes(1, 2, 2) }] };
    for (const stale of [batch(3, 2), otherBundle]) {
      await assert.rejects(two.commitBatch(stale), LogStoreConflictError);
    }
    assert.deepEqual(await one.readTile(0, 0), bytes(1, 1), 'the clashing batch wrote nothing');
    assert.deepEqual(await one.readBundle(0), bytes(1, 1));
    assert.equal((await one.latestCheckpoint())?.size, 2);
    await two.commitBatch(batch(3, 1));
    assert.deepEqual(await one.readTile(0, 0), bytes(1, 1, 1));
  });

  it('never lets two racing writers of different sizes both extend one head', async () => {
    const url = await newDatabase();
    const [one, two] = [await openStore(url), await openStore(url)];
    for (let round = 0; round < 10; round++) {
      const base = round * 10;
      await one.commitBatch({ tiles: [], bundles: [], checkpoint: { size: base + 1, note: 'b' } });
      const outcomes = await Promise.allSettled([
        one.commitBatch({ ...batch(base + 5, 1), tiles: [tile(round, 5, 1)], bundles: [] }),
        two.commitBatch({ ...batch(base + 6, 2), tiles: [tile(round, 6, 2)], bundles: [] }),
      ]);
      assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    }
  });

  it('keeps the widest tile and bundle, and inner hashes once stored', async () => {
    const store = await openStore(await newDatabase());
    await store.commitBatch({
      tiles: [{ level: 1, index: 2, data: bytes(1, 2, 3), inner: bytes(9) }],
      bundles: [{ index: 4, data: bytes(5, 6, 7) }],
      checkpoint: { size: 1, note: 'one' },
    });
    await store.commitBatch({
      tiles: [{ level: 1, index: 2, data: bytes(1, 2) }],
      bundles: [{ index: 4, data: bytes(5) }],
      checkpoint: { size: 2, note: 'two' },
    });
    await store.commitBatch({
      tiles: [{ level: 1, index: 2, data: bytes(1, 2, 3) }],
      bundles: [],
      checkpoint: { size: 3, note: 'three' },
    });
    assert.deepEqual(await store.readTileWithInner(1, 2), {
      data: bytes(1, 2, 3),
      inner: bytes(9),
    });
    assert.deepEqual(await store.readBundle(4), bytes(5, 6, 7));
  });

  it('returns no inner hashes for a tile stored without them', async () => {
    const store = await openStore(await newDatabase());
    await store.commitBatch(batch(1, 7));
    assert.deepEqual(await store.readTileWithInner(0, 0), { data: bytes(7), inner: undefined });
  });

  it('writes a batch of 1,200 tiles in one call, keeping the widest of two writes of one tile', async () => {
    const store = await openStore(await newDatabase());
    const tiles = Array.from({ length: 1_200 }, (_, index) => ({
      level: 0,
      index,
      data: bytes(1),
    }));
    tiles.push({ level: 0, index: 7, data: bytes(1, 2) }, { level: 0, index: 7, data: bytes(1) });
    await store.commitBatch({ tiles, bundles: [], checkpoint: { size: 1, note: 'n' } });
    assert.deepEqual(await store.readTile(0, 1_199), bytes(1));
    assert.deepEqual(await store.readTile(0, 7), bytes(1, 2));
  });

  it('reopens a database it created, and refuses one without durable commits', async () => {
    const url = await newDatabase();
    await (await openStore(url)).commitBatch(batch(4, 3));
    assert.deepEqual(await (await openStore(url)).checkpointAt(4), {
      size: 4,
      note: 'size 4 leaf 3',
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const database = new URL(url).pathname.slice(1);
    await admin.query(`ALTER DATABASE ${database} SET synchronous_commit = off`);
    await admin.end();
    await assert.rejects(PgLogStore.open(url), /synchronous_commit=off/);
  });

  it('stores tiles and bundles uncompressed, also in a database created before that setting', async () => {
    const url = await newDatabase();
    await openStore(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const storage = async () =>
      (
        await admin.query<{ column: string; storage: string }>(
          `SELECT attrelid::regclass || '.' || attname AS column, attstorage AS storage
           FROM pg_attribute WHERE attrelid IN ('log_tile'::regclass, 'log_bundle'::regclass)
             AND attname IN ('data', 'inner_hashes') ORDER BY 1`,
        )
      ).rows;
    const external = [
      { column: 'log_bundle.data', storage: 'e' },
      { column: 'log_tile.data', storage: 'e' },
      { column: 'log_tile.inner_hashes', storage: 'e' },
    ];
    assert.deepEqual(await storage(), external);
    // A log created by an earlier version has the default (compressed) storage: reopening fixes it.
    await admin.query('ALTER TABLE log_bundle ALTER COLUMN data SET STORAGE EXTENDED');
    await admin.query('ALTER TABLE log_tile ALTER COLUMN data SET STORAGE EXTENDED');
    await openStore(url);
    assert.deepEqual(await storage(), external);
    await admin.end();
  });
});

describe('openLogStore', () => {
  it('keeps the log in PostgreSQL for a postgres:// URL, else in the data directory', async () => {
    const dataDir = tempDir();
    const url = await newDatabase();
    const inPostgres = await openLogStore({ dataDir, url });
    assert.ok(inPostgres instanceof PgLogStore);
    await inPostgres.commitBatch(batch(1, 1));
    await inPostgres.close();
    assert.equal(existsSync(join(dataDir, LOG_FILE)), false);
    assert.equal((await (await openStore(url)).latestCheckpoint())?.size, 1);
    const embedded = await openLogStore({ dataDir, url: undefined });
    assert.ok(embedded instanceof SqliteLogStore);
    assert.equal(await embedded.latestCheckpoint(), undefined);
    await embedded.close();
    assert.equal(existsSync(join(dataDir, LOG_FILE)), true);
  });
});

function tile(round: number, width: number, leaf: number) {
  return { level: 0, index: round, data: new Uint8Array(width).fill(leaf) };
}
