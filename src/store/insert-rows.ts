// Multi-row INSERTs for the hot write paths (a sync batch stores thousands of rows a second).
// Kysely builds an operation tree per row and compiles it per statement; for plain rows that
// are already in column form that was about a tenth of the main thread under load. This writes
// the same portable SQL directly, and executes it on the same connection or transaction, so it
// composes with every Kysely query around it:
// - on SQLite, `values (?, ?), (?, ?)…`: one text per table, column list and row count;
// - on PostgreSQL, `select r."a"::text, r."b"::integer… from rows from
//   (json_array_elements_text($1::json), …) as r ("a", "b"…)`: one parameter per column whatever
//   the row count, so the server parses and plans a short text instead of thousands of
//   placeholders (about a sixth less of its CPU per row on the passage tables, measured). Each
//   column travels as a JSON array (JSON.stringify, native) rather than a PostgreSQL array
//   literal, which the pg driver built with two regex replaces per value: a quarter of all the
//   memory the sync path allocated, and so of its garbage-collection pauses.
import { CompiledQuery, sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** SQLite: rows per statement at most; fewer when the columns would pass the parameter limit. */
const MAX_ROWS = 500;
/** PostgreSQL: rows per statement at most (its parameters are arrays, one per column). */
const MAX_ARRAY_ROWS = 5_000;
/** Below SQLite's default limit of 32,766 bound parameters (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 32_000;

/** How an INSERT may end. */
export interface InsertOptions {
  /** ON CONFLICT (these columns) DO NOTHING: a row already stored is skipped, not an error. */
  skipConflictsOn?: readonly string[];
  /** RETURNING this column, of the rows actually inserted. */
  returning?: string;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

// SQLite numbers parameters by position ('?'), PostgreSQL by index ('$1'); ask the dialect.
function isSqlite(db: Kysely<Database>): boolean {
  return sql`${0}`.compile(db).sql === '?';
}

/** The shape of one statement: which table, which columns, how many rows. */
interface StatementShape {
  table: string;
  columns: readonly string[];
  rows: number;
}

// SQLite's texts already built, by shape: a bulk load repeats a few shapes thousands of times.
// Bounded, as the row count of the last statement of each call varies.
const TEXTS_KEPT = 500;
const texts = new Map<string, string>();

function valuesText(shape: StatementShape, options: InsertOptions): string {
  const key = JSON.stringify([shape, options]);
  const kept = texts.get(key);
  if (kept !== undefined) return kept;
  const row = `(${shape.columns.map(() => '?').join(', ')})`;
  const columns = shape.columns.map(quote).join(', ');
  const text = `insert into ${quote(shape.table)} (${columns}) values ${Array<string>(shape.rows).fill(row).join(', ')}${endingOf(options)}`;
  if (texts.size >= TEXTS_KEPT) texts.clear();
  texts.set(key, text);
  return text;
}

/**
 * Inserts `rows` (each with exactly the same columns, undefined nowhere) into `table` in as few
 * statements as the engine allows; answers the RETURNING rows, if asked.
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
  // Every row is checked before the first statement runs: a bad row changes nothing.
  const values = columnValues(table, columns, rows);
  const statements = isSqlite(db)
    ? valuesStatements({ table, columns, values }, options)
    : jsonColumnStatements(
        { table, columns, values, types: await columnTypes(db, table, columns) },
        options,
      );
  const returned: Record<string, unknown>[] = [];
  for (const statement of statements) {
    returned.push(...(await db.executeQuery<Record<string, unknown>>(statement)).rows);
  }
  return returned;
}

/** The rows' values, column by column (`values[c][r]`); throws on a row that differs. */
function columnValues(
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): unknown[][] {
  const values: unknown[][] = columns.map(() => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    if (Object.keys(row).length !== columns.length) {
      throw new TypeError(`rows for ${table} differ in their columns`);
    }
    columns.forEach((column, c) => {
      const value = row[column];
      if (value === undefined) throw new TypeError(`${table}.${column} is missing or undefined`);
      (values[c] as unknown[])[r] = value;
    });
  });
  return values;
}

interface ColumnData {
  table: string;
  columns: readonly string[];
  values: readonly unknown[][];
}

function rowCount(data: ColumnData): number {
  return data.values[0]?.length ?? 0;
}

function valuesStatements(data: ColumnData, options: InsertOptions): CompiledQuery[] {
  const { table, columns, values } = data;
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  const statements: CompiledQuery[] = [];
  for (let start = 0; start < rowCount(data); start += perStatement) {
    const rows = Math.min(perStatement, rowCount(data) - start);
    const parameters: unknown[] = [];
    for (let r = start; r < start + rows; r++) {
      for (const column of values) parameters.push(column[r]);
    }
    const text = valuesText({ table, columns, rows }, options);
    statements.push(CompiledQuery.raw(text, parameters));
  }
  return statements;
}

function jsonColumnStatements(
  data: ColumnData & { types: readonly string[] },
  options: InsertOptions,
): CompiledQuery[] {
  const { table, columns, values, types } = data;
  const elements = columns.map((_, c) => `json_array_elements_text($${String(c + 1)}::json)`);
  const casts = columns.map((column, c) => `r.${quote(column)}::${types[c] ?? 'text'}`);
  let text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select ${casts.join(', ')} from rows from (${elements.join(', ')}) as r (${columns.map(quote).join(', ')})`;
  text += endingOf(options);
  const statements: CompiledQuery[] = [];
  for (let start = 0; start < rowCount(data); start += MAX_ARRAY_ROWS) {
    const parameters = values.map((column) =>
      JSON.stringify(column.slice(start, start + MAX_ARRAY_ROWS)),
    );
    statements.push(CompiledQuery.raw(text, parameters));
  }
  return statements;
}

function endingOf(options: InsertOptions): string {
  let text = '';
  if (options.skipConflictsOn !== undefined) {
    text += ` on conflict (${options.skipConflictsOn.map(quote).join(', ')}) do nothing`;
  }
  if (options.returning !== undefined) text += ` returning ${quote(options.returning)}`;
  return text;
}

// PostgreSQL types of each table's columns, read once per process from the catalog: every
// database Vigil opens is built by the same migrations, so a table's types are the same in all.
const typesByTable = new Map<string, Map<string, string>>();

async function columnTypes(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
): Promise<string[]> {
  let types = typesByTable.get(table);
  if (types === undefined || columns.some((column) => !types?.has(column))) {
    const { rows } = await db.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
          where attrelid = to_regclass($1) and attnum > 0 and not attisdropped`,
        [quote(table)],
      ),
    );
    types = new Map(rows.map((row) => [row.name, row.type]));
    typesByTable.set(table, types);
  }
  return columns.map((column) => {
    const type = types.get(column);
    if (type === undefined) throw new TypeError(`${table} has no column ${column}`);
    return type;
  });
}
