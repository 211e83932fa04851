import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import type { Database } from '../../../store/schema.ts';
import { rejectsWith } from '../../database/passage.fixtures.ts';
import { normaliseReferenceCode } from '../../model/reference-code.ts';
import {
  ARMEN_HY,
  DAVIT_HY,
  IDENTITY_TEXTS,
  LUSINE_HY,
  REGISTRY_ACTOR,
  openTestRegistry,
} from '../registry.fixture.ts';
import { householdCheckHmac } from './household-check.ts';
import { HouseholdRegistrationService } from './household-registration.service.ts';

type Table =
  | 'household'
  | 'member'
  | 'household_check'
  | 'journey'
  | 'welfare_contact'
  | 'consent'
  | 'person_identity'
  | 'sealed_record';

async function count(db: Kysely<Database>, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countAll(db: Kysely<Database>): Promise<Record<Table, number>> {
  const tables: Table[] = [
    'household',
    'member',
    'household_check',
    'journey',
    'welfare_contact',
    'consent',
    'person_identity',
    'sealed_record',
  ];
  const counts = await Promise.all(tables.map((table) => count(db, table)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]])) as Record<Table, number>;
}

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(numbersIn);
}

describeOnBothDatabases('household registration', (open) => {
  it('registers a leaving household: vault refs, members, one check per birth year, journeys', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const twin = { ...DAVIT_HY, names: [{ ...DAVIT_HY.names[0]!, given: 'Գոռ' }], documents: [] };
    const registration = await registry.registration.register(
      {
        intention: 'leave',
        members: [
          { identity: ARMEN_HY, familyGroup: 'A' },
          { identity: LUSINE_HY, flags: ['pregnant'], familyGroup: 'A' },
          { identity: DAVIT_HY, familyGroup: 'A' },
          { identity: twin, flags: ['disability'] },
        ],
      },
      REGISTRY_ACTOR,
    );
    const { householdId, referenceCode } = registration;
    assert.equal(normaliseReferenceCode(referenceCode), referenceCode);
    assert.equal(registration.members.length, 4);
    const household = await registry.households.view(householdId);
    assert.equal(household.intention, 'leave');
    assert.equal(household.memberCount, 4);
    const byRef = new Map(household.members.map((member) => [member.personRef, member]));
    const [armen, lusine, davit, gor] = registration.members.map((m) => byRef.get(m.personRef)!);
    assert.deepEqual([armen!.sex, armen!.ageBand, armen!.flags], ['male', '18-45', []]);
    assert.deepEqual([lusine!.sex, lusine!.flags], ['female', ['pregnant']]);
    assert.deepEqual([davit!.ageBand, gor!.flags], ['5-17', ['disability']]);
    assert.ok(armen!.familyGroupId !== null && armen!.familyGroupId === davit!.familyGroupId);
    assert.equal(gor!.familyGroupId, null);
    for (const member of household.members) {
      assert.deepEqual(
        member.journeys.map((journey) => journey.state),
        ['listed'],
      );
    }
    const checks = await db.selectFrom('household_check').selectAll().execute();
    assert.deepEqual(
      checks.map((check) => check.check_hmac).sort(),
      [1979, 1983, 2012]
        .map((year) => householdCheckHmac(registry.context.keyring, householdId, year))
        .sort(),
    );
    const people = await db.selectFrom('person_identity').select('household_ref').execute();
    assert.deepEqual(
      people.map((row) => row.household_ref),
      [householdId, householdId, householdId, householdId],
    );
    assert.equal(await count(db, 'welfare_contact'), 0);
  });

  it('seals the household, journeys and identities without any identity in a record', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'return', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
      REGISTRY_ACTOR,
    );
    const seals = await db.selectFrom('sealed_record').select(['kind', 'record']).execute();
    assert.deepEqual(seals.map((seal) => seal.kind).sort(), [
      'passage.household',
      'passage.journey',
      'passage.journey',
      'person.identity',
      'person.identity',
    ]);
    for (const { record } of seals) {
      for (const text of [...IDENTITY_TEXTS, 'birth']) {
        assert.ok(!record.includes(text), `a sealed record holds ${text}`);
      }
      // Birth years as values (as text they could occur by chance inside a hex id).
      assert.ok(!numbersIn(JSON.parse(record)).some((n) => n === 1979 || n === 2012), record);
    }
    const household = seals.find((seal) => seal.kind === 'passage.household');
    assert.equal(
      (JSON.parse(household!.record) as { memberCount: number; id: string }).id,
      householdId,
    );
  });

  it('schedules weekly welfare visits for 90 days for a household that stays', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'stay_under_protection', members: [{ identity: LUSINE_HY }] },
      REGISTRY_ACTOR,
    );
    const view = await registry.households.view(householdId);
    assert.deepEqual(view.members[0]!.journeys, []);
    assert.equal(view.welfareContacts.length, 12);
    assert.deepEqual(view.welfareContacts[0], {
      id: view.welfareContacts[0]!.id,
      dueAt: '2023-09-27T09:00:00.000Z',
      mode: 'visit',
      state: 'scheduled',
      doneAt: null,
    });
    assert.equal(view.welfareContacts.at(-1)!.dueAt, '2023-12-13T09:00:00.000Z');
  });

  it('registers a household that refuses consent, recording the refusal', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      {
        intention: 'leave',
        members: [{ identity: ARMEN_HY }],
        consents: [
          { purpose: 'tracing', granted: true },
          { purpose: 'named_publication', granted: false },
        ],
      },
      REGISTRY_ACTOR,
    );
    const view = await registry.households.view(householdId);
    assert.deepEqual(
      view.consents.map((consent) => [consent.subjectRef, consent.purpose, consent.decision]),
      [
        [householdId, 'named_publication', 'refused'],
        [householdId, 'tracing', 'granted'],
      ],
    );
  });

  it('draws another reference code when the first collides with one in use', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const fixed = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const draws: Uint8Array[] = [fixed, fixed, new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9])];
    const registration = new HouseholdRegistrationService({
      ...registry.context,
      consents: { recordConsent: () => Promise.reject(new Error('no consents here')) },
      randomBytes: () => draws.shift() ?? fixed,
    });
    const first = await registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const second = await registration.register(
      { intention: 'leave', members: [{ identity: LUSINE_HY }] },
      REGISTRY_ACTOR,
    );
    assert.notEqual(first.referenceCode, second.referenceCode);
    assert.equal(draws.length, 0, 'the colliding code was drawn again');
    assert.equal(await count(db, 'household'), 2);
  });

  it('refuses bad registrations before writing anything, even to the vault or the log', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const before = await countAll(db);
    const member = { identity: ARMEN_HY };
    const bad = [
      { intention: 'leave', members: [{ identity: { ...ARMEN_HY, birthYear: 2024 } }] },
      { intention: 'leave', originPlaceId: randomUUID(), members: [member] },
      { intention: 'leave', members: Array.from({ length: 31 }, () => member) },
      { intention: 'leave', members: [] },
      { intention: 'flee', members: [member] },
      { intention: 'leave', members: [{ identity: { ...ARMEN_HY, names: [] } }] },
      { intention: 'leave', members: [{ ...member, flags: ['pregnant', 'pregnant'] }] },
    ];
    for (const input of bad) {
      // @ts-expect-error -- some inputs are deliberately outside the input type
      await rejectsWith(registry.registration.register(input, REGISTRY_ACTOR), 'invalid_request');
    }
    assert.deepEqual(await countAll(db), before);
    assert.equal(registry.entries.length, 0);
  });
});
