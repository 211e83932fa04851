import type { Kysely } from 'kysely';

/** Creates sync_item: the idempotency record of offline captures. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_item')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('device_id', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('captured_at', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('signature', 'text', (column) => column.notNull())
    .addColumn('result', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sync_item_device').on('sync_item').column('device_id').execute();
}
