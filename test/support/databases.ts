// Runs a suite on both engines. The SQLite side uses a temporary file; the PostgreSQL side
// creates its own database on the server at VIGIL_TEST_PG_URL (default: the local trust-auth
// server) and drops it when the file ends. There is no skip: a missing PostgreSQL fails.
import { randomBytes } from 'node:crypto';
import { after, describe } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/store/open-database.ts';
import type { AppDatabase, DatabaseDialect } from '../../src/store/open-database.ts';
import { tempDir } from './temp-dir.ts';

const SERVER_URL =
  process.env['VIGIL_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database: its URL, and `drop` (call after closing every pool). */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  return {
    url: urlFor(name),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Opens a fresh, migrated application database on `dialect`. When the calling test file ends
 * it is closed and (PostgreSQL) dropped, in that order.
 */
export async function openTestDatabase(dialect: DatabaseDialect): Promise<AppDatabase> {
  const dataDir = tempDir();
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const database = await openDatabase({ dataDir, url: server?.url });
  after(async () => {
    await database.close();
    await server?.drop();
  });
  return database;
}

/** The engines every contract suite runs on. */
export const DIALECTS: readonly DatabaseDialect[] = ['sqlite', 'postgres'];

/**
 * Declares `suite` once per engine, as `describe('<name> on sqlite')` and `… on postgres'`.
 * `open` gives each test a fresh migrated database of that engine.
 */
export function describeOnBothDatabases(
  name: string,
  suite: (open: () => Promise<AppDatabase>, dialect: DatabaseDialect) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} on ${dialect}`, () => {
      suite(() => openTestDatabase(dialect), dialect);
    });
  }
}

/** Fresh PostgreSQL databases for one test file, and the stores opened on them. */
export interface PostgresTestDatabases {
  /** The URL of a new, empty database, dropped when the file ends. */
  newDatabase(): Promise<string>;
  /** Closes `closable` when the file ends, before any database is dropped. */
  closeAtEnd<T extends { close(): Promise<void> }>(closable: T): T;
}

/**
 * Databases for a test file that opens its own pools (the log store): when the file ends,
 * everything handed to `closeAtEnd` is closed first, so the drops never cut live connections.
 */
export function postgresTestDatabases(): PostgresTestDatabases {
  const closables: { close(): Promise<void> }[] = [];
  const drops: (() => Promise<void>)[] = [];
  after(async () => {
    await Promise.all(closables.map((closable) => closable.close()));
    for (const drop of drops) await drop();
  });
  return {
    async newDatabase() {
      const { url, drop } = await createPostgresDatabase();
      drops.push(drop);
      return url;
    },
    closeAtEnd(closable) {
      closables.push(closable);
      return closable;
    },
  };
}
