// Opening the embedded database. Every SQLite file Vigil writes is opened here, so durability
// settings cannot drift: WAL for concurrent readers, synchronous=FULL so a COMMIT that returned
// has reached the disk (an acknowledged write survives kill -9 and power loss).
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Opens (creating if needed) a SQLite file with Vigil's durability and safety pragmas. */
export function openSqlite(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

// Kysely's SqliteDialect expects better-sqlite3's statement shape; node:sqlite differs only in
// taking parameters spread and in how it says whether a statement returns rows.
function adaptStatement(statement: StatementSync): SqliteStatement {
  return {
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...(parameters as never[])),
    run: (parameters) => statement.run(...(parameters as never[])),
    iterate: (parameters) => statement.iterate(...(parameters as never[])),
  };
}

/** A Kysely instance over an open node:sqlite database. */
export function kyselyForSqlite<Schema>(db: DatabaseSync): Kysely<Schema> {
  const database: SqliteDatabase = {
    close: () => {
      if (db.isOpen) db.close();
    },
    prepare: (sql) => adaptStatement(db.prepare(sql)),
  };
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
}
