// The open data releases, their materialised rows and their corrections
// (src/transparency/open-data/open-data.tables.ts). Frozen once shipped; a change is a new
// migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'open_data_release',
    columns: `id text, dataset text, version integer, methodology_version text,
              row_count integer, status text, sha256 text null, log_index integer null,
              created_by text, created_at text`,
    primaryKey: ['id'],
    indexes: { open_data_release_version_unique: ['dataset', 'version'] },
  },
  {
    // Keyed by (release, seq): an export is one ordered range scan of the primary key.
    name: 'open_data_row',
    columns: 'release_id text, seq integer, cells text',
    primaryKey: ['release_id', 'seq'],
    parent: ['release_id', 'open_data_release'],
  },
  {
    name: 'open_data_correction',
    columns: `id text, dataset text, corrects_version integer,
              corrected_in_version integer null, description text, at text, log_index integer,
              created_by text`,
    primaryKey: ['id'],
    indexes: { open_data_correction_dataset: ['dataset', 'at'] },
  },
];

/** Creates the open data tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
