// Plates past retention, end to end on both engines: two cars cross through the sync service
// (each first seen there, so each crossing's sealed record holds its plate HMAC); one carries a
// person turned back (accounted for), the other a person still en route.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { hoursAfterD0 } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import {
  aPassagePayload,
  fieldSync,
  fieldTestContext,
  seedCorridor,
  signedCapture,
} from '../../field/field.fixtures.ts';
import { destroyExpiredPlates, PLATES_DESTROYED } from './plate-retention.ts';

const DAY_MS = 86_400_000;
const daysAfterCrossing = (days: number) => new Date(Date.parse(hoursAfterD0(12)) + days * DAY_MS);

describeOnBothDatabases('plate retention', (open) => {
  async function twoCrossings() {
    const { db } = await open();
    const context = fieldTestContext(db);
    const corridor = await seedCorridor(db);
    const { sync, device, capture } = fieldSync(context);
    const car = (plate: string, outcome: string) => {
      const vehicle = { id: randomUUID(), kind: 'car', plate };
      const item = signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, [{ sex: 'female', ageBand: '18-45', outcome }], {
          vehicle,
        }),
      );
      return { vehicle, item, hmac: context.keyring.plateHmac(plate) };
    };
    const accounted = car('AB 123 CD', 'turned_back');
    const enRoute = car('XY 987 ZW', 'passed');
    const results = await sync.applyBatch([accounted.item, enRoute.item], capture);
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied', 'applied'],
    );
    return { db, context, accounted, enRoute };
  }

  async function sealOf(db: Awaited<ReturnType<typeof twoCrossings>>['db'], id: string) {
    return db
      .selectFrom('sealed_record')
      .select(['record', 'salt', 'commitment'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('erases the plate of a reconciled vehicle past the period, in its row and its seal', async () => {
    const { db, context, accounted, enRoute } = await twoCrossings();
    const store = passageStoreOn(db);
    const before = await sealOf(db, accounted.item.id);
    assert.ok(before.record.includes(accounted.hmac), 'the crossing sealed the plate HMAC');

    assert.equal(await destroyExpiredPlates(context, daysAfterCrossing(89)), 0, 'not yet');
    assert.equal(await destroyExpiredPlates(context, daysAfterCrossing(91)), 1);

    assert.equal((await store.vehicles.get(accounted.vehicle.id))?.plateHmac, null);
    const after = await sealOf(db, accounted.item.id);
    assert.equal(
      (JSON.parse(after.record) as { vehicle: { plateHmac: unknown } }).vehicle.plateHmac,
      null,
    );
    assert.equal(after.salt, null, 'a redacted record is no longer offered as proof');
    assert.equal(after.commitment, before.commitment, 'its log commitment stays');
    const everything = JSON.stringify(
      await db.selectFrom('sealed_record').select('record').execute(),
    );
    assert.ok(!everything.includes(accounted.hmac), 'the HMAC is nowhere in the seals');
    assert.equal((await store.vehicles.findByPlateHmac(accounted.hmac)).length, 0);

    // The car with someone still en route keeps its plate, row and seal alike.
    assert.equal((await store.vehicles.get(enRoute.vehicle.id))?.plateHmac, enRoute.hmac);
    const kept = await sealOf(db, enRoute.item.id);
    assert.ok(kept.record.includes(enRoute.hmac));
    assert.notEqual(kept.salt, null);

    // The destruction is itself sealed, naming the vehicle, and is not repeated.
    const destructions = await db
      .selectFrom('sealed_record')
      .select('record')
      .where('kind', '=', PLATES_DESTROYED)
      .execute();
    assert.equal(destructions.length, 1);
    assert.deepEqual(
      (JSON.parse(destructions[0]?.record ?? '{}') as { vehicleIds: string[] }).vehicleIds,
      [accounted.vehicle.id],
    );
    assert.equal(await destroyExpiredPlates(context, daysAfterCrossing(200)), 0);
  });

  it('erases the plate of a car once its last traveller is accounted for', async () => {
    const { db, context, enRoute } = await twoCrossings();
    const store = passageStoreOn(db);
    assert.equal(await destroyExpiredPlates(context, daysAfterCrossing(365)), 1);
    assert.equal((await store.vehicles.get(enRoute.vehicle.id))?.plateHmac, enRoute.hmac);
    const [journey] = await store.journeys.listForVehicle(enRoute.vehicle.id);
    assert.ok(journey !== undefined);
    await db
      .updateTable('journey')
      .set({ state: 'arrived', last_seen_at: hoursAfterD0(20) })
      .where('id', '=', journey.id)
      .execute();
    assert.equal(await destroyExpiredPlates(context, daysAfterCrossing(365)), 1);
    assert.equal((await store.vehicles.get(enRoute.vehicle.id))?.plateHmac, null);
  });
});
