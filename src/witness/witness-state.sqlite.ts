// The witness state in DIR/witness.sqlite.
//
// Why SQLite rather than a file per log written to a temporary file, fsynced and renamed: the
// check and the write must be one atomic step (see WitnessStateStore.advance), and a
// `BEGIN IMMEDIATE` transaction gives that even against a second witness process started on the
// same DIR by mistake, which a rename alone would not (both could read size N, both rename).
// openSqlite sets WAL with synchronous=FULL, so COMMIT returns only after the WAL is fsynced: a
// 200 answered after advance() survives kill -9 and power loss. node:sqlite is synchronous, so
// the whole read–check–write runs in one turn of the event loop and requests for one log are
// serialised in process too; the fsync blocks the loop, which a witness (one request per log
// checkpoint) can afford.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openSqlite } from '../store/sqlite-database.ts';
import type { CosignedHead } from './witness-rules.ts';
import type { StoredHead, WitnessStateStore } from './witness-state.port.ts';

/** File name of the witness state inside its data directory. */
export const WITNESS_DB_FILE = 'witness.sqlite';

const SCHEMA = `CREATE TABLE IF NOT EXISTS witness_checkpoint (
  origin TEXT PRIMARY KEY,
  size INTEGER NOT NULL CHECK (size >= 0),
  root BLOB NOT NULL CHECK (length(root) = 32),
  note TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT`;

/** WitnessStateStore on node:sqlite (WAL, synchronous=FULL). */
export class SqliteWitnessStateStore implements WitnessStateStore {
  readonly #db: DatabaseSync;

  /** Opens (creating if needed) `dataDir`/witness.sqlite. */
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.#db = openSqlite(join(dataDir, WITNESS_DB_FILE));
    this.#db.exec(SCHEMA);
  }

  latest(origin: string): StoredHead | undefined {
    const row = this.#db
      .prepare('SELECT size, root, note FROM witness_checkpoint WHERE origin = ?')
      .get(origin);
    if (row === undefined) return undefined;
    const { size, root, note } = row;
    if (typeof size !== 'number' || !(root instanceof Uint8Array) || typeof note !== 'string') {
      throw new Error(`witness state of ${origin} is corrupt`);
    }
    return { size, rootHash: new Uint8Array(root), note };
  }

  advance(
    origin: string,
    next: StoredHead,
    check: (current: CosignedHead | undefined) => void,
  ): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      check(this.latest(origin));
      this.#db
        .prepare(
          `INSERT INTO witness_checkpoint (origin, size, root, note, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (origin) DO UPDATE SET
             size = excluded.size, root = excluded.root, note = excluded.note,
             updated_at = excluded.updated_at`,
        )
        .run(origin, next.size, next.rootHash, next.note, new Date().toISOString());
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}
