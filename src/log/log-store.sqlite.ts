// SQLite adapter of the log store. It uses prepared node:sqlite statements rather than Kysely:
// one group commit is a handful of upserts in one transaction, and it is the hottest path in the
// system. The log lives in its own file so that no application transaction can ever hold the
// log's write lock across an await. Reads run here, on the caller's thread (WAL readers never
// wait); writes run on a worker thread with its own connection (log-writer.ts), so the durable
// COMMIT does not stop the event loop.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { openSqlite } from '../store/sqlite-database.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import type { LogBatchWrite, LogStore, StoredCheckpoint, StoredTile } from './log-store.port.ts';
import type { LogWriteRequest, LogWriteResult } from './log-writer.ts';

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
}

function prepare(db: DatabaseSync): Statements {
  return {
    latest: db.prepare('SELECT size, note FROM log_checkpoint ORDER BY size DESC LIMIT 1'),
    at: db.prepare('SELECT size, note FROM log_checkpoint WHERE size = ?'),
    tile: db.prepare('SELECT data FROM log_tile WHERE level = ? AND idx = ?'),
    withInner: db.prepare('SELECT data, inner_hashes FROM log_tile WHERE level = ? AND idx = ?'),
    bundle: db.prepare('SELECT data FROM log_bundle WHERE idx = ?'),
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
  readonly #path: string;
  readonly #db: DatabaseSync;
  readonly #sql: Statements;
  #writer: Worker | undefined;
  #nextWrite = 0;
  readonly #writing = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #lastWrite: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
    this.#db = openSqlite(path);
    // Reads of tiles dominate proofs of old entries: map the file instead of copying pages.
    this.#db.exec('PRAGMA mmap_size = 1073741824');
    this.#db.exec(SCHEMA);
    addInnerHashesColumn(this.#db);
    this.#sql = prepare(this.#db);
    // Started now, while the server finishes starting, so the first commit does not wait for
    // a thread to boot; idle, it does not keep the process alive.
    this.#writerThread().unref();
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
    if (!this.#db.isOpen) return Promise.reject(new Error('the log store is closed'));
    // Only one process writes an embedded log: nothing can have been handed over to it.
    if ((batch.handed?.length ?? 0) > 0) {
      return Promise.reject(new Error('the embedded log store takes no handed-over entries'));
    }
    const id = this.#nextWrite++;
    const writer = this.#writerThread();
    // A pending write keeps the process alive until it is durable; an idle writer does not.
    if (this.#writing.size === 0) writer.ref();
    const written = new Promise<void>((resolve, reject) => {
      this.#writing.set(id, { resolve, reject });
      const request: LogWriteRequest = { id, batch };
      writer.postMessage(request);
    });
    this.#lastWrite = written.catch(() => undefined);
    return written;
  }

  #writerThread(): Worker {
    if (this.#writer !== undefined) return this.#writer;
    const writer = new Worker(new URL('./log-writer.worker.ts', import.meta.url), {
      workerData: this.#path,
    });
    writer.on('message', (result: LogWriteResult) => {
      const waiting = this.#writing.get(result.id);
      this.#writing.delete(result.id);
      if (this.#writing.size === 0) writer.unref();
      if (result.ok) waiting?.resolve();
      else if (result.conflict) waiting?.reject(new LogStoreConflictError(result.message));
      else waiting?.reject(new Error(result.message));
    });
    // A writer that dies fails what it held; the next batch starts a new one.
    const failAll = (error: Error) => {
      if (this.#writer === writer) this.#writer = undefined;
      for (const waiting of this.#writing.values()) waiting.reject(error);
      this.#writing.clear();
    };
    writer.on('error', failAll);
    writer.on('exit', () => {
      failAll(new Error('the log writer stopped'));
    });
    this.#writer = writer;
    return writer;
  }

  async close(): Promise<void> {
    // The writer answers in order: once the last batch handed over settles, all have.
    await this.#lastWrite;
    const writer = this.#writer;
    this.#writer = undefined;
    await writer?.terminate();
    if (this.#db.isOpen) this.#db.close();
  }
}
