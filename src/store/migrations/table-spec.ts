// The declarative table description the migrations share: columns written as in SQL
// ("name type [null]", NOT NULL unless marked) so that a domain's whole schema reads on one page,
// built the same way on SQLite and PostgreSQL.
import type { CreateTableBuilder, Kysely } from 'kysely';

/** One table: its columns, key, owning record and secondary indexes. */
export interface TableSpec {
  name: string;
  /** Comma-separated `name type [null]`; type is text, integer or double. */
  columns: string;
  primaryKey: readonly string[];
  /** The record this table's rows belong to: [own column, parent table] (parent's `id`). */
  parent?: readonly [string, string];
  /** Secondary indexes; a name ending in `_unique` makes a unique index. */
  indexes?: Readonly<Record<string, readonly string[]>>;
}

const TYPES = { text: 'text', integer: 'integer', double: 'double precision' } as const;

type ColumnType = (typeof TYPES)[keyof typeof TYPES];

/** Splits `name type [null]` column text; throws on anything else (a typo fails loudly). */
function parseColumn(text: string): [string, ColumnType, boolean] {
  const [name, type, nullable, ...rest] = text.trim().split(/\s+/);
  const known = Object.entries(TYPES).find(([word]) => word === type)?.[1];
  if (name === undefined || known === undefined || rest.length > 0) {
    throw new Error(`bad column spec: ${text}`);
  }
  if (nullable !== undefined && nullable !== 'null') throw new Error(`bad column spec: ${text}`);
  return [name, known, nullable === 'null'];
}

/** Creates the table and its indexes. */
export async function createTable(db: Kysely<unknown>, spec: TableSpec): Promise<void> {
  let table: CreateTableBuilder<string, string> = db.schema.createTable(spec.name);
  for (const [name, type, isNullable] of spec.columns.split(',').map(parseColumn)) {
    table = table.addColumn(name, type, (column) => (isNullable ? column : column.notNull()));
  }
  table = table.addPrimaryKeyConstraint(`${spec.name}_pk`, [...spec.primaryKey]);
  if (spec.parent !== undefined) {
    const [column, parent] = spec.parent;
    table = table.addForeignKeyConstraint(`${spec.name}_${parent}_fk`, [column], parent, ['id']);
  }
  await table.execute();
  for (const [name, columns] of Object.entries(spec.indexes ?? {})) {
    let index = db.schema.createIndex(name).on(spec.name);
    for (const column of columns) index = index.column(column);
    await (name.endsWith('_unique') ? index.unique() : index).execute();
  }
}

/** Creates the passage domain's tables and indexes. */
