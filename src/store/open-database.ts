// Opening the application database: the embedded SQLite file by default, PostgreSQL when a
// postgres:// URL is given (VIGIL_DATABASE_URL). Both sit behind one Kysely<Database>; what
// differs between them stays here and in the few `*.pg.ts` / `*.sqlite.ts` adapters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { kyselyForSqlite, openSqlite } from './sqlite-database.ts';

/** Which engine a database runs on. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** An open, migrated application database. */
export interface AppDatabase {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  close(): Promise<void>;
}

/** Where the application database lives. */
export interface DatabaseLocation {
  /** The data directory (the SQLite file lives here when no URL is given). */
  dataDir: string;
  /** A postgres:// or postgresql:// URL; selects PostgreSQL. */
  url?: string | undefined;
}

/** True when `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

// PostgreSQL returns int8 (count(*), bigint sums) as strings to keep precision; every count
// Vigil keeps fits in 2^53, so numbers are what the portable code expects on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

/** A pooled Kysely over PostgreSQL at `url` (not migrated). */
export function kyselyForPostgres<Schema>(url: string, max = 10): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client whose server went away (a restart, a dropped database) emits 'error' on the
  // pool; unhandled, that would crash the process. The pool discards the client, and the next
  // query opens a new connection or fails with an ordinary error.
  pool.on('error', () => undefined);
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens and migrates the application database at `location`. */
export async function openDatabase(location: DatabaseLocation): Promise<AppDatabase> {
  mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  const dialect: DatabaseDialect = isPostgresUrl(location.url) ? 'postgres' : 'sqlite';
  const db = isPostgresUrl(location.url)
    ? kyselyForPostgres<Database>(location.url)
    : kyselyForSqlite<Database>(openSqlite(join(location.dataDir, 'vigil.sqlite')));
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}
