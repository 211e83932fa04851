// SQLite adapter of the log store. The write path uses prepared node:sqlite statements rather
// than Kysely: one group commit is a handful of upserts in one transaction, and it is the
// hottest path in the system. The log lives in its own file so that no application transaction
// can ever hold the log's write lock across an await.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { openSqlite } from '../store/sqlite-database.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import type { LogBatchWrite, LogStore, StoredCheckpoint, StoredTile } from './log-store.port.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_tile (
  level INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL, inner_hashes BLOB,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS log_bundle (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS log_checkpoint (
  size INTEGER PRIMARY KEY, note TEXT NOT NULL, created_at TEXT NOT NULL
);`;

// Logs created before inner hashes were stored lack the column; their full tiles simply have
// none, and proofs fall back to hashing inside the tile.
function addInnerHashesColumn(db: DatabaseSync): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('log_tile');
  if (!columns.some((column) => column['name'] === 'inner_hashes')) {
    db.exec('ALTER TABLE log_tile ADD COLUMN inner_hashes BLOB');
  }
}

interface Statements {
  latest: StatementSync;
  at: StatementSync;
  tile: StatementSync;
  withInner: StatementSync;
  bundle: StatementSync;
  putTile: StatementSync;
  putBundle: StatementSync;
  putCheckpoint: StatementSync;
}

function prepare(db: DatabaseSync): Statements {
  return {
    latest: db.prepare('SELECT size, note FROM log_checkpoint ORDER BY size DESC LIMIT 1'),
    at: db.prepare('SELECT size, note FROM log_checkpoint WHERE size = ?'),
    tile: db.prepare('SELECT data FROM log_tile WHERE level = ? AND idx = ?'),
    withInner: db.prepare('SELECT data, inner_hashes FROM log_tile WHERE level = ? AND idx = ?'),
    bundle: db.prepare('SELECT data FROM log_bundle WHERE idx = ?'),
    putTile: db.prepare(
      'INSERT INTO log_tile (level, idx, data, inner_hashes) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (level, idx) DO UPDATE SET data = excluded.data, ' +
        'inner_hashes = excluded.inner_hashes',
    ),
    putBundle: db.prepare(
      'INSERT INTO log_bundle (idx, data) VALUES (?, ?) ' +
        'ON CONFLICT (idx) DO UPDATE SET data = excluded.data',
    ),
    putCheckpoint: db.prepare(
      'INSERT INTO log_checkpoint (size, note, created_at) VALUES (?, ?, ?)',
    ),
  };
}

function toCheckpoint(row: Record<string, unknown> | undefined): StoredCheckpoint | undefined {
  if (row === undefined) return undefined;
  return { size: Number(row['size']), note: String(row['note']) };
}

function toBytes(row: Record<string, unknown> | undefined): Uint8Array | undefined {
  const data = row?.['data'];
  return data instanceof Uint8Array ? data : undefined;
}

/** The embedded log store in `path` (created on first use). */
export class SqliteLogStore implements LogStore {
  readonly #db: DatabaseSync;
  readonly #sql: Statements;

  constructor(path: string) {
    this.#db = openSqlite(path);
    // Reads of tiles dominate proofs of old entries: map the file instead of copying pages.
    this.#db.exec('PRAGMA mmap_size = 1073741824');
    this.#db.exec(SCHEMA);
    addInnerHashesColumn(this.#db);
    this.#sql = prepare(this.#db);
  }

  latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    return Promise.resolve(toCheckpoint(this.#sql.latest.get()));
  }

  checkpointAt(size: number): Promise<StoredCheckpoint | undefined> {
    return Promise.resolve(toCheckpoint(this.#sql.at.get(size)));
  }

  readTile(level: number, index: number): Promise<Uint8Array | undefined> {
    return Promise.resolve(toBytes(this.#sql.tile.get(level, index)));
  }

  readTileWithInner(level: number, index: number): Promise<StoredTile | undefined> {
    const row = this.#sql.withInner.get(level, index);
    const data = toBytes(row);
    const inner = row?.['inner_hashes'];
    return Promise.resolve(
      data === undefined
        ? undefined
        : { data, inner: inner instanceof Uint8Array ? inner : undefined },
    );
  }

  readBundle(index: number): Promise<Uint8Array | undefined> {
    return Promise.resolve(toBytes(this.#sql.bundle.get(index)));
  }

  commitBatch(batch: LogBatchWrite): Promise<void> {
    try {
      this.#commit(batch);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #commit(batch: LogBatchWrite): void {
    // BEGIN IMMEDIATE takes the write lock up front, so the size check below and the insert
    // that follows it cannot be interleaved with another writer's.
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const latest = toCheckpoint(this.#sql.latest.get());
      if (latest !== undefined && latest.size >= batch.checkpoint.size) {
        throw new LogStoreConflictError(
          `checkpoint ${batch.checkpoint.size} does not extend stored size ${latest.size}`,
        );
      }
      for (const tile of batch.tiles) {
        this.#sql.putTile.run(tile.level, tile.index, tile.data, tile.inner ?? null);
      }
      for (const bundle of batch.bundles) this.#sql.putBundle.run(bundle.index, bundle.data);
      const { size, note } = batch.checkpoint;
      this.#sql.putCheckpoint.run(size, note, new Date().toISOString());
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }
}
