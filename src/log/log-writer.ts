// The write half of the embedded log store: one batch (tiles, bundles, the signed checkpoint) in
// one IMMEDIATE transaction, refused if it does not extend what is stored. It runs on a worker
// thread (log-writer.worker.ts) with its own connection: node:sqlite is synchronous, and the
// durable COMMIT (an fsync) would otherwise stop the event loop once per group commit — about a
// tenth of the server's time when devices sync one capture at a time.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { LogStoreConflictError } from './log-store.port.ts';
import type { LogBatchWrite } from './log-store.port.ts';

/** The prepared statements of the write path. */
export interface LogWriteStatements {
  latestSize: StatementSync;
  putTile: StatementSync;
  putBundle: StatementSync;
  putCheckpoint: StatementSync;
}

/** Prepares the write statements on `db` (the log's schema must exist). */
export function prepareLogWrites(db: DatabaseSync): LogWriteStatements {
  return {
    latestSize: db.prepare('SELECT size FROM log_checkpoint ORDER BY size DESC LIMIT 1'),
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

/** Writes `batch` durably, or throws (LogStoreConflictError if another writer got there first). */
export function writeLogBatch(
  db: DatabaseSync,
  sql: LogWriteStatements,
  batch: LogBatchWrite,
): void {
  // BEGIN IMMEDIATE takes the write lock up front, so the size check below and the insert
  // that follows it cannot be interleaved with another writer's.
  db.exec('BEGIN IMMEDIATE');
  try {
    const latest = sql.latestSize.get();
    const stored = latest === undefined ? undefined : Number(latest['size']);
    if (stored !== undefined && stored >= batch.checkpoint.size) {
      throw new LogStoreConflictError(
        `checkpoint ${batch.checkpoint.size} does not extend stored size ${stored}`,
      );
    }
    for (const tile of batch.tiles) {
      sql.putTile.run(tile.level, tile.index, tile.data, tile.inner ?? null);
    }
    for (const bundle of batch.bundles) sql.putBundle.run(bundle.index, bundle.data);
    const { size, note } = batch.checkpoint;
    sql.putCheckpoint.run(size, note, new Date().toISOString());
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** A request to the writer thread. */
export interface LogWriteRequest {
  id: number;
  batch: LogBatchWrite;
}

/** The writer thread's answer: done, or why not. */
export type LogWriteResult =
  { id: number; ok: true } | { id: number; ok: false; conflict: boolean; message: string };
