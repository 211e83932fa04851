import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { anOperation, hoursAfterD0, newId, rejectsWith } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { ReconciliationLine } from './reconciliation.service.ts';
import { ReconciliationService } from './reconciliation.service.ts';
import { seedJourneys } from '../oversight.fixtures.ts';

const AS_OF = new Date(hoursAfterD0(48));

function assertEquation(line: ReconciliationLine): void {
  assert.equal(
    line.departed,
    line.arrived + line.held + line.turnedBack + line.died + line.enRoute + line.unaccounted,
    `equation of ${String(line.key)}`,
  );
}

describeOnBothDatabases('reconciliation service', (open) => {
  async function seeded() {
    const { db } = await open();
    const operation = anOperation();
    await passageStoreOn(db).operations.insert(operation);
    const bus = newId();
    const car = newId();
    const base = { operationId: operation.id, departedAt: hoursAfterD0(10) };
    const onBus = { ...base, vehicleId: bus };
    await seedJourneys(db, 30, { ...onBus, state: 'registered_at_arrival' });
    await seedJourneys(db, 2, { ...onBus, state: 'medevac' });
    await seedJourneys(db, 3, { ...onBus, state: 'detained' });
    await seedJourneys(db, 1, { ...onBus, state: 'turned_back' });
    await seedJourneys(db, 1, { ...onBus, state: 'died_en_route' });
    await seedJourneys(db, 4, { ...onBus, state: 'listed' });
    // Two people on the road: one within the expected time, one past it (unaccounted).
    await seedJourneys(db, 1, { ...base, vehicleId: car, expectedBy: hoursAfterD0(50) });
    const [late] = await seedJourneys(db, 1, {
      ...base,
      vehicleId: car,
      expectedBy: hoursAfterD0(40),
    });
    // Another operation's journey stays out of this operation's reconciliation.
    await seedJourneys(db, 5, { state: 'arrived', departedAt: hoursAfterD0(10) });
    const service = new ReconciliationService({ db, now: () => AS_OF });
    return { service, operation, bus, car, late: late!.id };
  }

  it('balances departed against arrived, held, turned back, died, en route and unaccounted', async () => {
    const { service, operation, bus, car, late } = await seeded();
    const report = await service.reconcile({
      by: 'vehicle',
      operationId: operation.id,
      offset: 0,
      limit: 10,
      idsLimit: 100,
    });
    assert.equal(report.groupCount, 2);
    const byKey = new Map(report.groups.map((group) => [group.key, group]));
    assert.deepEqual(byKey.get(bus), {
      key: bus,
      departed: 37,
      arrived: 32,
      medevac: 2,
      held: 3,
      turnedBack: 1,
      died: 1,
      enRoute: 0,
      unaccounted: 0,
      unaccountedIds: [],
      unaccountedIdsTruncated: false,
    });
    assert.deepEqual(
      { ...byKey.get(car), key: 'car' },
      {
        key: 'car',
        departed: 2,
        arrived: 0,
        medevac: 0,
        held: 0,
        turnedBack: 0,
        died: 0,
        enRoute: 1,
        unaccounted: 1,
        unaccountedIds: [late],
        unaccountedIdsTruncated: false,
      },
    );
    assert.equal(report.total.key, 'all');
    assert.equal(report.total.departed, 39);
    assert.deepEqual(report.total.unaccountedIds, [late]);
    for (const line of [...report.groups, report.total]) assertEquation(line);
    assert.equal(report.asOf, AS_OF.toISOString());
  });

  it('pages the groups and caps the listed ids while keeping the full count', async () => {
    const { db } = await open();
    const vehicles = [newId(), newId(), newId()];
    for (const vehicleId of vehicles) {
      await seedJourneys(db, 3, { vehicleId, state: 'passed', expectedBy: hoursAfterD0(20) });
    }
    const service = new ReconciliationService({ db, now: () => AS_OF });
    const page = await service.reconcile({ by: 'vehicle', offset: 1, limit: 1, idsLimit: 2 });
    assert.equal(page.groupCount, 3);
    assert.equal(page.groups.length, 1);
    const [group] = page.groups;
    assert.ok(group);
    assert.equal(group.key, [...vehicles].sort()[1]);
    assert.equal(group.unaccounted, 3);
    assert.equal(group.unaccountedIds.length, 2);
    assert.equal(group.unaccountedIdsTruncated, true);
    assert.equal(page.total.unaccounted, 9);
    assert.equal(page.total.unaccountedIds.length, 2);
    assert.equal(page.total.unaccountedIdsTruncated, true);
  });

  it('reconciles one departure day by checkpoint', async () => {
    const { db } = await open();
    const checkpoint = newId();
    await seedJourneys(db, 4, { firstCheckpointId: checkpoint, state: 'arrived' });
    await seedJourneys(db, 6, {
      firstCheckpointId: checkpoint,
      state: 'arrived',
      departedAt: hoursAfterD0(30),
    });
    const service = new ReconciliationService({ db, now: () => AS_OF });
    const report = await service.reconcile({
      by: 'checkpoint',
      day: '2023-09-24',
      offset: 0,
      limit: 10,
      idsLimit: 10,
    });
    assert.deepEqual(
      report.groups.map((group) => [group.key, group.departed, group.arrived]),
      [[checkpoint, 4, 4]],
    );
  });

  it('refuses an unknown operation and a scope of both an operation and a day', async () => {
    const { db } = await open();
    const service = new ReconciliationService({ db, now: () => AS_OF });
    const query = { by: 'all' as const, offset: 0, limit: 10, idsLimit: 10 };
    await rejectsWith(service.reconcile({ ...query, operationId: newId() }), 'not_found');
    await rejectsWith(
      service.reconcile({ ...query, operationId: newId(), day: '2023-09-24' }),
      'invalid_request',
    );
  });
});
