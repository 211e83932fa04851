// The held-person case routes: coordinators list cases by state, read one with its history and
// move it through the held-case machine at the version they read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeldCase } from '../../src/passage/database/held-case.repository.ts';
import { aJourney, hoursAfterD0 } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { seedCorridor } from '../../src/passage/field/field.fixtures.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const store = passageStoreOn(db);
const corridor = await seedCorridor(db);
const coordinator = test.staff.coordinator.headers;

async function seedCase(overrides: Partial<HeldCase> = {}): Promise<HeldCase> {
  const heldCase: HeldCase = {
    id: crypto.randomUUID(),
    journeyId: null,
    personRef: null,
    state: 'reported',
    placeId: corridor.bridge,
    heldBy: null,
    reportedAt: hoursAfterD0(20),
    updatedAt: hoursAfterD0(20),
    icrcNotifiedAt: null,
    version: 1,
    ...overrides,
  };
  await store.heldCases.insert(heldCase);
  return heldCase;
}

interface View {
  heldCase: HeldCase;
  history: { from: string; to: string; actor: string }[];
}

function transition(id: string, body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/held-cases/${id}/transitions`,
    headers: coordinator,
    payload: body,
  });
}

describe('held-case routes', () => {
  it('lists the cases in one state, oldest report first, for an analyst too', async () => {
    const later = await seedCase({ state: 'whereabouts_unknown', reportedAt: hoursAfterD0(30) });
    const earlier = await seedCase({ state: 'whereabouts_unknown', reportedAt: hoursAfterD0(25) });
    await seedCase({ state: 'confirmed_held' });
    const response = await app.inject({
      url: '/api/v1/held-cases?state=whereabouts_unknown',
      headers: test.staff.analyst.headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    const ids = response.json<{ heldCases: HeldCase[] }>().heldCases.map((item) => item.id);
    assert.deepEqual(ids, [earlier.id, later.id]);
    const bad = await app.inject({ url: '/api/v1/held-cases?state=lost', headers: coordinator });
    assert.equal(bad.statusCode, 422);
    const tooMany = await app.inject({ url: '/api/v1/held-cases?limit=501', headers: coordinator });
    assert.equal(tooMany.statusCode, 422);
  });

  it('moves a case, records the ICRC notification once, and keeps the history', async () => {
    const heldCase = await seedCase();
    const confirmed = await transition(heldCase.id, {
      to: 'confirmed_held',
      version: 1,
      heldBy: 'border service',
      icrcNotified: true,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const notifiedAt = confirmed.json<View>().heldCase.icrcNotifiedAt;
    assert.ok(notifiedAt !== null);
    const located = await transition(heldCase.id, {
      to: 'location_known',
      version: 2,
      placeId: corridor.reception,
      icrcNotified: true,
    });
    const view = located.json<View>();
    assert.equal(view.heldCase.icrcNotifiedAt, notifiedAt, 'the first notice stands');
    assert.equal(view.heldCase.placeId, corridor.reception);
    assert.equal(view.heldCase.heldBy, 'border service');
    assert.deepEqual(
      view.history.map((event) => [event.from, event.to, event.actor]),
      [
        ['reported', 'confirmed_held', test.staff.coordinator.id],
        ['confirmed_held', 'location_known', test.staff.coordinator.id],
      ],
    );
    const read = await app.inject({
      url: `/api/v1/held-cases/${heldCase.id}`,
      headers: coordinator,
    });
    assert.deepEqual(read.json<View>(), view);
    const seal = await db
      .selectFrom('sealed_record')
      .select('kind')
      .where('id', '=', heldCase.id)
      .where('version', '=', 3)
      .executeTakeFirst();
    assert.equal(seal?.kind, 'held_case.transition');
  });

  it('answers 409 for a stale version or an illegal move and 404 for no case, changing nothing', async () => {
    const heldCase = await seedCase();
    const stale = await transition(heldCase.id, { to: 'confirmed_held', version: 4 });
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'conflict');
    assert.equal(stale.statusCode, 409);
    const illegal = await transition(heldCase.id, { to: 'sentenced', version: 1 });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json<{ error: { code: string } }>().error.code, 'invalid_transition');
    const missing = await transition(crypto.randomUUID(), { to: 'released', version: 1 });
    assert.equal(missing.statusCode, 404);
    const badPlace = await transition(heldCase.id, {
      to: 'location_known',
      version: 1,
      placeId: crypto.randomUUID(),
    });
    assert.equal(badPlace.statusCode, 422);
    const stored = await store.heldCases.get(heldCase.id);
    assert.deepEqual(stored, heldCase);
    assert.deepEqual(await store.heldCases.history(heldCase.id), []);
  });

  it('refuses a heldBy with control characters or too long', async () => {
    const heldCase = await seedCase();
    for (const heldBy of ['a\u0000b', 'x'.repeat(101), '   ']) {
      const response = await transition(heldCase.id, { to: 'confirmed_held', version: 1, heldBy });
      assert.equal(response.statusCode, 422);
    }
  });

  it("moves the person's journey with the case: detained, then back on the road", async () => {
    const journey = aJourney({
      state: 'held_secondary',
      lastPlaceId: corridor.bridge,
      expectedBy: hoursAfterD0(2),
    });
    await store.journeys.insertMany([journey]);
    const heldCase = await seedCase({ journeyId: journey.id });

    const confirmed = await transition(heldCase.id, { to: 'confirmed_held', version: 1 });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal((await store.journeys.get(journey.id))?.state, 'detained');

    const released = await transition(heldCase.id, {
      to: 'released',
      version: 2,
      placeId: corridor.bridge,
    });
    assert.equal(released.statusCode, 200, released.body);
    const after = await store.journeys.get(journey.id);
    assert.equal(after?.state, 'released');
    assert.equal(after.version, journey.version + 2);
    // Back on the road: the overdue clock restarts from the release, at the bridge's transit time.
    const now = features.context.now().getTime();
    assert.ok(Date.parse(after.lastSeenAt ?? '') >= now - 60_000);
    assert.equal(
      Date.parse(after.expectedBy ?? '') - Date.parse(after.lastSeenAt ?? ''),
      corridor.bridgeToCentreMinutes * 60_000,
    );
    const history = await store.journeys.history(journey.id);
    assert.deepEqual(
      history.map((event) => [event.from, event.to]),
      [
        ['held_secondary', 'detained'],
        ['detained', 'released'],
      ],
    );
    // The case's seal names the journey's move; ids and states only.
    const seal = await db
      .selectFrom('sealed_record')
      .select('record')
      .where('kind', '=', 'held_case.transition')
      .where('id', '=', heldCase.id)
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    assert.deepEqual((JSON.parse(seal.record) as { journey: unknown }).journey, {
      journeyId: journey.id,
      from: 'detained',
      to: 'released',
      version: journey.version + 2,
    });
  });

  it('leaves a journey that has moved on past what the case can undo', async () => {
    const arrived = aJourney({ state: 'arrived' });
    await store.journeys.insertMany([arrived]);
    const late = await seedCase({ journeyId: arrived.id });
    const response = await transition(late.id, { to: 'confirmed_held', version: 1 });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((await store.journeys.get(arrived.id))?.state, 'arrived');
  });
});
