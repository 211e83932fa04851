// The raw ceilings the log's figures are compared with, measured in the same run: how fast this
// machine hashes (node:crypto SHA-256 of 65-byte inputs, the size of an interior node) and how
// fast SQLite inserts rows in durable batches (WAL, synchronous=FULL, as the log store uses).
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { openSqlite } from '../src/store/sqlite-database.ts';
import { now } from './stats.ts';

/** SHA-256 operations per second on 65-byte inputs. */
export function measureHashRate(): number {
  const input = new Uint8Array(65);
  const count = 2_000_000;
  const start = now();
  for (let i = 0; i < count; i++) {
    input[0] = i & 0xff;
    hash('sha256', input, 'buffer');
  }
  return (count * 1000) / (now() - start);
}

/** Rows per second inserted in durable transactions of `batch` rows of 100 bytes. */
export function measureInsertRate(dir: string, batch = 1000): number {
  const db = openSqlite(join(dir, 'ceiling.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t (id, data) VALUES (?, ?)');
  const row = new Uint8Array(100);
  const total = 400_000;
  const start = now();
  for (let id = 0; id < total;) {
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < batch; i++, id++) insert.run(id, row);
    db.exec('COMMIT');
  }
  const elapsed = now() - start;
  db.close();
  return (total * 1000) / elapsed;
}
