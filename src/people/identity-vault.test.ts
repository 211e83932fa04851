import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Database } from '../store/schema.ts';
import { ANNA, ELNUR, TEST_ACTOR, openTestVault, personInput } from './identity-vault.fixture.ts';
import { fieldsDigest } from './identity-fields.ts';
import { MasterKeyError } from './master-key.ts';
import { syntheticPeople } from './person.factory.ts';

async function count(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function storedFields(db: Kysely<Database>, personRef: string): Promise<string> {
  const row = await db
    .selectFrom('person_identity')
    .select('fields')
    .where('person_ref', '=', personRef)
    .executeTakeFirstOrThrow();
  return row.fields;
}

async function setFields(db: Kysely<Database>, personRef: string, fields: string): Promise<void> {
  await db
    .updateTable('person_identity')
    .set({ fields })
    .where('person_ref', '=', personRef)
    .execute();
}

function isDomainError(code: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

describeOnBothDatabases('identity vault', (open) => {
  it('reads back exactly the identity it stored', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const elnur = await vault.storePerson(personInput(ELNUR, 'household-2'), TEST_ACTOR);
    assert.deepEqual(await vault.readPerson(anna, TEST_ACTOR, 'tracing'), ANNA);
    assert.deepEqual(await vault.readPerson(elnur, TEST_ACTOR, 'tracing'), ELNUR);
  });

  it('stores a bulk batch across slices and worker threads, refs in input order', async () => {
    const { db } = await open();
    const { vault, entries } = openTestVault(db, { workerThreshold: 1000 });
    const people = syntheticPeople(1234, 42);
    const refs = await vault.storePeople(people, TEST_ACTOR);
    assert.equal(refs.length, 1234);
    assert.equal(new Set(refs).size, 1234);
    for (const i of [0, 499, 500, 1233]) {
      assert.deepEqual(
        await vault.readPerson(refs[i]!, TEST_ACTOR, 'registration'),
        people[i]!.identity,
      );
    }
    assert.equal(await count(db, 'person_identity'), 1234);
    assert.equal(await count(db, 'data_key'), 1234);
    const sealedPeople = entries.filter((entry) => entry.includes('"person.identity"'));
    assert.equal(sealedPeople.length, 1234);
  });

  it('stores nothing and seals nothing when one person of a batch is invalid', async () => {
    const { db } = await open();
    const { vault, entries } = openTestVault(db);
    const bad = personInput({ ...ELNUR, birthYear: 1700 });
    await assert.rejects(
      vault.storePeople([personInput(ANNA), bad], TEST_ACTOR),
      (error: unknown) => {
        assert.ok(error instanceof DomainError && error.code === 'invalid_request');
        // The error says where, never what: it must not echo the identity.
        assert.ok(!JSON.stringify(error.details).includes('Məmmədov'));
        assert.ok(!error.message.includes('Məmmədov'));
        return true;
      },
    );
    assert.equal(await count(db, 'person_identity'), 0);
    assert.equal(await count(db, 'sealed_record'), 0);
    assert.equal(entries.length, 0);
  });

  it('refuses a tampered ciphertext with a clear error, and still reads other records', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const elnur = await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    const fields = JSON.parse(await storedFields(db, anna)) as Record<string, string>;
    const names = fields['names']!;
    const flipped = names.slice(0, 20) + (names[20] === 'A' ? 'B' : 'A') + names.slice(21);
    await setFields(db, anna, JSON.stringify({ ...fields, names: flipped }));
    await assert.rejects(vault.readPerson(anna, TEST_ACTOR, 'tracing'), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.code === 'internal');
      assert.match(error.message, /does not authenticate/);
      assert.ok(error.message.includes(anna));
      return true;
    });
    await setFields(db, anna, '{"names": 42}');
    await assert.rejects(vault.readPerson(anna, TEST_ACTOR, 'tracing'), isDomainError('internal'));
    assert.deepEqual(await vault.readPerson(elnur, TEST_ACTOR, 'tracing'), ELNUR);
  });

  it('refuses a field moved to another record or to another field', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const elnur = await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    const annaFields = JSON.parse(await storedFields(db, anna)) as Record<string, string>;
    const elnurFields = JSON.parse(await storedFields(db, elnur)) as Record<string, string>;
    // Anna's names spliced into Elnur's record.
    await setFields(db, elnur, JSON.stringify({ ...elnurFields, names: annaFields['names'] }));
    await assert.rejects(vault.readPerson(elnur, TEST_ACTOR, 'tracing'), isDomainError('internal'));
    // Within one record: the sex ciphertext offered as the phone.
    const swapped = { ...annaFields, phone: annaFields['sex'], sex: annaFields['phone'] };
    await setFields(db, anna, JSON.stringify(swapped));
    await assert.rejects(vault.readPerson(anna, TEST_ACTOR, 'tracing'), isDomainError('internal'));
  });

  it('cannot read anything under another master key, and refuses to start with it', async () => {
    const { db } = await open();
    const first = openTestVault(db);
    await first.vault.verifyMasterKey();
    const anna = await first.vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const other = openTestVault(db);
    await assert.rejects(other.vault.verifyMasterKey(), MasterKeyError);
    await assert.rejects(
      other.vault.readPerson(anna, TEST_ACTOR, 'tracing'),
      isDomainError('internal'),
    );
    // The document's blind index under the other key finds nothing either.
    assert.deepEqual(
      await other.vault.searchByDocument('passport', 'AN0498127', TEST_ACTOR, 'tracing'),
      [],
    );
    const again = openTestVault(db, { masterKey: first.masterKey });
    await again.vault.verifyMasterKey();
    assert.deepEqual(await again.vault.readPerson(anna, TEST_ACTOR, 'tracing'), ANNA);
  });

  it('writes and seals an audit event for every read, naming actor, subject and purpose', async () => {
    const { db } = await open();
    const { vault, entries } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const sealedBefore = entries.length;
    await vault.readPerson(anna, { id: 'staff:analyst-7' }, 'verification');
    await vault.readPerson(anna, TEST_ACTOR, 'tracing');
    // Two reads may share a millisecond: compare in a fixed order.
    const events = await db.selectFrom('audit_event').selectAll().orderBy('actor').execute();
    assert.equal(events.length, 2);
    assert.deepEqual(
      events.map((event) => [event.actor, event.action, event.subject_ref, event.purpose]),
      [
        ['staff:analyst-7', 'identity.read', anna, 'verification'],
        [TEST_ACTOR.id, 'identity.read', anna, 'tracing'],
      ],
    );
    const seals = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('kind', '=', 'audit.identity_read')
      .execute();
    assert.deepEqual(seals.map((seal) => seal.id).sort(), events.map((event) => event.id).sort());
    assert.deepEqual(JSON.parse(seals.find((s) => s.id === events[0]!.id)!.record), {
      action: 'identity.read',
      actor: 'staff:analyst-7',
      purpose: 'verification',
      subjectRef: anna,
    });
    assert.equal(entries.length, sealedBefore + 2);
  });

  it('refuses a read without a known purpose or a well-formed actor, unaudited', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    await assert.rejects(
      vault.readPerson(anna, TEST_ACTOR, 'curiosity' as 'tracing'),
      isDomainError('invalid_request'),
    );
    await assert.rejects(
      vault.readPerson(anna, { id: 'Anna Petrosyan' }, 'tracing'),
      isDomainError('invalid_request'),
    );
    assert.equal(await count(db, 'audit_event'), 0);
  });

  it('answers not_found for an unknown or malformed ref', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    await assert.rejects(
      vault.readPerson('6f1d3a52-7c0e-4b7e-9d65-0a8f3b2c1e90', TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
    await assert.rejects(
      vault.readPerson('../etc', TEST_ACTOR, 'tracing'),
      isDomainError('not_found'),
    );
  });

  it('commits to the ciphertexts only: the sealed record of a stored person', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA, 'household-9'), TEST_ACTOR);
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', anna)
      .executeTakeFirstOrThrow();
    const person = await db
      .selectFrom('person_identity')
      .selectAll()
      .where('person_ref', '=', anna)
      .executeTakeFirstOrThrow();
    assert.equal(seal.kind, 'person.identity');
    assert.equal(seal.version, 1);
    assert.equal(seal.visibility, 'sealed');
    assert.deepEqual(JSON.parse(seal.record), {
      fieldsDigest: fieldsDigest(person.fields),
      householdRef: 'household-9',
      kind: 'household_member',
      keyId: person.key_id,
      personRef: anna,
    });
  });
});
