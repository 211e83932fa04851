// Counters that several `vigil serve` processes on one PostgreSQL must share (issue 7): the
// rate-limit windows (src/http/rate-limit-store.kysely.ts) and the wrong birth years of the
// family status look-up (src/passage/registry/status/lookup-lock.kysely.ts). Built on both
// engines so the schema does not depend on the engine. Times are epoch milliseconds in a double:
// exact up to 2^53, and `integer` is 32-bit on PostgreSQL. Frozen once shipped; a change is a
// new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    // key: a SHA-256 of the limiter's scope and the client's key, never the address itself.
    name: 'rate_limit_hit',
    columns: 'key text, hits integer, window_ends_at_ms double',
    primaryKey: ['key'],
    indexes: { rate_limit_hit_window_end: ['window_ends_at_ms'] },
  },
  {
    name: 'status_lookup_wrong_year',
    columns: 'household_id text, wrong_years integer, since_ms double',
    primaryKey: ['household_id'],
  },
];

/** Creates the two counter tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
