// The monitoring domain's incident tables (src/monitoring/monitoring.tables.ts): the current
// version of each incident, every earlier version, every transition, pending two-person
// approvals, and the links to information items and to passage cases. Frozen once shipped.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'incident',
    columns: `id text, state text, sub_event_type text, occurred_start text,
              occurred_end text null, time_precision integer, place_id text null,
              lat double null, lon double null, geo_precision integer, actors text, victims text,
              tolls text, civilian_targeting integer, narrative_sealed text,
              public_summary text null, merged_into text null, created_at text, updated_at text,
              version integer`,
    primaryKey: ['id'],
    indexes: {
      incident_occurred: ['occurred_start'],
      incident_place_occurred: ['place_id', 'occurred_start'],
    },
  },
  {
    name: 'incident_version',
    columns: 'incident_id text, version integer, content text, reason text, at text, actor text',
    primaryKey: ['incident_id', 'version'],
    parent: ['incident_id', 'incident'],
  },
  {
    name: 'incident_transition',
    columns: `incident_id text, version integer, from_state text, to_state text, reason text,
              at text, actor text, proposed_by text null`,
    primaryKey: ['incident_id', 'version'],
    parent: ['incident_id', 'incident'],
  },
  {
    name: 'incident_approval',
    columns: `incident_id text, to_state text, version integer, proposed_by text,
              proposed_at text, reason text`,
    primaryKey: ['incident_id', 'to_state'],
    parent: ['incident_id', 'incident'],
  },
  {
    name: 'incident_item',
    columns: 'incident_id text, item_id text, linked_at text, actor text',
    primaryKey: ['incident_id', 'item_id'],
    parent: ['incident_id', 'incident'],
    indexes: { incident_item_item: ['item_id'] },
  },
  {
    name: 'incident_case',
    columns: 'incident_id text, case_kind text, case_id text, linked_at text, actor text',
    primaryKey: ['incident_id', 'case_kind', 'case_id'],
    parent: ['incident_id', 'incident'],
    indexes: { incident_case_case: ['case_kind', 'case_id'] },
  },
];

/** Creates the incident tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
