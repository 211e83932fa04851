import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import type { Seal } from '../seal/sealer.ts';
import { KyselyIdentityRepository } from './identity-vault.kysely.ts';
import type { NewPerson, PeopleBatch } from './identity-vault.repository.ts';

function person(n: number, blind: readonly [string, string][] = []): NewPerson {
  const suffix = String(n).padStart(12, '0');
  return {
    personRef: `00000000-0000-4000-8000-${suffix}`,
    householdRef: 'household-1',
    kind: 'household_member',
    keyId: `10000000-0000-4000-8000-${suffix}`,
    wrappedKey: `v1.wrapped-${suffix}`,
    fields: '{}',
    retentionCategory: 'passage_raw',
    retainUntil: n % 2 === 0 ? '2024-01-01T00:00:00.000Z' : null,
    createdAt: '2023-09-25T00:00:00.000Z',
    blindIndexes: blind.map(([field, valueHmac]) => ({
      field: field === 'document' ? 'document' : 'family_name',
      valueHmac,
    })),
  };
}

function seal(id: string, version: number, kind = 'person.identity'): Seal {
  return {
    kind,
    id,
    version,
    at: '2023-09-25T00:00:00.000Z',
    visibility: 'sealed',
    salt: 'c2FsdA==',
    commitment: '00',
    record: '{}',
    logIndex: 0,
  };
}

async function* batchesOf(...batches: PeopleBatch[]): AsyncGenerator<PeopleBatch> {
  for (const batch of batches) yield await Promise.resolve(batch);
}

describeOnBothDatabases('identity repository (Kysely)', (open) => {
  it('stores every batch in one transaction: a failing batch stores none', async () => {
    const { db } = await open();
    const repository = new KyselyIdentityRepository(db);
    async function* failing(): AsyncGenerator<PeopleBatch> {
      yield await Promise.resolve({ people: [person(1)], seals: [seal(person(1).personRef, 1)] });
      throw new Error('sealing failed');
    }
    await assert.rejects(repository.insertPeople(failing()), /sealing failed/);
    assert.equal(await repository.findPerson(person(1).personRef), undefined);
    assert.equal((await db.selectFrom('sealed_record').selectAll().execute()).length, 0);
  });

  it('finds people by blind index, distinct and bounded, and live people only', async () => {
    const { db } = await open();
    const repository = new KyselyIdentityRepository(db);
    const people = [1, 2, 3, 4].map((n) =>
      person(n, [
        ['family_name', 'ptrsn'],
        ['family_name', n % 2 === 0 ? 'even' : 'odd'],
      ]),
    );
    await repository.insertPeople(batchesOf({ people, seals: [] }));
    const refs = people.map((p) => p.personRef);
    assert.deepEqual(await repository.findByBlindIndex('family_name', ['ptrsn', 'even'], 10), refs);
    assert.deepEqual(await repository.findByBlindIndex('family_name', ['odd'], 10), [
      refs[0],
      refs[2],
    ]);
    assert.deepEqual(
      await repository.findByBlindIndex('family_name', ['ptrsn'], 3),
      refs.slice(0, 3),
    );
    assert.deepEqual(await repository.findByBlindIndex('document', ['ptrsn'], 10), []);
    assert.deepEqual(await repository.findByBlindIndex('family_name', [], 10), []);
    const destroyed = await repository.destroy(
      [{ personRef: refs[0]!, keyId: people[0]!.keyId, version: 2, reason: 'erroneous_record' }],
      [seal(refs[0]!, 2, 'person.destroyed')],
      '2023-10-01T00:00:00.000Z',
    );
    assert.deepEqual(destroyed, [refs[0]]);
    const live = await repository.findLivePeople(refs);
    assert.deepEqual(live.map((p) => p.personRef).sort(), refs.slice(1));
    assert.deepEqual(await repository.findByBlindIndex('family_name', ['odd'], 10), [refs[2]]);
    const gone = await repository.findPerson(refs[0]!);
    assert.ok(gone !== undefined);
    assert.equal(gone.wrappedKey, '');
    assert.equal(gone.destroyedAt, '2023-10-01T00:00:00.000Z');
    assert.equal(gone.version, 2);
  });

  it('destroys only what is still live at the expected version, sealing only that', async () => {
    const { db } = await open();
    const repository = new KyselyIdentityRepository(db);
    const [a, b] = [person(1), person(2)];
    await repository.insertPeople(batchesOf({ people: [a, b], seals: [] }));
    const destructions = [
      { personRef: a.personRef, keyId: a.keyId, version: 2, reason: 'retention_expired' },
      { personRef: b.personRef, keyId: b.keyId, version: 5, reason: 'retention_expired' },
    ];
    const seals = [
      seal(a.personRef, 2, 'person.destroyed'),
      seal(b.personRef, 5, 'person.destroyed'),
    ];
    assert.deepEqual(await repository.destroy(destructions, seals, '2024-01-02T00:00:00.000Z'), [
      a.personRef,
    ]);
    assert.deepEqual(await repository.destroy(destructions, seals, '2024-01-03T00:00:00.000Z'), []);
    const stored = await db.selectFrom('sealed_record').select(['id', 'version']).execute();
    assert.deepEqual(
      stored.map((row) => ({ ...row })),
      [{ id: a.personRef, version: 2 }],
    );
  });

  it('lists expired live records and changes retention only at the expected version', async () => {
    const { db } = await open();
    const repository = new KyselyIdentityRepository(db);
    const people = [0, 1, 2, 3].map((n) => person(n));
    await repository.insertPeople(batchesOf({ people, seals: [] }));
    const expired = await repository.findExpired('2024-06-01T00:00:00.000Z', 10);
    assert.deepEqual(expired.map((p) => p.personRef).sort(), [
      people[0]!.personRef,
      people[2]!.personRef,
    ]);
    assert.deepEqual(await repository.findExpired('2023-06-01T00:00:00.000Z', 10), []);
    const change = {
      personRef: people[0]!.personRef,
      fromVersion: 1,
      retentionCategory: 'legal_hold',
      retainUntil: null,
    };
    assert.equal(
      await repository.changeRetention(change, seal(change.personRef, 2, 'person.retention')),
      true,
    );
    assert.equal(
      await repository.changeRetention(change, seal(change.personRef, 3, 'person.retention')),
      false,
    );
    const after = await repository.findExpired('2024-06-01T00:00:00.000Z', 10);
    assert.deepEqual(
      after.map((p) => p.personRef),
      [people[2]!.personRef],
    );
  });

  it('keeps the first master key fingerprint it is given', async () => {
    const { db } = await open();
    const repository = new KyselyIdentityRepository(db);
    assert.equal(await repository.keyCheckOrStore('first', '2023-09-25T00:00:00.000Z'), 'first');
    assert.equal(await repository.keyCheckOrStore('second', '2023-09-26T00:00:00.000Z'), 'first');
  });
});
