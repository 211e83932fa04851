// The field captures through POST /api/v1/sync with real signed device batches: journeys move
// and get their overdue clock, retries apply once, held people and headcount mismatches raise
// alerts (stored and pushed), one bad item never blocks the rest, bad payloads write nothing,
// and a plate never lands anywhere in clear.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Alert } from '../../src/passage/database/alert.repository.ts';
import { hoursAfterD0 } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import {
  aListedJourney,
  aPassagePayload,
  seedCorridor,
  seedListedJourneys,
  signedCapture,
} from '../../src/passage/field/field.fixtures.ts';
import type { SyncItem } from '../../src/sync/capture-handler.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const store = passageStoreOn(db);
const corridor = await seedCorridor(db);

interface ItemResult {
  id: string;
  status: string;
  code?: string;
  logIndex?: number;
}

async function sync(items: SyncItem[]): Promise<ItemResult[]> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: { authorization: `Bearer ${test.device.token}` },
    payload: { items },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ results: ItemResult[] }>().results;
}

const capture = (type: string, payload: Record<string, unknown>, capturedAt?: string) =>
  signedCapture(test.device, type, payload, capturedAt === undefined ? {} : { capturedAt });

async function alertsNow(): Promise<Alert[]> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/alerts',
    headers: test.staff.coordinator.headers,
  });
  return response.json<{ alerts: Alert[] }>().alerts;
}

/** Alerts are raised after the commit: wait (briefly) for one to show. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('never happened');
}

describe('checkpoint_passage captures', () => {
  it('moves listed journeys to passed at their first checkpoint and starts the overdue clock', async () => {
    const [first, second] = await seedListedJourneys(db, 2);
    const vehicleId = crypto.randomUUID();
    const item = capture(
      'checkpoint_passage',
      aPassagePayload(
        corridor.bridge,
        [
          { journeyId: first!.id, outcome: 'passed' },
          { journeyId: second!.id, outcome: 'passed' },
        ],
        { vehicleId },
      ),
    );
    const [result] = await sync([item]);
    assert.equal(result?.status, 'applied');
    const moved = await store.journeys.get(first!.id);
    assert.equal(moved?.state, 'passed');
    assert.equal(moved.version, 3, 'listed → boarded → passed');
    assert.equal(moved.departedAt, hoursAfterD0(12));
    assert.equal(moved.firstCheckpointId, corridor.bridge);
    assert.equal(moved.vehicleId, vehicleId);
    const expected = Date.parse(hoursAfterD0(12)) + corridor.bridgeToCentreMinutes * 60_000;
    assert.equal(moved.expectedBy, new Date(expected).toISOString());
    const history = await store.journeys.history(first!.id);
    assert.deepEqual(
      history.map((event) => [event.from, event.to, event.sourceItemId]),
      [
        ['listed', 'boarded', item.id],
        ['boarded', 'passed', item.id],
      ],
    );
    const passage = await store.passages.get(item.id);
    assert.equal(passage?.signature, item.signature);
    assert.deepEqual(passage.journeyIds, [first!.id, second!.id]);
  });

  it('keeps the first checkpoint and its clock when the journey passes the next one', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const people = [{ journeyId: journey!.id, outcome: 'passed' }];
    await sync([capture('checkpoint_passage', aPassagePayload(corridor.exitPost, people))]);
    const after = await store.journeys.get(journey!.id);
    const later = capture(
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, people),
      hoursAfterD0(14),
    );
    assert.equal((await sync([later]))[0]?.status, 'applied');
    const again = await store.journeys.get(journey!.id);
    assert.equal(again?.state, 'passed');
    assert.equal(again.version, (after?.version ?? 0) + 1);
    assert.equal(again.firstCheckpointId, corridor.exitPost);
    assert.equal(again.expectedBy, after?.expectedBy);
    assert.equal(again.lastPlaceId, corridor.bridge);
    assert.equal(again.lastSeenAt, hoursAfterD0(14));
  });

  it('starts a journey with sex and age band only for a person who has none', async () => {
    const item = capture(
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [{ sex: 'female', ageBand: '65+', outcome: 'passed' }]),
    );
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const passage = await store.passages.get(item.id);
    const [journeyId] = passage?.journeyIds ?? [];
    const journey = await store.journeys.get(journeyId!);
    assert.equal(journey?.state, 'passed');
    assert.equal(journey.personRef, null);
    assert.equal(journey.sex, 'female');
    assert.equal(journey.ageBand, '65+');
    assert.equal(journey.firstCheckpointId, corridor.bridge);
    assert.ok(journey.expectedBy !== null && journey.expectedBy > hoursAfterD0(12));
  });

  it('applies a retried batch once and answers the retry with the same log indexes', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const items = [
      capture(
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, [{ journeyId: journey!.id, outcome: 'passed' }]),
      ),
      capture('checkpoint_passage', aPassagePayload(corridor.bridge, [{ outcome: 'passed' }])),
    ];
    const first = await sync(items);
    const retry = await sync(items);
    assert.deepEqual(
      retry.map((result) => [result.status, result.logIndex]),
      first.map((result) => ['duplicate', result.logIndex]),
    );
    assert.equal((await store.journeys.get(journey!.id))?.version, 3);
    assert.equal((await store.journeys.history(journey!.id)).length, 2);
    const seals = await db
      .selectFrom('sealed_record')
      .select('id')
      .where(
        'id',
        'in',
        items.map((item) => item.id),
      )
      .execute();
    assert.equal(seals.length, 2);
  });

  it('raises a held-person alert, listed for staff and pushed to subscribers', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const pushed: Alert[] = [];
    const unsubscribe = features.hub.subscribe((alert) => pushed.push(alert));
    try {
      const item = capture(
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, [{ journeyId: journey!.id, outcome: 'held_secondary' }], {
          outcome: 'secondary',
        }),
      );
      assert.equal((await sync([item]))[0]?.status, 'applied');
      const isOurs = (alert: Alert) =>
        alert.type === 'person_held' && alert.subjectId === journey!.id;
      const listed = await eventually(async () => (await alertsNow()).find(isOurs));
      assert.equal(listed.severity, 'warning');
      assert.equal(listed.details['checkpointId'], corridor.bridge);
      assert.ok(pushed.some(isOurs), 'pushed to the hub');
      assert.equal((await store.journeys.get(journey!.id))?.state, 'held_secondary');
    } finally {
      unsubscribe();
    }
  });

  it('raises a headcount mismatch when fewer are counted than declared', async () => {
    const vehicleId = crypto.randomUUID();
    const item = capture(
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [], { vehicleId, occupants: 47, declaredOccupants: 48 }),
    );
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const alert = await eventually(async () =>
      (await alertsNow()).find(
        (candidate) => candidate.type === 'headcount_mismatch' && candidate.subjectId === vehicleId,
      ),
    );
    assert.equal(alert.severity, 'critical');
    assert.equal(alert.details['difference'], -1);
  });
});

describe('a batch with bad items', () => {
  it('rejects an illegal journey event for that item only; the rest of the batch applies', async () => {
    const [arrived, listed] = await seedListedJourneys(db, 2);
    await sync([capture('journey_event', { journeyId: arrived!.id, to: 'arrived' })]);
    const illegal = capture('journey_event', { journeyId: arrived!.id, to: 'boarded' });
    const legal = capture('journey_event', {
      journeyId: listed!.id,
      to: 'boarded',
      placeId: corridor.exitPost,
    });
    const passage = capture('checkpoint_passage', aPassagePayload(corridor.bridge, []));
    const results = await sync([illegal, legal, passage]);
    assert.deepEqual(
      results.map((result) => [result.status, result.code]),
      [
        ['rejected', 'invalid_transition'],
        ['applied', undefined],
        ['applied', undefined],
      ],
    );
    assert.equal((await store.journeys.get(arrived!.id))?.state, 'arrived');
    const boarded = await store.journeys.get(listed!.id);
    assert.equal(boarded?.state, 'boarded');
    assert.ok(boarded.expectedBy !== null, 'boarding starts the clock');
    const rows = await db
      .selectFrom('sync_item')
      .select('id')
      .where('id', '=', illegal.id)
      .execute();
    assert.deepEqual(rows, []);
  });

  it('rejects bad payloads with invalid_request and writes nothing for them', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const person = [{ journeyId: journey!.id, outcome: 'passed' }];
    const bad = [
      capture('checkpoint_passage', { ...aPassagePayload(corridor.bridge, person), extra: 1 }),
      capture('checkpoint_passage', aPassagePayload(crypto.randomUUID(), person)),
      capture('checkpoint_passage', aPassagePayload(corridor.centre, person)),
      capture('checkpoint_passage', aPassagePayload(corridor.bridge, person, { occupants: 0 })),
      capture('checkpoint_passage', aPassagePayload(corridor.bridge, [...person, ...person])),
      capture(
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, person, { declaredOccupants: 3 }),
      ),
      capture(
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, person, { screeningEndAt: hoursAfterD0(9) }),
      ),
      capture('aggregate_count', {
        checkpointId: corridor.bridge,
        intervalStart: hoursAfterD0(1),
        intervalEnd: hoursAfterD0(2),
        direction: 'out',
        people: 10,
        vehicles: 3,
        method: 'tally',
        sourceGrade: 'G7',
      }),
      capture('journey_event', { journeyId: journey!.id, to: 'registered_at_arrival' }),
      capture('held_report', { placeId: 'not-a-uuid' }),
      capture('arrival_registration', { journeyId: journey!.id }),
    ];
    const results = await sync(bad);
    for (const result of results) {
      assert.deepEqual([result.status, result.code], ['rejected', 'invalid_request'], result.id);
    }
    const ids = bad.map((item) => item.id);
    for (const table of ['sealed_record', 'sync_item', 'checkpoint_passage'] as const) {
      const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
      assert.deepEqual(rows, [], table);
    }
    assert.equal((await store.journeys.get(journey!.id))?.state, 'listed');
  });
});

describe('the other captures', () => {
  it('stores an aggregate count with its method and grade', async () => {
    const item = capture('aggregate_count', {
      checkpointId: corridor.bridge,
      intervalStart: '2023-09-26T08:00:00Z',
      intervalEnd: '2023-09-26T09:00:00Z',
      direction: 'out',
      people: 1100,
      vehicles: 240,
      bySexAge: { female: { '18-45': 200, '65+': 80 }, male: { '18-45': 150 } },
      method: 'estimate',
      sourceGrade: 'B2',
    });
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const [count] = await store.counts.listForCheckpoint(corridor.bridge, {
      from: '2023-09-26T08:00:00.000Z',
      before: '2023-09-26T08:00:00.001Z',
    });
    assert.equal(count?.id, item.id);
    assert.equal(count.sourceGrade, 'B2');
    assert.deepEqual(count.bySexAge, {
      female: { '18-45': 200, '65+': 80 },
      male: { '18-45': 150 },
    });
  });

  it('opens a held case and raises a critical alert when a person is detained', async () => {
    const journey = aListedJourney({ state: 'held_secondary', departedAt: hoursAfterD0(11) });
    await store.journeys.insertMany([journey]);
    const item = capture('journey_event', {
      journeyId: journey.id,
      to: 'detained',
      placeId: corridor.bridge,
    });
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const [heldCase] = await store.heldCases.listForJourney(journey.id);
    assert.equal(heldCase?.state, 'reported');
    assert.equal(heldCase.personRef, journey.personRef);
    const alert = await eventually(async () =>
      (await alertsNow()).find(
        (candidate) =>
          candidate.subjectId === journey.id && candidate.details['state'] === 'detained',
      ),
    );
    assert.equal(alert.severity, 'critical');
    const again = capture('journey_event', { journeyId: journey.id, to: 'unknown' });
    assert.equal((await sync([again]))[0]?.status, 'applied');
    assert.equal((await store.heldCases.listForJourney(journey.id)).length, 1, 'one open case');
  });

  it('registers an arrival, stepping a journey still passed through arrived', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const people = [{ journeyId: journey!.id, outcome: 'passed' }];
    await sync([capture('checkpoint_passage', aPassagePayload(corridor.bridge, people))]);
    const item = capture(
      'arrival_registration',
      { journeyId: journey!.id, placeId: corridor.centre },
      hoursAfterD0(15),
    );
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const registered = await store.journeys.get(journey!.id);
    assert.equal(registered?.state, 'registered_at_arrival');
    assert.equal(registered.arrivedAt, hoursAfterD0(15));
    assert.equal((await store.arrivals.findForJourney(journey!.id))?.id, item.id);
    const twice = capture('arrival_registration', {
      journeyId: journey!.id,
      placeId: corridor.centre,
    });
    assert.equal((await sync([twice]))[0]?.code, 'invalid_transition');
  });

  it('opens a held case from a report, and refuses a second open case for the journey', async () => {
    const [journey] = await seedListedJourneys(db, 1);
    const report = capture('held_report', {
      journeyId: journey!.id,
      placeId: corridor.bridge,
      heldBy: 'border service',
    });
    const anonymous = capture('held_report', { placeId: corridor.bridge });
    const results = await sync([report, anonymous]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied', 'applied'],
    );
    const heldCase = await store.heldCases.get(report.id);
    assert.equal(heldCase?.heldBy, 'border service');
    assert.equal(heldCase.journeyId, journey!.id);
    assert.equal((await store.heldCases.get(anonymous.id))?.journeyId, null);
    const second = capture('held_report', { journeyId: journey!.id, placeId: corridor.bridge });
    assert.equal((await sync([second]))[0]?.code, 'conflict');
  });
});

describe('plates', () => {
  it('never stores or seals a plate in clear, only its keyed HMAC', async () => {
    const plate = 'QZ 7319 XW';
    const vehicleId = crypto.randomUUID();
    const item = capture(
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [{ outcome: 'passed' }], {
        vehicle: { id: vehicleId, kind: 'car', plate, seats: 5 },
      }),
    );
    assert.equal((await sync([item]))[0]?.status, 'applied');
    const vehicle = await store.vehicles.get(vehicleId);
    assert.equal(vehicle?.plateHmac, features.context.keyring.plateHmac(plate));
    // The plate as typed, normalised and lower-cased; the vehicle id is the positive control
    // that the search does read the stored rows and database files (WAL included).
    const forms = [plate, 'QZ7319XW', 'qz 7319 xw'];
    let tablesWithVehicle = 0;
    for (const table of await db.introspection.getTables()) {
      const rows = await db
        .selectFrom(table.name as 'vehicle')
        .selectAll()
        .execute();
      const text = JSON.stringify(rows);
      for (const form of forms) assert.ok(!text.includes(form), `${form} in ${table.name}`);
      if (text.includes(vehicleId)) tablesWithVehicle++;
    }
    assert.ok(tablesWithVehicle >= 2, 'vehicle and checkpoint_passage hold the vehicle id');
    let filesWithVehicle = 0;
    for (const file of readdirSync(test.dataDir).filter((name) => name.includes('.sqlite'))) {
      const bytes = readFileSync(join(test.dataDir, file)).toString('latin1');
      for (const form of forms) assert.ok(!bytes.includes(form), `${form} in ${file}`);
      if (bytes.includes(vehicleId)) filesWithVehicle++;
    }
    assert.ok(filesWithVehicle >= 1, 'the database files hold the vehicle id');
  });
});
