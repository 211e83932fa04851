import type { Kysely } from 'kysely';

/** Creates sealed_record: one row per logged version of a record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sealed_record')
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('visibility', 'text', (column) => column.notNull())
    .addColumn('salt', 'text')
    .addColumn('commitment', 'text')
    .addColumn('record', 'text', (column) => column.notNull())
    .addColumn('log_index', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('sealed_record_pk', ['id', 'version'])
    .execute();
  await db.schema
    .createIndex('sealed_record_log_index')
    .on('sealed_record')
    .column('log_index')
    .execute();
}
