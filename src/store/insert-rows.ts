// Multi-row INSERTs for the hot write paths (a sync batch stores thousands of rows a second).
// Kysely builds an operation tree per row and compiles it per statement; for plain rows that
// are already in column form that was about a tenth of the main thread under load. This writes
// the same portable SQL directly — one text per table, column list and row count — with the
// placeholders of whichever engine `db` runs on, and executes it on the same connection or
// transaction, so it composes with every Kysely query around it.
import { CompiledQuery, sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Rows per statement at most; fewer when the columns would pass the bound-parameter limit. */
const MAX_ROWS = 500;
/** Below SQLite's default limit of 32,766 bound parameters (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 32_000;

/** How an INSERT may end. */
export interface InsertOptions {
  /** ON CONFLICT (these columns) DO NOTHING: a row already stored is skipped, not an error. */
  skipConflictsOn?: readonly string[];
  /** RETURNING this column, of the rows actually inserted. */
  returning?: string;
}

type Placeholders = (index: number) => string;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

// SQLite numbers parameters by position ('?'), PostgreSQL by index ('$1'); ask the dialect.
function placeholdersOf(db: Kysely<Database>): Placeholders {
  return sql`${0}`.compile(db).sql === '?' ? () => '?' : (index) => `$${String(index + 1)}`;
}

/** The shape of one statement: which table, which columns, how many rows. */
interface StatementShape {
  table: string;
  columns: readonly string[];
  rows: number;
}

// Texts already built, by engine and shape: a bulk load repeats a few shapes thousands of
// times. Bounded, as the row count of the last statement of each call varies.
const TEXTS_KEPT = 500;
const texts = new Map<string, string>();

function statementText(
  shape: StatementShape,
  placeholder: Placeholders,
  options: InsertOptions,
): string {
  const key = JSON.stringify([placeholder(1), shape, options]);
  const kept = texts.get(key);
  if (kept !== undefined) return kept;
  const text = buildStatementText(shape, placeholder, options);
  if (texts.size >= TEXTS_KEPT) texts.clear();
  texts.set(key, text);
  return text;
}

function buildStatementText(
  { table, columns, rows }: StatementShape,
  placeholder: Placeholders,
  options: InsertOptions,
): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const values = columns.map((_, column) => placeholder(row * columns.length + column));
    tuples.push(`(${values.join(', ')})`);
  }
  let text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
  if (options.skipConflictsOn !== undefined) {
    text += ` on conflict (${options.skipConflictsOn.map(quote).join(', ')}) do nothing`;
  }
  if (options.returning !== undefined) text += ` returning ${quote(options.returning)}`;
  return text;
}

/**
 * Inserts `rows` (each with exactly the same columns, undefined nowhere) into `table` with as
 * few statements as the parameter limit allows; answers the RETURNING rows, if asked.
 */
export async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: InsertOptions = {},
): Promise<Record<string, unknown>[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  // Every row is checked before the first statement runs: a bad row changes nothing.
  const statements: CompiledQuery[] = [];
  const placeholder = placeholdersOf(db);
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of slice) {
      const values = row as Record<string, unknown>;
      if (Object.keys(values).length !== columns.length) {
        throw new TypeError(`rows for ${table} differ in their columns`);
      }
      for (const column of columns) {
        const value = values[column];
        if (value === undefined) throw new TypeError(`${table}.${column} is missing or undefined`);
        parameters.push(value);
      }
    }
    const text = statementText({ table, columns, rows: slice.length }, placeholder, options);
    statements.push(CompiledQuery.raw(text, parameters));
  }
  const returned: Record<string, unknown>[] = [];
  for (const statement of statements) {
    returned.push(...(await db.executeQuery<Record<string, unknown>>(statement)).rows);
  }
  return returned;
}
