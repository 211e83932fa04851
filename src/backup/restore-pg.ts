// Restoring a PostgreSQL backup into an empty database: the schema is built by the same code
// that builds it on first start (the application migrations and the log store's DDL), the
// backup's migration list must equal the target's, and the rows are loaded in one transaction,
// each batch through json_populate_recordset so every value goes through its column type's
// input function exactly as it came out of the source's output function.
import pg from 'pg';
import { z } from 'zod';
import { BackupUsageError } from './backup-error.ts';
import { PgLogStore } from '../log/log-store.pg.ts';
import { openDatabase } from '../store/open-database.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { MIGRATION_TABLE, quoteIdent, TEXT_FORMAT_SETTINGS } from './backup-pg.ts';
import type { Section } from './backup-file.ts';

const batchSchema = z.array(z.array(z.string().nullable()));

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'vigil-restore' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function tableNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
  );
  return rows.map((row) => row.name);
}

/** Refuses (exit 2) unless the database at `url` has no table in its schema. */
export async function checkDatabaseEmpty(url: string): Promise<void> {
  const tables = await withClient(url, tableNames);
  if (tables.length > 0) {
    throw new BackupUsageError(
      `the database at VIGIL_DATABASE_URL is not empty (${String(tables.length)} tables): ` +
        'restore only into a new, empty database',
    );
  }
}

/** Drops every table of the schema: the database was empty before the restore began. */
export async function emptyDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    for (const table of await tableNames(client)) {
      await client.query(`DROP TABLE IF EXISTS ${quoteIdent(table)} CASCADE`);
    }
  });
}

/** Creates the application and log schema in the empty database, as a first start would. */
export async function createSchema(url: string, dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir, url });
  await database.close();
  const log = await PgLogStore.open(url);
  await log.close();
}

function parseBatch(payload: Buffer, width: number, table: string): (string | null)[][] {
  let rows: (string | null)[][];
  try {
    rows = batchSchema.parse(JSON.parse(payload.toString('utf8')));
  } catch (cause) {
    throw new VerificationError('backup', `rows of ${table} are malformed`, { cause });
  }
  if (rows.some((row) => row.length !== width)) {
    throw new VerificationError('backup', `rows of ${table} have the wrong number of columns`);
  }
  return rows;
}

/** Loads table sections into the database inside one transaction. */
export class PgTableLoader {
  readonly #client: pg.Client;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  /** Connects to `url` and opens the loading transaction. */
  static async open(url: string): Promise<PgTableLoader> {
    const client = new pg.Client({ connectionString: url, application_name: 'vigil-restore' });
    await client.connect();
    await client.query('BEGIN');
    for (const setting of TEXT_FORMAT_SETTINGS) await client.query(setting);
    return new PgTableLoader(client);
  }

  /** Loads one table's rows; the migration list is compared instead of loaded. */
  async load(section: Extract<Section, { kind: 'table' }>, data: AsyncIterable<Buffer>) {
    const { table, columns } = section;
    const target = await this.#columnsOf(table);
    if (target.length !== columns.length || columns.some((column) => !target.includes(column))) {
      throw new BackupUsageError(
        `table ${table} of the backup does not match this version of Vigil: restore with the version that made it`,
      );
    }
    const rows: (string | null)[][] = [];
    for await (const payload of data) {
      const batch = parseBatch(payload, columns.length, table);
      if (table === MIGRATION_TABLE) rows.push(...batch);
      else await this.#insert(table, columns, batch);
    }
    if (table === MIGRATION_TABLE) await this.#compareMigrations(columns, rows);
  }

  async #columnsOf(table: string): Promise<string[]> {
    const { rows } = await this.#client.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    return rows.map((row) => row.name);
  }

  async #insert(table: string, columns: readonly string[], batch: (string | null)[][]) {
    const objects = batch.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    const list = columns.map(quoteIdent).join(', ');
    await this.#client.query(
      `INSERT INTO ${quoteIdent(table)} (${list})
       SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
      [JSON.stringify(objects)],
    );
  }

  async #compareMigrations(columns: readonly string[], rows: (string | null)[][]) {
    const at = columns.indexOf('name');
    const theirs = rows.map((row) => row[at] ?? '').sort();
    const { rows: ours } = await this.#client.query<{ name: string }>(
      `SELECT name FROM ${quoteIdent(MIGRATION_TABLE)} ORDER BY name`,
    );
    if (
      theirs.join('\n') !==
      ours
        .map((row) => row.name)
        .sort()
        .join('\n')
    ) {
      throw new BackupUsageError(
        'the backup was made by another version of Vigil (its migrations differ): restore with that version',
      );
    }
  }

  /** Commits everything loaded. */
  async commit(): Promise<void> {
    await this.#client.query('COMMIT');
  }

  /** Rolls back anything uncommitted and disconnects. */
  async close(): Promise<void> {
    await this.#client.query('ROLLBACK').catch(() => undefined);
    await this.#client.end();
  }
}
