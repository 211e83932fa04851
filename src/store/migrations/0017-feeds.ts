// The feeds slice's subscriptions and mail outbox (src/transparency/feeds/feeds.tables.ts).
// Frozen once shipped; a change is a new migration.
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

const TABLES: readonly TableSpec[] = [
  {
    name: 'subscriber',
    columns: `id text, email_index text, key_wrapped text, address_sealed text, state text,
              language text null, products text null, pending_language text null,
              pending_products text null, confirm_sha256 text null, confirm_expires_at text null,
              last_confirmation_at text, unsubscribe_sha256 text, unsubscribe_sealed text,
              created_at text, confirmed_at text null`,
    primaryKey: ['id'],
    indexes: {
      subscriber_email_index_unique: ['email_index'],
      subscriber_unsubscribe_unique: ['unsubscribe_sha256'],
      subscriber_confirm: ['confirm_sha256'],
      subscriber_state: ['state', 'language'],
    },
  },
  {
    name: 'subscription_delivery',
    columns: 'subscriber_id text, item_id text, outbox_id text, at text',
    primaryKey: ['subscriber_id', 'item_id'],
    parent: ['subscriber_id', 'subscriber'],
  },
  {
    name: 'mail_outbox',
    columns: `id text, subscriber_id text, kind text, message_sealed text, created_at text,
              attempts integer, next_attempt_at text, status text, last_error text null,
              sent_at text null`,
    primaryKey: ['id'],
    indexes: {
      mail_outbox_due: ['status', 'next_attempt_at'],
      mail_outbox_subscriber: ['subscriber_id'],
    },
  },
];

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
