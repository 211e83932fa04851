// The transparency domain's bulletins (src/transparency/bulletins/bulletins.tables.ts).
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'bulletin',
    columns: `id text, product text, period_from text, period_to text, languages text,
              state text, figures text, texts text, corrects text null,
              correction_kind text null, draft_key text null, created_by text,
              last_editor text null, approved_by text null, published_at text null,
              log_index integer null, published_record text null, entry_at text null,
              created_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: {
      // Unique, and NULL for hand-made bulletins: both engines allow many NULLs.
      bulletin_draft_key_unique: ['draft_key'],
      bulletin_published: ['state', 'published_at'],
      bulletin_corrects: ['corrects'],
    },
  },
  {
    name: 'bulletin_version',
    columns: `bulletin_id text, version integer, action text, state text, texts text, at text,
              actor text`,
    primaryKey: ['bulletin_id', 'version'],
    parent: ['bulletin_id', 'bulletin'],
  },
];

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
