// GET /api/v1/journeys/:id and POST /api/v1/journeys/:id/transitions: staff read a journey with
// its history and move it through the journey machine at the version they read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../../src/passage/database/alert.repository.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import {
  aListedJourney,
  seedCorridor,
  seedListedJourneys,
} from '../../src/passage/field/field.fixtures.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const store = passageStoreOn(db);
const corridor = await seedCorridor(db);
const coordinator = test.staff.coordinator.headers;

interface View {
  journey: { id: string; state: string; version: number; expectedBy: string | null };
  history: { from: string; to: string; actor: string; placeId: string | null }[];
}

function transition(id: string, body: Record<string, unknown>, headers = coordinator) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/journeys/${id}/transitions`,
    headers,
    payload: body,
  });
}

async function sealCount(): Promise<number> {
  const row = await db
    .selectFrom('sealed_record')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('GET /api/v1/journeys/:id', () => {
  it('answers a journey with its history to staff and to a monitor device', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    await transition(journey!.id, { to: 'boarded', placeId: corridor.exitPost, version: 1 });
    for (const headers of [
      test.staff.hotline.headers,
      { authorization: `Bearer ${test.device.token}` },
    ]) {
      const response = await app.inject({ url: `/api/v1/journeys/${journey!.id}`, headers });
      assert.equal(response.statusCode, 200, response.body);
      const view = response.json<View>();
      assert.equal(view.journey.state, 'boarded');
      assert.deepEqual(
        view.history.map((event) => [event.from, event.to, event.placeId]),
        [['listed', 'boarded', corridor.exitPost]],
      );
    }
  });

  it('answers 404 for an unknown journey and 422 for an id that is not a UUID', async () => {
    const unknown = await app.inject({
      url: `/api/v1/journeys/${crypto.randomUUID()}`,
      headers: coordinator,
    });
    assert.equal(unknown.statusCode, 404);
    const bad = await app.inject({ url: '/api/v1/journeys/123', headers: coordinator });
    assert.equal(bad.statusCode, 422);
  });
});

describe('POST /api/v1/journeys/:id/transitions', () => {
  it('moves a journey, records who did it, seals it and starts the clock on boarding', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const response = await transition(journey!.id, {
      to: 'boarded',
      placeId: corridor.exitPost,
      version: 1,
    });
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json<View>();
    assert.equal(view.journey.version, 2);
    assert.ok(view.journey.expectedBy !== null);
    assert.equal(view.history[0]?.actor, test.staff.coordinator.id);
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', journey!.id)
      .where('version', '=', 2)
      .executeTakeFirst();
    assert.equal(seal?.kind, 'journey.transition');
    assert.ok(!seal.record.includes(journey!.personRef ?? '-'));
  });

  it('answers 409 conflict at a stale version and 409 invalid_transition for an illegal move, writing nothing', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const before = await sealCount();
    const stale = await transition(journey!.id, { to: 'boarded', version: 2 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'conflict');
    const illegal = await transition(journey!.id, { to: 'arrived', version: 1 });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json<{ error: { code: string } }>().error.code, 'invalid_transition');
    const unknownPlace = await transition(journey!.id, {
      to: 'boarded',
      placeId: crypto.randomUUID(),
      version: 1,
    });
    assert.equal(unknownPlace.statusCode, 422);
    assert.equal((await store.journeys.get(journey!.id))?.version, 1);
    assert.equal(await sealCount(), before);
  });

  it('opens a held case and raises a critical alert when staff record a detention', async () => {
    const journey = aListedJourney({ state: 'held_secondary' });
    await store.journeys.insertMany([journey]);
    const response = await transition(journey.id, {
      to: 'detained',
      placeId: corridor.bridge,
      version: 1,
    });
    assert.equal(response.statusCode, 200, response.body);
    const [heldCase] = await store.heldCases.listForJourney(journey.id);
    assert.equal(heldCase?.state, 'reported');
    const alerts = await app.inject({ url: '/api/v1/alerts', headers: coordinator });
    const raised = alerts
      .json<{ alerts: Alert[] }>()
      .alerts.find((alert) => alert.subjectId === journey.id);
    assert.equal(raised?.severity, 'critical');
  });

  it('registers an arrival only with its place', async () => {
    const journey = aListedJourney({ state: 'arrived' });
    await store.journeys.insertMany([journey]);
    const without = await transition(journey.id, { to: 'registered_at_arrival', version: 1 });
    assert.equal(without.statusCode, 422);
    const withPlace = await transition(journey.id, {
      to: 'registered_at_arrival',
      placeId: corridor.centre,
      version: 1,
    });
    assert.equal(withPlace.statusCode, 200, withPlace.body);
    assert.equal((await store.arrivals.findForJourney(journey.id))?.placeId, corridor.centre);
  });

  it('lets a monitor device change a journey, refuses an analyst', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const device = await transition(
      journey!.id,
      { to: 'no_show', version: 1 },
      { authorization: `Bearer ${test.device.token}` },
    );
    assert.equal(device.statusCode, 200, device.body);
    const analyst = await transition(
      journey!.id,
      { to: 'boarded', version: 2 },
      test.staff.analyst.headers,
    );
    assert.equal(analyst.statusCode, 403);
  });

  it('refuses an unknown field, a state that is not one and a version that is not a count', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    for (const body of [
      { to: 'boarded', version: 1, note: 'x' },
      { to: 'teleported', version: 1 },
      { to: 'boarded', version: 0 },
      { to: 'boarded', version: '1' },
    ]) {
      const response = await transition(journey!.id, body);
      assert.equal(response.statusCode, 422, JSON.stringify(body));
    }
  });
});
