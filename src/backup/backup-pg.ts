// Backing up a PostgreSQL deployment, where the application tables and the log's tables live in
// one database: every table is read inside ONE read-only REPEATABLE READ transaction, so they
// all come from one snapshot and the application can never refer to a log entry the backup
// lacks. No pg_dump: rows are read through a cursor in batches, each column as its text form
// (exact for every type Vigil uses: text, integers, double precision, bytea, timestamptz),
// and written as JSON arrays; restore feeds them back through the column types' input functions.
import pg from 'pg';
import { BackupUsageError } from './backup-error.ts';
import type { BackupSink, HeaderFacts } from './backup-file.ts';

/** Rows fetched from the cursor at a time. */
const FETCH_ROWS = 1000;
/** A DATA frame is cut once its rows' JSON passes this many characters. */
const BATCH_CHARS = 1024 * 1024;

/** Kysely's bookkeeping: compared on restore, never copied (the target has its own). */
export const MIGRATION_TABLE = 'kysely_migration';
// log_pending is the servers' hand-over queue (src/log/leadership): an entry waiting there was
// never acknowledged, and one already sequenced is in the log tables.
const SKIPPED_TABLES = new Set(['kysely_migration_lock', 'log_pending']);

/** Session settings that make every value's text form exact and the same on both ends. */
export const TEXT_FORMAT_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL extra_float_digits = 1',
];

/** Double-quotes an identifier read from the catalogue. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The schema's tables, ordered so that a table comes after every table it references. */
export async function tablesInLoadOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
    )
  ).rows.map((row) => row.name);
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const row of references.rows) {
      if (row.child === table && row.parent !== table) visit(row.parent, path);
    }
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

async function writeTable(client: pg.ClientBase, sink: BackupSink, table: string) {
  const columns = await columnsOf(client, table);
  await sink.section({ kind: 'table', table, columns });
  const select = columns.map((column) => `${quoteIdent(column)}::text`).join(', ');
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table)}`,
  );
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length > 0) await sink.data(Buffer.from(`[${batch.join(',')}]`, 'utf8'));
    batch = [];
    chars = 0;
  };
  for (;;) {
    const { rows } = await client.query<unknown[]>({
      text: `FETCH ${FETCH_ROWS} FROM backup_rows`,
      rowMode: 'array',
    });
    for (const row of rows) {
      const json = JSON.stringify(row);
      batch.push(json);
      chars += json.length;
      if (chars >= BATCH_CHARS) await flush();
    }
    if (rows.length < FETCH_ROWS) break;
  }
  await flush();
  await client.query('CLOSE backup_rows');
}

/** An open snapshot of the database: its header facts, then its tables into a sink. */
export interface PgSnapshot {
  facts: HeaderFacts;
  writeTables(sink: BackupSink): Promise<void>;
  close(): Promise<void>;
}

/** Opens the snapshot transaction on `url` and reads the log's latest checkpoint in it. */
export async function snapshotPostgres(url: string): Promise<PgSnapshot> {
  const client = new pg.Client({ connectionString: url, application_name: 'vigil-backup' });
  await client.connect();
  const close = async () => {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const setting of TEXT_FORMAT_SETTINGS) await client.query(setting);
    const tables = await tablesInLoadOrder(client);
    if (!tables.includes('log_checkpoint') || !tables.includes(MIGRATION_TABLE)) {
      throw new BackupUsageError('the database at VIGIL_DATABASE_URL holds no Vigil data');
    }
    const latest = await client.query<{ size_text: string; note: string }>(
      'SELECT size::text AS size_text, note FROM log_checkpoint ORDER BY size DESC LIMIT 1',
    );
    const head = latest.rows[0];
    if (head === undefined)
      throw new BackupUsageError('the log holds no checkpoint yet: nothing to back up');
    const facts: HeaderFacts = {
      engine: 'postgres',
      logSize: Number(head.size_text),
      checkpoint: head.note,
    };
    // The migration list first: restore compares it before loading any row.
    const order = [
      MIGRATION_TABLE,
      ...tables.filter((t) => t !== MIGRATION_TABLE && !SKIPPED_TABLES.has(t)),
    ];
    return {
      facts,
      async writeTables(sink) {
        for (const table of order) await writeTable(client, sink, table);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
