import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyJourneyRepository } from './journey.kysely.ts';
import type { JourneyTransition } from './journey.repository.ts';
import { aJourney, hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';

function passedAgain(id: string, overrides: Partial<JourneyTransition> = {}): JourneyTransition {
  return {
    id,
    from: 'passed',
    to: 'arrived',
    expectedVersion: 1,
    at: hoursAfterD0(20),
    actor: 'monitor-1',
    placeId: 'centre-1',
    sourceItemId: 'item-1',
    progress: {
      lastPlaceId: 'centre-1',
      lastSeenAt: hoursAfterD0(20),
      arrivedAt: hoursAfterD0(20),
    },
    ...overrides,
  };
}

describeOnBothDatabases('journey repository', (open) => {
  it('stores a journey and reads every column back', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const journey = aJourney();
    const unknown = aJourney({ personRef: null, householdId: null, sex: null, ageBand: null });
    await journeys.insertMany([journey, unknown]);
    assert.deepEqual(await journeys.get(journey.id), journey);
    assert.deepEqual(await journeys.get(unknown.id), unknown);
    assert.equal(await journeys.get(newId()), undefined);
  });

  it('bulk-inserts 10,000 journeys in 500-row statements', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const operationId = newId();
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      aJourney({ operationId: i % 4 === 0 ? operationId : newId() }),
    );
    await db.transaction().execute((trx) => new KyselyJourneyRepository(trx).insertMany(rows));
    const counted = await db
      .selectFrom('journey')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(counted.n), 10_000);
    assert.equal((await journeys.listForReconciliation({ all: true })).length, 10_000);
    assert.equal((await journeys.listForReconciliation({ operationId })).length, 2_500);
  });

  it('rolls back a bulk insert that fails part-way inside a transaction', async () => {
    const { db } = await open();
    const first = aJourney();
    const rows = [first, ...Array.from({ length: 700 }, () => aJourney()), first];
    await assert.rejects(
      db.transaction().execute((trx) => new KyselyJourneyRepository(trx).insertMany(rows)),
    );
    assert.equal(await new KyselyJourneyRepository(db).get(first.id), undefined);
  });

  it('reads many journeys by id across several 500-id statements', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const rows = Array.from({ length: 1_200 }, () => aJourney());
    await journeys.insertMany(rows);
    const wanted = [...rows.map((row) => row.id), newId()];
    const found = await journeys.getMany(wanted);
    assert.equal(found.length, 1_200);
    assert.deepEqual(new Set(found.map((row) => row.id)), new Set(rows.map((row) => row.id)));
  });

  it('applies a transition, bumps the version and records the history row', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const journey = aJourney();
    await journeys.insertMany([journey]);
    await journeys.transition(passedAgain(journey.id));
    const stored = await journeys.get(journey.id);
    assert.equal(stored?.state, 'arrived');
    assert.equal(stored.version, 2);
    assert.equal(stored.arrivedAt, hoursAfterD0(20));
    assert.equal(stored.lastPlaceId, 'centre-1');
    assert.equal(stored.departedAt, journey.departedAt, 'columns outside progress are kept');
    assert.deepEqual(await journeys.history(journey.id), [
      {
        version: 2,
        from: 'passed',
        to: 'arrived',
        at: hoursAfterD0(20),
        actor: 'monitor-1',
        placeId: 'centre-1',
        sourceItemId: 'item-1',
      },
    ]);
  });

  it('refuses a transition from a stale version and changes nothing', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const journey = aJourney();
    await journeys.insertMany([journey]);
    await journeys.transition(passedAgain(journey.id, { to: 'passed', progress: {} }));
    await rejectsWith(journeys.transition(passedAgain(journey.id)), 'conflict');
    const stored = await journeys.get(journey.id);
    assert.equal(stored?.state, 'passed');
    assert.equal(stored.version, 2);
    assert.equal(stored.arrivedAt, null);
    assert.equal((await journeys.history(journey.id)).length, 1);
  });

  it('refuses a transition whose from-state is not the stored state', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const journey = aJourney({ state: 'boarded' });
    await journeys.insertMany([journey]);
    await rejectsWith(journeys.transition(passedAgain(journey.id)), 'conflict');
    assert.equal((await journeys.get(journey.id))?.state, 'boarded');
  });

  it('answers not_found for a transition of a journey that does not exist', async () => {
    const { db } = await open();
    await rejectsWith(
      new KyselyJourneyRepository(db).transition(passedAgain(newId())),
      'not_found',
    );
  });

  it('applies many transitions with their history rows', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const vehicleId = newId();
    const rows = Array.from({ length: 5 }, () => aJourney({ vehicleId, state: 'boarded' }));
    await journeys.insertMany(rows);
    const checkpoint = newId();
    await journeys.transitionMany(
      rows.map((row) =>
        passedAgain(row.id, {
          from: 'boarded',
          to: 'passed',
          placeId: checkpoint,
          progress: { firstCheckpointId: checkpoint },
        }),
      ),
    );
    const inVehicle = await journeys.listForVehicle(vehicleId);
    assert.equal(inVehicle.length, 5);
    for (const journey of inVehicle) {
      assert.equal(journey.state, 'passed');
      assert.equal(journey.firstCheckpointId, checkpoint);
      assert.equal((await journeys.history(journey.id))[0]?.placeId, checkpoint);
    }
  });

  it('scopes reconciliation rows by operation, by UTC departure day, or not at all', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const operationId = newId();
    const lastMoment = aJourney({ operationId, departedAt: '2023-09-25T23:59:59.999Z' });
    const nextDay = aJourney({ operationId, departedAt: '2023-09-26T00:00:00.000Z' });
    const listed = aJourney({ operationId, state: 'listed', departedAt: null });
    const other = aJourney({ departedAt: '2023-09-25T00:00:00.000Z' });
    await journeys.insertMany([lastMoment, nextDay, listed, other]);
    const ids = async (scope: Parameters<typeof journeys.listForReconciliation>[0]) =>
      new Set((await journeys.listForReconciliation(scope)).map((row) => row.id));
    assert.deepEqual(await ids({ operationId }), new Set([lastMoment.id, nextDay.id, listed.id]));
    assert.deepEqual(await ids({ day: '2023-09-25' }), new Set([lastMoment.id, other.id]));
    assert.equal((await ids({ all: true })).size, 4);
    await rejectsWith(journeys.listForReconciliation({ day: '2023-9-25' }), 'invalid_request');
  });

  it('gives reconciliation the grouping keys and times as Dates, and no person data', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const journey = aJourney();
    const listed = aJourney({ state: 'listed', departedAt: null, expectedBy: null });
    await journeys.insertMany([journey, listed]);
    const rows = await journeys.listForReconciliation({ all: true });
    rows.sort((a, b) => (a.id === journey.id ? -1 : b.id === journey.id ? 1 : 0));
    assert.deepEqual(rows, [
      {
        id: journey.id,
        state: journey.state,
        vehicleId: journey.vehicleId,
        operationId: journey.operationId,
        firstCheckpointId: journey.firstCheckpointId,
        departedAt: new Date(journey.departedAt!),
        expectedBy: new Date(journey.expectedBy!),
      },
      {
        id: listed.id,
        state: 'listed',
        vehicleId: listed.vehicleId,
        operationId: listed.operationId,
        firstCheckpointId: listed.firstCheckpointId,
        departedAt: null,
        expectedBy: null,
      },
    ]);
  });

  it('counts journeys by sex, age band and state within a scope', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const operationId = newId();
    const man = { operationId, sex: 'male', ageBand: '18-45' };
    await journeys.insertMany([
      aJourney({ ...man, state: 'held_secondary' }),
      aJourney({ ...man, state: 'held_secondary' }),
      aJourney({ ...man, state: 'passed' }),
      aJourney({ operationId, sex: 'female', ageBand: '65+', state: 'passed' }),
      aJourney({ operationId, sex: null, ageBand: null, state: 'passed' }),
      aJourney({ ...man, operationId: newId(), state: 'held_secondary' }),
    ]);
    const counts = await journeys.countBySexAgeState({ operationId });
    const key = (row: { sex: string | null; ageBand: string | null; state: string }) =>
      `${row.sex ?? '-'}/${row.ageBand ?? '-'}/${row.state}`;
    assert.deepEqual(
      new Map(counts.map((row) => [key(row), row.journeys])),
      new Map([
        ['male/18-45/held_secondary', 2],
        ['male/18-45/passed', 1],
        ['female/65+/passed', 1],
        ['-/-/passed', 1],
      ]),
    );
  });

  it('lists en-route journeys past their expected arrival, most overdue first', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const now = hoursAfterD0(60);
    const late = aJourney({ expectedBy: hoursAfterD0(30) });
    const later = aJourney({ state: 'boarded', expectedBy: hoursAfterD0(40) });
    const released = aJourney({ state: 'released', expectedBy: hoursAfterD0(50) });
    const onTime = aJourney({ expectedBy: hoursAfterD0(61) });
    const arrived = aJourney({ state: 'arrived', expectedBy: hoursAfterD0(20) });
    const held = aJourney({ state: 'held_secondary', expectedBy: hoursAfterD0(20) });
    const noEstimate = aJourney({ expectedBy: null });
    await journeys.insertMany([onTime, arrived, released, held, later, noEstimate, late]);
    const overdue = await journeys.listOverdue(now, 10);
    assert.deepEqual(
      overdue.map((row) => row.id),
      [late.id, later.id, released.id],
    );
    assert.deepEqual(overdue[0], {
      id: late.id,
      state: 'passed',
      operationId: late.operationId,
      vehicleId: late.vehicleId,
      lastPlaceId: late.lastPlaceId,
      lastSeenAt: late.lastSeenAt,
      expectedBy: late.expectedBy,
    });
    assert.deepEqual(
      (await journeys.listOverdue(now, 2)).map((row) => row.id),
      [late.id, later.id],
    );
    // The next page starts after the last journey of the previous one.
    const cursor = { expectedBy: later.expectedBy ?? '', id: later.id };
    assert.deepEqual(
      (await journeys.listOverdue(now, 2, cursor)).map((row) => row.id),
      [released.id],
    );
  });

  it('pages overdue journeys with the same expected arrival by id', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const expectedBy = hoursAfterD0(1);
    const same = Array.from({ length: 5 }, () => aJourney({ state: 'passed', expectedBy }));
    await journeys.insertMany(same);
    const seen: string[] = [];
    let after: { expectedBy: string; id: string } | undefined;
    for (;;) {
      const page = await journeys.listOverdue(hoursAfterD0(2), 2, after);
      seen.push(...page.map((row) => row.id));
      const last = page.at(-1);
      if (last === undefined) break;
      after = { expectedBy: last.expectedBy, id: last.id };
    }
    assert.deepEqual(seen, same.map((journey) => journey.id).sort());
  });

  it("shows a household only its own journeys' state and last sighting", async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const householdId = newId();
    const first = aJourney({ householdId, departedAt: hoursAfterD0(1) });
    const second = aJourney({ householdId, state: 'arrived', arrivedAt: hoursAfterD0(9) });
    const notYet = aJourney({ householdId, state: 'listed', departedAt: null });
    await journeys.insertMany([notYet, second, first, aJourney()]);
    assert.deepEqual(await journeys.statusForHousehold(householdId), [
      {
        state: 'passed',
        lastPlaceId: first.lastPlaceId,
        lastSeenAt: first.lastSeenAt,
        arrivedAt: null,
      },
      {
        state: 'arrived',
        lastPlaceId: second.lastPlaceId,
        lastSeenAt: second.lastSeenAt,
        arrivedAt: hoursAfterD0(9),
      },
      {
        state: 'listed',
        lastPlaceId: notYet.lastPlaceId,
        lastSeenAt: notYet.lastSeenAt,
        arrivedAt: null,
      },
    ]);
    assert.deepEqual(await journeys.statusForHousehold(newId()), []);
  });

  it('puts listed journeys on a vehicle without a state change or history row', async () => {
    const { db } = await open();
    const journeys = new KyselyJourneyRepository(db);
    const listed = Array.from({ length: 3 }, () =>
      aJourney({ state: 'listed', vehicleId: null, operationId: null }),
    );
    await journeys.insertMany(listed);
    const vehicleId = newId();
    const operationId = newId();
    const journeyIds = listed.map((journey) => journey.id);
    await journeys.assignToVehicle({
      journeyIds: [...journeyIds, journeyIds[0]!],
      vehicleId,
      operationId,
    });
    for (const journey of listed) {
      assert.deepEqual(await journeys.get(journey.id), { ...journey, vehicleId, operationId });
      assert.deepEqual(await journeys.history(journey.id), []);
    }
    assert.deepEqual(
      (await journeys.listForVehicle(vehicleId)).map((journey) => journey.id),
      [...journeyIds].sort(),
    );
  });

  it('refuses to assign a journey that is not listed or already on a vehicle, changing none', async () => {
    const { db } = await open();
    const free = aJourney({ state: 'listed', vehicleId: null, operationId: null });
    const onBus = aJourney({ state: 'listed', operationId: null });
    const boarded = aJourney({ state: 'boarded', vehicleId: null, operationId: null });
    await new KyselyJourneyRepository(db).insertMany([free, onBus, boarded]);
    for (const other of [onBus, boarded]) {
      await rejectsWith(
        db.transaction().execute((trx) =>
          new KyselyJourneyRepository(trx).assignToVehicle({
            journeyIds: [free.id, other.id],
            vehicleId: newId(),
            operationId: newId(),
          }),
        ),
        'conflict',
      );
    }
    const journeys = new KyselyJourneyRepository(db);
    assert.deepEqual(await journeys.get(free.id), free);
    assert.deepEqual(await journeys.get(onBus.id), onBus);
    assert.deepEqual(await journeys.get(boarded.id), boarded);
  });
});
