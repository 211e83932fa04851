// The monitoring domain's tables for duplicate suggestions and analysts' decisions on them
// (src/monitoring/analysis/analysis.tables.ts), and the indexes the incident statistics read.
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'duplicate_decision',
    columns: `id text, left_kind text, left_id text, right_kind text, right_id text,
              decision text, score double, decided_at text, actor text, version integer`,
    primaryKey: ['id'],
    indexes: {
      duplicate_decision_pair_unique: ['left_kind', 'left_id', 'right_kind', 'right_id'],
      duplicate_decision_right: ['right_kind', 'right_id'],
    },
  },
  {
    name: 'duplicate_decision_version',
    columns: `decision_id text, version integer, decision text, reason text, score double,
              at text, actor text`,
    primaryKey: ['decision_id', 'version'],
    parent: ['decision_id', 'duplicate_decision'],
  },
];

// The incident statistics group by state and by sub-type over a period of occurred times; led by
// the grouped column, each index hands the groups over in order (no sort) and holds every column
// the count reads (no table row). Place has its own in 0009 (incident_place_occurred).
const INCIDENT_INDEXES: Readonly<Record<string, readonly string[]>> = {
  incident_state_occurred: ['state', 'occurred_start'],
  incident_sub_type_occurred: ['sub_event_type', 'occurred_start'],
};

/** Creates the tables and the statistics indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
  for (const [name, columns] of Object.entries(INCIDENT_INDEXES)) {
    await db.schema
      .createIndex(name)
      .on('incident')
      .columns([...columns])
      .execute();
  }
}
