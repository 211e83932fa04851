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
  // 64 MiB of page cache instead of 2 MiB: bulk loads into indexed tables (the demo's 120,000
  // people and journeys) stop re-reading index pages from disk.
  db.exec('PRAGMA cache_size = -65536');
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

/** Most distinct SQL texts whose prepared statements are kept per connection. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * A Kysely instance over an open node:sqlite database. Kysely asks for a fresh statement per
 * query; preparing is a measurable share of a small query, so statements are cached by SQL text
 * (parameters are bound per call, so reuse is safe on the single connection).
 */
export function kyselyForSqlite<Schema>(db: DatabaseSync): Kysely<Schema> {
  const statements = new Map<string, SqliteStatement>();
  const database: SqliteDatabase = {
    close: () => {
      if (db.isOpen) db.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = adaptStatement(db.prepare(sql));
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
}
