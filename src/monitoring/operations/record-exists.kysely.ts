// Whether a referenced record exists, read straight from its table: the records this slice
// points at (gazetteer places, patrols, information items, tracing requests) belong to other
// slices, and a reference needs nothing of theirs but the id.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { unknownReference } from '../../passage/registry/registry-input.ts';

/** Tables whose records this slice references by id. */
export type ReferencedTable = 'place' | 'patrol' | 'info_item' | 'tracing_request';

/** True when `table` holds a record `id`. */
export async function recordExists(
  db: Kysely<Database>,
  table: ReferencedTable,
  id: string,
): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** One reference to check: the input path, the table, and the id (skipped when null). */
export type Reference = readonly [path: string, table: ReferencedTable, id: string | null];

/** Throws 'invalid_request' (unknown_reference) for the first reference naming no record. */
export async function requireReferences(
  db: Kysely<Database>,
  references: readonly Reference[],
): Promise<void> {
  for (const [path, table, id] of references) {
    if (id !== null && !(await recordExists(db, table, id))) throw unknownReference(path, table);
  }
}
