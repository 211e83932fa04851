// A unique-constraint violation, as each engine reports it: PostgreSQL SQLSTATE 23505 (with the
// constraint's name), SQLite extended result code SQLITE_CONSTRAINT_UNIQUE (2067) or
// SQLITE_CONSTRAINT_PRIMARYKEY (1555) (with "table.column" in the message). Kysely passes the
// driver's error through unchanged.

function field(error: object, name: string): unknown {
  const value: unknown = Reflect.get(error, name);
  return value;
}

/** A unique index as each engine names it in its error. */
export interface UniqueIndex {
  /** The index name (PostgreSQL reports it as the constraint). */
  name: string;
  /** `table.column` (SQLite names the column in its message). */
  column: string;
}

/**
 * True when `error` is a unique or primary-key violation; with `index`, only of that index.
 *
 * @example isUniqueViolation(error, { name: 'household_reference_code_unique',
 *   column: 'household.reference_code' })
 */
export function isUniqueViolation(error: unknown, index?: UniqueIndex): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = field(error, 'code');
  const errcode = field(error, 'errcode');
  if (code === '23505') return index === undefined || field(error, 'constraint') === index.name;
  if (errcode !== 2067 && errcode !== 1555) return false;
  const message = field(error, 'message');
  return index === undefined || (typeof message === 'string' && message.includes(index.column));
}
