// The monitoring domain's tables for evidence files, their custody chain and legal holds (src/monitoring/evidence/evidence.tables.ts).
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'evidence_blob',
    columns: `sha256 text, key_id text, wrapped_key text null, size integer, stored_at text,
              shredded_at text null`,
    primaryKey: ['sha256'],
  },
  {
    name: 'evidence',
    columns: `id text, blob_sha256 text, size integer, media_type text, name_sealed text null,
              uploaded_by text, uploaded_at text, legal_hold integer, deleted_at text null,
              version integer`,
    primaryKey: ['id'],
    indexes: { evidence_by_blob: ['blob_sha256'] },
  },
  {
    name: 'evidence_link',
    columns: 'evidence_id text, incident_id text, linked_at text, actor text',
    primaryKey: ['evidence_id', 'incident_id'],
    parent: ['evidence_id', 'evidence'],
    indexes: { evidence_link_incident: ['incident_id'] },
  },
  {
    name: 'evidence_custody',
    columns: `id text, evidence_id text, action text, actor text, at text, result text null,
              detail text null, seal_id text, log_index integer`,
    primaryKey: ['id'],
    parent: ['evidence_id', 'evidence'],
    indexes: { evidence_custody_item: ['evidence_id', 'id'] },
  },
];

/** Creates the evidence tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
