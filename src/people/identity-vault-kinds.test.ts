// Source contacts in the vault: never found by a search (they have no blind index), answered
// 'not_found' by readPerson exactly like an unknown ref, read only by readSourceContact; and
// migration 0013 marks the contacts of sources stored before it and drops their blind indexes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import { markSourceContacts } from '../store/migrations/0013-person-kind.ts';
import type { Database } from '../store/schema.ts';
import type { PersonRef } from './access.ts';
import { ANNA, ELNUR, TEST_ACTOR, openTestVault, personInput } from './identity-vault.fixture.ts';
import type { IdentityVault } from './identity-vault.service.ts';

function isDomainError(code: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

const UNKNOWN = '0b6f0a8e-3f7c-4d1e-a7e2-5a1c9e2b7d44';

/** Anna's namesake with her own document: a source's contact, searchable by nothing. */
const CONTACT = {
  ...ANNA,
  documents: [{ type: 'passport' as const, number: 'SC0042117' }],
  phone: '+374 91 555 123',
};

async function blindIndexRows(db: Kysely<Database>, ref: string): Promise<number> {
  const query = db.selectFrom('blind_index').select('field').where('person_ref', '=', ref);
  return (await query.execute()).length;
}

async function searchesOf(vault: IdentityVault): Promise<string[][]> {
  const byName = await vault.searchByName({ family: 'Petrosyan' }, TEST_ACTOR, 'tracing');
  const byFullName = await vault.searchByName(
    { family: 'Petrosyan', given: 'Anna' },
    TEST_ACTOR,
    'tracing',
  );
  const byDocument = await vault.searchByDocument('passport', 'SC0042117', TEST_ACTOR, 'tracing');
  return [byName.map((match) => match.personRef), byFullName.map((m) => m.personRef), byDocument];
}

async function insertSource(db: Kysely<Database>, contactRef: string | null): Promise<void> {
  const at = '2026-11-01T00:00:00.000Z';
  await db
    .insertInto('source')
    .values({
      id: `source-${String(contactRef).slice(0, 8)}`,
      kind: 'witness',
      label: `LABEL ${String(contactRef).slice(0, 8)}`,
      reliability: 'F',
      at_risk: 0,
      contact_person_ref: contactRef,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
}

describeOnBothDatabases('identity vault: source contacts', (open) => {
  it('never finds a source contact by name or document, and reads it only as one', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const member = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const contact = await vault.storePerson(
      { ...personInput(CONTACT, 'source-1'), kind: 'source_contact' },
      TEST_ACTOR,
    );
    assert.equal(await blindIndexRows(db, contact), 0);
    assert.ok((await blindIndexRows(db, member)) > 0);
    assert.deepEqual(await searchesOf(vault), [[member], [member], []]);
    const stored = await db
      .selectFrom('sealed_record')
      .select('record')
      .where('kind', '=', 'person.identity')
      .where('id', '=', contact)
      .executeTakeFirstOrThrow();
    // The log commits to what the person is, as to its ciphertexts.
    assert.equal((JSON.parse(stored.record) as { kind?: string }).kind, 'source_contact');

    await assert.rejects(
      vault.readPerson(contact, TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
    await assert.rejects(
      vault.readPerson(UNKNOWN, TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
    const read = await vault.readSourceContact(contact, TEST_ACTOR, 'protection');
    assert.equal(read.phone, '+374 91 555 123');
    await assert.rejects(
      vault.readSourceContact(member, TEST_ACTOR, 'protection'),
      isDomainError('not_found'),
    );
    assert.equal((await vault.readPerson(member, TEST_ACTOR, 'tracing')).birthYear, 1984);
    const audited = await db.selectFrom('audit_event').select('subject_ref').execute();
    // Searches audited only the member; the one read of the contact is readSourceContact's.
    assert.equal(audited.filter((event) => event.subject_ref === contact).length, 1);
  });

  it('answers a shredded source contact as unknown to readPerson, not as gone', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const contact: PersonRef = await vault.storePerson(
      { ...personInput(ELNUR, 'source-2'), kind: 'source_contact' },
      TEST_ACTOR,
    );
    await vault.shred(contact, 'subject_request', TEST_ACTOR);
    await assert.rejects(
      vault.readPerson(contact, TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
    await assert.rejects(
      vault.readSourceContact(contact, TEST_ACTOR, 'protection'),
      isDomainError('gone'),
    );
  });

  it('marks contacts stored before migration 0013 and drops their blind indexes', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    // Before 0013 a source's contact was stored as an ordinary, indexed person.
    const [contact, member] = await vault.storePeople(
      [personInput(CONTACT, 'source-3'), personInput(ELNUR)],
      TEST_ACTOR,
    );
    assert.ok(contact !== undefined && member !== undefined);
    await insertSource(db, contact);
    await insertSource(db, null);
    assert.ok((await blindIndexRows(db, contact)) > 0);
    const memberIndexes = await blindIndexRows(db, member);

    await markSourceContacts(db as Kysely<unknown>);
    const kinds = await db
      .selectFrom('person_identity')
      .select(['person_ref', 'kind', 'blind_indexes'])
      .orderBy('kind')
      .execute();
    assert.deepEqual(
      kinds.map((row) => [row.person_ref, row.kind]),
      [
        [member, 'household_member'],
        [contact, 'source_contact'],
      ],
    );
    assert.equal(kinds[1]?.blind_indexes, '[]');
    assert.equal(await blindIndexRows(db, contact), 0);
    assert.equal(await blindIndexRows(db, member), memberIndexes);
    assert.deepEqual(await searchesOf(vault), [[], [], []]);
    await assert.rejects(
      vault.readPerson(contact, TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
    assert.equal(
      (await vault.readSourceContact(contact, TEST_ACTOR, 'protection')).birthYear,
      1984,
    );
    const elnur = await vault.searchByName({ family: 'Məmmədov' }, TEST_ACTOR, 'tracing');
    assert.deepEqual(
      elnur.map((match) => match.personRef),
      [member],
    );
  });
});
