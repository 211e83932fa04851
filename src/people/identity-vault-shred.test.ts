import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import { commitmentOf } from '../seal/seal.ts';
import { ANNA, ELNUR, TEST_ACTOR, openTestVault, personInput } from './identity-vault.fixture.ts';

const DAY = 86_400_000;

function isDomainError(code: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

describeOnBothDatabases('identity vault shredding and retention', (open) => {
  it('makes a shredded record gone, keeps the others, and seals the destruction', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    const elnur = await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    await vault.readPerson(anna, TEST_ACTOR, 'tracing'); // its data key is now cached
    await vault.shred(anna, 'subject_request', { id: 'staff:coordinator-1' });
    await assert.rejects(vault.readPerson(anna, TEST_ACTOR, 'tracing'), isDomainError('gone'));
    assert.deepEqual(await vault.readPerson(elnur, TEST_ACTOR, 'tracing'), ELNUR);

    const person = await db
      .selectFrom('person_identity')
      .selectAll()
      .where('person_ref', '=', anna)
      .executeTakeFirstOrThrow();
    const key = await db
      .selectFrom('data_key')
      .selectAll()
      .where('id', '=', person.key_id)
      .executeTakeFirstOrThrow();
    assert.equal(key.wrapped, '');
    assert.equal(key.destroyed_reason, 'subject_request');
    assert.notEqual(key.destroyed_at, null);
    assert.notEqual(person.destroyed_at, null);
    assert.match(person.fields, /"names":"v1\./); // the ciphertext stays

    const seals = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', anna)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      seals.map((seal) => [seal.kind, seal.version]),
      [
        ['person.identity', 1],
        ['person.destroyed', 2],
      ],
    );
    assert.deepEqual(JSON.parse(seals[1]!.record), {
      actor: 'staff:coordinator-1',
      keyId: person.key_id,
      personRef: anna,
      reason: 'subject_request',
    });
    // The commitment made when the person was stored still verifies against its record.
    const stored = seals[0]!;
    const salt = Buffer.from(stored.salt!, 'base64');
    assert.equal(commitmentOf(salt, JSON.parse(stored.record)), stored.commitment);
  });

  it('answers gone when shredding twice and not_found for an unknown person', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    await vault.shred(anna, 'erroneous_record', TEST_ACTOR);
    await assert.rejects(vault.shred(anna, 'erroneous_record', TEST_ACTOR), isDomainError('gone'));
    await assert.rejects(
      vault.shred('0b6f0a8e-3f7c-4d1e-a7e2-5a1c9e2b7d44', 'erroneous_record', TEST_ACTOR),
      isDomainError('not_found'),
    );
    await assert.rejects(
      vault.shred(anna, 'because' as 'legal_order', TEST_ACTOR),
      isDomainError('invalid_request'),
    );
  });

  it('leaves a shredded person unfindable by document or name', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const anna = await vault.storePerson(personInput(ANNA), TEST_ACTOR);
    assert.deepEqual(await vault.searchByDocument('passport', 'AN0498127', TEST_ACTOR, 'tracing'), [
      anna,
    ]);
    await vault.shred(anna, 'consent_withdrawn', TEST_ACTOR);
    assert.deepEqual(
      await vault.searchByDocument('passport', 'AN0498127', TEST_ACTOR, 'tracing'),
      [],
    );
    assert.deepEqual(await vault.searchByName({ family: 'Petrosyan' }, TEST_ACTOR, 'tracing'), []);
    const left = await db
      .selectFrom('blind_index')
      .select('person_ref')
      .where('person_ref', '=', anna)
      .execute();
    assert.equal(left.length, 0);
  });

  it('applies retention: shreds exactly the records past their date, once', async () => {
    const { db } = await open();
    const { vault, entries } = openTestVault(db);
    const now = new Date('2024-01-01T00:00:00Z');
    const reconciled = new Date(now.getTime() - 100 * DAY); // + 90 days: expired
    const recent = new Date(now.getTime() - 10 * DAY); // + 90 days: kept
    const [expired, kept, pending, held] = await vault.storePeople(
      [
        personInput(ANNA, 'h1', { category: 'passage_raw', from: reconciled }),
        personInput(ELNUR, 'h2', { category: 'passage_raw', from: recent }),
        personInput(ELNUR, 'h3', { category: 'tracing_case' }), // case still open
        personInput(ANNA, 'h4', { category: 'legal_hold', from: reconciled }),
      ],
      TEST_ACTOR,
    );
    assert.equal(await vault.applyRetention(now, { id: 'system:retention' }), 1);
    await assert.rejects(
      vault.readPerson(expired!, TEST_ACTOR, 'oversight'),
      isDomainError('gone'),
    );
    for (const ref of [kept!, pending!, held!]) {
      await vault.readPerson(ref, TEST_ACTOR, 'oversight');
    }
    const destroyed = entries.filter((entry) => entry.includes('"person.destroyed"'));
    assert.equal(destroyed.length, 1);
    assert.equal(await vault.applyRetention(now, { id: 'system:retention' }), 0);
    // Ninety days after its reconciliation the second one goes too.
    assert.equal(await vault.applyRetention(new Date(now.getTime() + 81 * DAY), TEST_ACTOR), 1);
  });

  it('applies retention to more records than one batch holds', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const from = new Date('2023-09-30T00:00:00Z');
    const people = Array.from({ length: 1203 }, (_, i) =>
      personInput(i % 2 === 0 ? ANNA : ELNUR, `h${String(i)}`, { category: 'passage_raw', from }),
    );
    await vault.storePeople(people, TEST_ACTOR);
    assert.equal(await vault.applyRetention(new Date('2024-06-01T00:00:00Z'), TEST_ACTOR), 1203);
    const live = await db
      .selectFrom('person_identity')
      .select('person_ref')
      .where('destroyed_at', 'is', null)
      .execute();
    assert.equal(live.length, 0);
  });

  it('starts the retention clock when a case closes, sealing the change', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const ref = await vault.storePerson(
      personInput(ELNUR, 'h1', { category: 'tracing_case' }),
      TEST_ACTOR,
    );
    const closed = new Date('2024-02-01T00:00:00Z');
    await vault.setRetention(ref, { category: 'tracing_case', from: closed }, TEST_ACTOR);
    const person = await db
      .selectFrom('person_identity')
      .selectAll()
      .where('person_ref', '=', ref)
      .executeTakeFirstOrThrow();
    assert.equal(person.retain_until, '2026-01-31T00:00:00.000Z');
    assert.equal(person.version, 2);
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', ref)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    assert.equal(seal.kind, 'person.retention');
    assert.equal(await vault.applyRetention(new Date('2026-01-30T00:00:00Z'), TEST_ACTOR), 0);
    assert.equal(await vault.applyRetention(new Date('2026-02-01T00:00:00Z'), TEST_ACTOR), 1);
    await assert.rejects(
      vault.setRetention(ref, { category: 'legal_hold' }, TEST_ACTOR),
      isDomainError('gone'),
    );
  });

  it('refuses an unknown retention category', async () => {
    const { db } = await open();
    const { vault } = openTestVault(db);
    const ref = await vault.storePerson(personInput(ELNUR), TEST_ACTOR);
    await assert.rejects(
      vault.setRetention(ref, { category: 'forever' as 'legal_hold' }, TEST_ACTOR),
      isDomainError('invalid_request'),
    );
    await assert.rejects(
      vault.storePerson(
        personInput(ELNUR, 'h1', { category: 'forever' as 'legal_hold' }),
        TEST_ACTOR,
      ),
      isDomainError('invalid_request'),
    );
  });
});
