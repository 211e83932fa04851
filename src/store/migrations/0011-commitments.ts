// The monitoring domain's tables for the commitment register and its links, the mission's access
// restrictions, patrols and hotline contacts (src/monitoring/commitments/commitments.tables.ts).
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const CONTENT = `party text, language text, text text, translations text, made_on text,
                 source_ref text, scope text`;

const TABLES: readonly TableSpec[] = [
  {
    name: 'commitment',
    columns: `id text, ${CONTENT}, created_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: { commitment_made_on: ['made_on'] },
  },
  {
    name: 'commitment_version',
    columns: `commitment_id text, version integer, ${CONTENT}, reason text, at text, actor text`,
    primaryKey: ['commitment_id', 'version'],
    parent: ['commitment_id', 'commitment'],
  },
  {
    name: 'commitment_link',
    columns: `id text, commitment_id text, target_kind text, target_id text, bearing text,
              reasoning text, linked_at text, linked_by text`,
    primaryKey: ['id'],
    parent: ['commitment_id', 'commitment'],
    indexes: {
      commitment_link_commitment: ['commitment_id', 'linked_at'],
      commitment_link_target: ['target_kind', 'target_id'],
    },
  },
  {
    name: 'commitment_link_withdrawal',
    columns: 'link_id text, reason text, at text, actor text',
    primaryKey: ['link_id'],
    parent: ['link_id', 'commitment_link'],
  },
  {
    name: 'patrol',
    columns: `id text, label text, place_id text null, planned_start text, state text,
              created_by text, created_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: { patrol_planned_start: ['planned_start'], patrol_state: ['state'] },
  },
  {
    name: 'patrol_transition',
    columns: `patrol_id text, version integer, from_state text, to_state text, reason text,
              at text, actor text`,
    primaryKey: ['patrol_id', 'version'],
    parent: ['patrol_id', 'patrol'],
  },
  {
    name: 'access_restriction',
    columns: `id text, kind text, sub_kind text null, occurred_at text, place_id text,
              duration_minutes integer null, imposed_by text, patrol_id text null,
              description text, recorded_by text, created_at text, version integer`,
    primaryKey: ['id'],
    indexes: {
      access_restriction_occurred: ['occurred_at'],
      access_restriction_patrol: ['patrol_id'],
    },
  },
  {
    name: 'access_restriction_version',
    columns: `restriction_id text, version integer, kind text, sub_kind text null,
              occurred_at text, place_id text, duration_minutes integer null, imposed_by text,
              patrol_id text null, description text, reason text, at text, actor text`,
    primaryKey: ['restriction_id', 'version'],
    parent: ['restriction_id', 'access_restriction'],
  },
  {
    name: 'hotline_contact',
    columns: `id text, received_at text, channel text, caller_ref text, topic text,
              responded_at text null, response_seconds integer null, outcome text null,
              info_item_id text null, tracing_request_id text null, recorded_by text,
              created_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: {
      hotline_contact_received: ['received_at'],
      hotline_contact_caller: ['caller_ref'],
    },
  },
];

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
