import type { Kysely } from 'kysely';

/** Creates the people domain's tables (src/people/people.tables.ts). Portable Kysely. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_key')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('wrapped', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('destroyed_at', 'text')
    .addColumn('destroyed_reason', 'text')
    .execute();
  await db.schema
    .createTable('person_identity')
    .addColumn('person_ref', 'text', (column) => column.primaryKey())
    .addColumn('household_ref', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('blind_indexes', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('retention_category', 'text', (column) => column.notNull())
    .addColumn('retain_until', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('destroyed_at', 'text')
    .execute();
  await db.schema
    .createIndex('person_identity_household')
    .on('person_identity')
    .column('household_ref')
    .execute();
  await db.schema
    .createIndex('person_identity_retain_until')
    .on('person_identity')
    .column('retain_until')
    .execute();
  await createIndexTables(db);
}

async function createIndexTables(db: Kysely<unknown>): Promise<void> {
  // The primary key (field, value_hmac, person_ref) is the look-up index on (field, value_hmac).
  // No index on person_ref: see src/people/person-rows.kysely.ts.
  await db.schema
    .createTable('blind_index')
    .addColumn('field', 'text', (column) => column.notNull())
    .addColumn('value_hmac', 'text', (column) => column.notNull())
    .addColumn('person_ref', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('blind_index_pk', ['field', 'value_hmac', 'person_ref'])
    .execute();
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('subject_ref', 'text', (column) => column.notNull())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('audit_event_subject')
    .on('audit_event')
    .columns(['subject_ref', 'at'])
    .execute();
  await db.schema
    .createTable('consent')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('subject_ref', 'text', (column) => column.notNull())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addUniqueConstraint('consent_subject_purpose_version', ['subject_ref', 'purpose', 'version'])
    .execute();
  await db.schema
    .createTable('vault_key_check')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('key_check', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
}
