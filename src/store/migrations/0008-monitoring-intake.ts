// The monitoring domain's intake tables (src/monitoring/monitoring.tables.ts): sources with their
// gradings, and information items with theirs. Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'source',
    columns: `id text, kind text, label text, reliability text, at_risk integer,
              contact_person_ref text null, created_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: { source_label_unique: ['label'] },
  },
  {
    name: 'source_grading',
    columns: 'source_id text, version integer, reliability text, reason text, at text, actor text',
    primaryKey: ['source_id', 'version'],
    parent: ['source_id', 'source'],
  },
  {
    name: 'info_item',
    columns: `id text, channel text, source_id text null, proximity text null,
              credibility integer, language text, account_sealed text, received_at text,
              occurred_at text null, place_id text null, event_type text null, collected_by text,
              access text, receipt_sha256 text null, status text, status_reason text null, created_at text,
              updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: {
      info_item_status_received: ['status', 'received_at'],
      info_item_source: ['source_id'],
      info_item_receipt_unique: ['receipt_sha256'],
      info_item_collector: ['collected_by', 'received_at'],
    },
  },
  {
    name: 'info_item_grading',
    columns: 'item_id text, version integer, credibility integer, reason text, at text, actor text',
    primaryKey: ['item_id', 'version'],
    parent: ['item_id', 'info_item'],
  },
];

/** Creates the intake tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
