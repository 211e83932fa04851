import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import type { Database } from '../../../store/schema.ts';
import { rejectsWith } from '../../database/passage.fixtures.ts';
import {
  ARMEN_HY,
  DAVIT_HY,
  REGISTERED_AT,
  REGISTRY_ACTOR,
  openTestRegistry,
} from '../registry.fixture.ts';

const DAY_MS = 86_400_000;

async function rowCounts(db: Kysely<Database>): Promise<number[]> {
  const tables = ['household', 'journey', 'welfare_contact', 'consent', 'sealed_record'] as const;
  return Promise.all(
    tables.map(async (table) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
}

describeOnBothDatabases('household service', (open) => {
  it('a household that decides to stay gets welfare contacts; leaving again cancels those ahead', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
      REGISTRY_ACTOR,
    );
    const staying = await registry.households.changeIntention(
      householdId,
      { intention: 'stay_under_protection', version: 1 },
      REGISTRY_ACTOR,
    );
    assert.equal(staying.version, 2);
    assert.equal(staying.welfareContacts.length, 12);
    // Listed journeys stay listed (they never board).
    assert.deepEqual(
      staying.members.map((member) => member.journeys.length),
      [1, 1],
    );
    registry.setNow(new Date(REGISTERED_AT.getTime() + 20 * DAY_MS));
    const leaving = await registry.households.changeIntention(
      householdId,
      { intention: 'return', version: 2 },
      REGISTRY_ACTOR,
    );
    assert.equal(leaving.intention, 'return');
    const states = leaving.welfareContacts.map((contact) => contact.state);
    assert.deepEqual(states.slice(0, 2), ['scheduled', 'scheduled'], 'past contacts are kept');
    assert.ok(states.slice(2).every((state) => state === 'cancelled'));
    assert.deepEqual(
      leaving.members.map((member) => member.journeys.length),
      [1, 1],
      'members who have a journey get no second one',
    );
    const cancelSeals = await db
      .selectFrom('sealed_record')
      .select('id')
      .where('kind', '=', 'passage.welfare_contact')
      .where('version', '=', 2)
      .execute();
    assert.equal(cancelSeals.length, 10);
  });

  it('gives members listed journeys when a staying household decides to leave', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'stay_under_protection', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const view = await registry.households.changeIntention(
      householdId,
      { intention: 'leave', version: 1 },
      REGISTRY_ACTOR,
    );
    assert.deepEqual(
      view.members[0]!.journeys.map((journey) => journey.state),
      ['listed'],
    );
    assert.ok(view.welfareContacts.every((contact) => contact.state === 'cancelled'));
  });

  it('refuses a stale version and an unknown household, writing nothing', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const before = await rowCounts(db);
    await rejectsWith(
      registry.households.changeIntention(
        householdId,
        { intention: 'return', version: 2 },
        REGISTRY_ACTOR,
      ),
      'conflict',
    );
    await rejectsWith(
      registry.households.changeIntention(
        randomUUID(),
        { intention: 'return', version: 1 },
        REGISTRY_ACTOR,
      ),
      'not_found',
    );
    await rejectsWith(registry.households.view(randomUUID()), 'not_found');
    const same = await registry.households.changeIntention(
      householdId,
      { intention: 'leave', version: 1 },
      REGISTRY_ACTOR,
    );
    assert.equal(same.version, 1, 'the same intention again changes nothing');
    assert.deepEqual(await rowCounts(db), before);
  });

  it('records consents of the household and its members; no longer granting withdraws', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { householdId, members } = await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const personRef = members[0]!.personRef;
    const { households } = registry;
    const refused = await households.recordConsent(
      householdId,
      { purpose: 'internal_analysis', granted: false },
      REGISTRY_ACTOR,
    );
    assert.equal(refused.decision, 'refused');
    await households.recordConsent(
      householdId,
      { subjectRef: personRef, purpose: 'tracing', granted: true },
      REGISTRY_ACTOR,
    );
    const withdrawn = await households.recordConsent(
      householdId,
      { subjectRef: personRef, purpose: 'tracing', granted: false },
      REGISTRY_ACTOR,
    );
    assert.deepEqual([withdrawn.decision, withdrawn.version], ['withdrawn', 2]);
    const before = await rowCounts(db);
    await rejectsWith(
      households.recordConsent(
        householdId,
        { subjectRef: randomUUID(), purpose: 'tracing', granted: true },
        REGISTRY_ACTOR,
      ),
      'invalid_request',
    );
    await rejectsWith(
      households.recordConsent(randomUUID(), { purpose: 'tracing', granted: true }, REGISTRY_ACTOR),
      'not_found',
    );
    assert.deepEqual(await rowCounts(db), before);
    const view = await households.view(householdId);
    assert.deepEqual(
      view.consents.map((consent) => [consent.subjectRef, consent.decision]),
      [
        [householdId, 'refused'],
        [personRef, 'granted'],
        [personRef, 'withdrawn'],
      ],
    );
  });
});
