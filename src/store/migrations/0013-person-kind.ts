// What each vault person is (src/people/people.tables.ts, person_identity.kind): a household
// member, whom the people routes may search and read, or a source's contact, whose identity is
// never public (DOMAIN.md §6) and is reachable only through its source and that source's rules.
// Frozen once shipped; a change is a new migration.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** Adds person_identity.kind and marks the contacts of sources stored before it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person_identity')
    .addColumn('kind', 'text', (column) => column.notNull().defaultTo('household_member'))
    .execute();
  await markSourceContacts(db);
}

/** Marks the contacts of existing sources as such (exported for its test). */
export async function markSourceContacts(db: Kysely<unknown>): Promise<void> {
  await sql`update person_identity set kind = 'source_contact'
            where person_ref in (select contact_person_ref from source
                                 where contact_person_ref is not null)`.execute(db);
  await dropSourceContactIndexes(db);
}

// A source contact is never searched, so it has no blind index (see person-record.ts); those
// stored before this migration lose theirs, deleted by primary key from the list each record
// keeps (blind_index has no index on person_ref). Sources are few: one statement per entry.
async function dropSourceContactIndexes(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ person_ref: string; blind_indexes: string }>`
    select person_ref, blind_indexes from person_identity
    where kind = 'source_contact' and blind_indexes <> '[]'`.execute(db);
  for (const row of rows) {
    for (const [field, hmac] of indexEntries(row.blind_indexes)) {
      await sql`delete from blind_index where field = ${field} and value_hmac = ${hmac}
                and person_ref = ${row.person_ref}`.execute(db);
    }
    await sql`update person_identity set blind_indexes = '[]'
              where person_ref = ${row.person_ref}`.execute(db);
  }
}

// The list is the vault's own JSON, [[field, hmac], …]; anything else is skipped.
function indexEntries(text: string): [string, string][] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!Array.isArray(entry)) return [];
    const [field, hmac] = entry as unknown[];
    return typeof field === 'string' && typeof hmac === 'string' ? [[field, hmac]] : [];
  });
}
