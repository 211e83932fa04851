import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { newId } from './passage.fixtures.ts';
import { KyselyVehicleRepository } from './vehicle.kysely.ts';
import type { Vehicle } from './vehicle.repository.ts';

function aCar(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id: newId(),
    kind: 'car',
    plateHmac: newId(),
    seats: 5,
    operationId: null,
    ...overrides,
  };
}

describeOnBothDatabases('vehicle repository', (open) => {
  it('stores vehicles in bulk and reads every column back', async () => {
    const { db } = await open();
    const vehicles = new KyselyVehicleRepository(db);
    const cars = Array.from({ length: 1_100 }, () => aCar());
    const bus = aCar({ kind: 'bus', plateHmac: null, seats: 48, operationId: newId() });
    await vehicles.insertMany([...cars, bus]);
    assert.deepEqual(await vehicles.get(bus.id), bus);
    assert.deepEqual(await vehicles.get(cars[1_050]!.id), cars[1_050]);
    const counted = await db
      .selectFrom('vehicle')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(counted.n), 1_101);
  });

  it('finds every trip of one plate by its HMAC', async () => {
    const { db } = await open();
    const vehicles = new KyselyVehicleRepository(db);
    const first = aCar({ plateHmac: 'plate-hmac-1', id: 'a-trip' });
    const second = aCar({ plateHmac: 'plate-hmac-1', id: 'b-trip' });
    await vehicles.insertMany([second, aCar(), first]);
    assert.deepEqual(await vehicles.findByPlateHmac('plate-hmac-1'), [first, second]);
    assert.deepEqual(await vehicles.findByPlateHmac('plate-hmac-2'), []);
  });

  it("lists an operation's vehicles", async () => {
    const { db } = await open();
    const vehicles = new KyselyVehicleRepository(db);
    const operationId = newId();
    const buses = [aCar({ id: 'bus-1', operationId }), aCar({ id: 'bus-2', operationId })];
    await vehicles.insertMany([...buses, aCar()]);
    assert.deepEqual(await vehicles.listForOperation(operationId), buses);
  });
});
