// Convoy manifests through the API: a coordinator puts a vehicle and listed journeys on a convoy
// before it leaves; staff read the manifest without identity or plate. A convoy already moving,
// an unknown or no-longer-listed journey, a journey already on a bus and a bad body are refused
// with their catalogued codes and write nothing (no vehicle, no journey change, no seal).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { errorCode, send } from '../../src/passage/registry/registry-http.fixture.ts';
import { ARMEN_HY, DAVIT_HY, LUSINE_HY } from '../../src/passage/registry/registry.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const { db } = vigil.database;
const coordinator = test.staff.coordinator.headers;
const PLATE = '35 OU 123';

interface Manifest {
  vehicleId: string;
  kind: string;
  seats: number | null;
  journeys: { journeyId: string; state: string }[];
}

/** Registers a leaving household and answers its members' listed journey ids. */
async function listedJourneys(): Promise<string[]> {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/households',
    headers: test.staff.hotline.headers,
    payload: {
      intention: 'leave',
      members: [{ identity: ARMEN_HY }, { identity: LUSINE_HY }, { identity: DAVIT_HY }],
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  const { householdId } = response.json<{ householdId: string }>();
  const rows = await db
    .selectFrom('journey')
    .select(['id', 'state'])
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    rows.map((row) => row.state),
    ['listed', 'listed', 'listed'],
  );
  return rows.map((row) => row.id);
}

async function createOperation(kind = 'convoy'): Promise<{ id: string; version: number }> {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/operations',
    headers: coordinator,
    payload: { kind, name: 'Convoy 4' },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string; version: number }>();
}

function postManifest(operationId: string, payload: unknown) {
  return send(vigil, {
    method: 'POST',
    url: `/api/v1/operations/${operationId}/manifests`,
    headers: coordinator,
    payload,
  });
}

function aBus(journeyIds: string[], vehicle: Record<string, unknown> = {}) {
  return { vehicle: { id: randomUUID(), kind: 'bus', seats: 50, ...vehicle }, journeyIds };
}

async function countOf(table: 'sealed_record' | 'vehicle'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sends `payload` and checks the refusal's status and code and that nothing was written. */
async function refused(operationId: string, payload: unknown, status: number, code: string) {
  const watched = Array.isArray((payload as { journeyIds?: unknown }).journeyIds)
    ? (payload as { journeyIds: string[] }).journeyIds
    : [];
  const journeysBefore = await passageStoreOn(db).journeys.getMany(watched);
  const before = [await countOf('sealed_record'), await countOf('vehicle')];
  const response = await postManifest(operationId, payload);
  assert.equal(response.statusCode, status, response.body);
  assert.equal(errorCode(response), code);
  assert.deepEqual([await countOf('sealed_record'), await countOf('vehicle')], before);
  assert.deepEqual(await passageStoreOn(db).journeys.getMany(watched), journeysBefore);
  return response;
}

async function readManifests(operationId: string): Promise<Manifest[]> {
  const response = await send(vigil, {
    method: 'GET',
    url: `/api/v1/operations/${operationId}/manifests`,
    headers: test.staff.analyst.headers,
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.ok(!response.body.includes(PLATE), 'the plate is never answered');
  return response.json<Manifest[]>();
}

describe('manifest routes', () => {
  it('puts listed journeys on a bus of a convoy, seals ids only and keeps the plate as an HMAC', async () => {
    const operation = await createOperation();
    const journeyIds = await listedJourneys();
    const payload = aBus(journeyIds, { plate: PLATE });
    const sealsBefore = await countOf('sealed_record');
    const response = await postManifest(operation.id, payload);
    assert.equal(response.statusCode, 201, response.body);
    const vehicleId = payload.vehicle.id;
    assert.deepEqual(response.json(), { vehicleId, operationId: operation.id, journeys: 3 });

    const store = passageStoreOn(db);
    assert.deepEqual(await store.vehicles.get(vehicleId), {
      id: vehicleId,
      kind: 'bus',
      plateHmac: vigil.features.context.keyring.plateHmac(PLATE),
      seats: 50,
      operationId: operation.id,
    });
    for (const journey of await store.journeys.getMany(journeyIds)) {
      assert.equal(journey.vehicleId, vehicleId);
      assert.equal(journey.operationId, operation.id);
      assert.equal(journey.state, 'listed', 'boarding is a later transition');
    }
    assert.equal(await countOf('sealed_record'), sealsBefore + 1);
    const sealed = await db
      .selectFrom('sealed_record')
      .select(['version', 'record'])
      .where('kind', '=', 'passage.manifest')
      .where('id', '=', vehicleId)
      .executeTakeFirstOrThrow();
    assert.equal(sealed.version, 1);
    assert.deepEqual(JSON.parse(sealed.record), {
      operationId: operation.id,
      vehicleId,
      kind: 'bus',
      seats: 50,
      journeyIds,
    });
    const vehicleRows = await db.selectFrom('vehicle').selectAll().execute();
    assert.ok(!JSON.stringify(vehicleRows).includes(PLATE), 'no plate in clear in any vehicle row');
    const everySeal = await db.selectFrom('sealed_record').select('record').execute();
    assert.ok(
      everySeal.every((row) => !row.record.includes(PLATE)),
      'no plate in the seals',
    );

    assert.deepEqual(await readManifests(operation.id), [
      {
        vehicleId,
        kind: 'bus',
        seats: 50,
        journeys: journeyIds.map((journeyId) => ({ journeyId, state: 'listed' })),
      },
    ]);
  });

  it('refuses a convoy already in transit, an open window and an unknown operation', async () => {
    const moving = await createOperation();
    let version = moving.version;
    for (const to of ['agreed', 'scheduled', 'boarding', 'in_transit']) {
      const moved = await send(vigil, {
        method: 'POST',
        url: `/api/v1/operations/${moving.id}/transitions`,
        headers: coordinator,
        payload: { to, version },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      version = moved.json<{ version: number }>().version;
    }
    const journeyIds = await listedJourneys();
    await refused(moving.id, aBus(journeyIds), 409, 'invalid_transition');
    const window = await createOperation('open_window');
    await refused(window.id, aBus(journeyIds), 409, 'invalid_transition');
    await refused(randomUUID(), aBus(journeyIds), 404, 'not_found');
  });

  it('refuses unknown and no-longer-listed journeys, naming their ids only', async () => {
    const operation = await createOperation();
    const [first, second, third] = await listedJourneys();
    await passageStoreOn(db).journeys.transition({
      id: third!,
      from: 'listed',
      to: 'no_show',
      expectedVersion: 1,
      at: new Date().toISOString(),
      actor: 'test',
      placeId: null,
      sourceItemId: null,
    });
    const unknown = randomUUID();
    const response = await refused(
      operation.id,
      aBus([first!, second!, third!, unknown], { plate: PLATE }),
      422,
      'invalid_request',
    );
    assert.deepEqual(response.json<{ error: { details: unknown } }>().error.details, [
      { path: 'journeyIds', code: 'unknown_reference', ids: [unknown] },
      { path: 'journeyIds', code: 'not_listed', ids: [third] },
    ]);
    assert.ok(!response.body.includes(PLATE));
    assert.deepEqual(await readManifests(operation.id), []);
  });

  it('refuses a journey already on another vehicle, and a vehicle id already taken', async () => {
    const operation = await createOperation();
    const [first, second, third] = await listedJourneys();
    const bus = aBus([first!]);
    assert.equal((await postManifest(operation.id, bus)).statusCode, 201);
    await refused(operation.id, aBus([second!, first!]), 409, 'conflict');
    await refused(operation.id, { ...bus, journeyIds: [third!] }, 409, 'already_exists');
    const [manifest] = await readManifests(operation.id);
    assert.deepEqual(manifest?.journeys, [{ journeyId: first, state: 'listed' }]);
  });

  it('refuses a malformed body with 422 and writes nothing', async () => {
    const operation = await createOperation();
    const [journeyId] = await listedJourneys();
    const vehicle = { id: randomUUID(), kind: 'bus' };
    const tooMany = Array.from({ length: 201 }, () => randomUUID());
    for (const payload of [
      { vehicle, journeyIds: [] },
      { vehicle, journeyIds: tooMany },
      { vehicle, journeyIds: ['not-a-uuid'] },
      { vehicle: { ...vehicle, kind: 'tank' }, journeyIds: [journeyId] },
      { vehicle: { ...vehicle, id: 'bus-1' }, journeyIds: [journeyId] },
      { vehicle: { ...vehicle, seats: 0 }, journeyIds: [journeyId] },
      { vehicle: { ...vehicle, driver: 'Armen' }, journeyIds: [journeyId] },
      { vehicle, journeyIds: [journeyId], extra: true },
      { journeyIds: [journeyId] },
    ]) {
      await refused(operation.id, payload, 422, 'invalid_request');
    }
  });

  it("answers a monitor's registered device the same manifest, for the checkpoint offline", async () => {
    const operation = await createOperation();
    const journeyIds = await listedJourneys();
    const payload = aBus(journeyIds, { plate: PLATE });
    assert.equal((await postManifest(operation.id, payload)).statusCode, 201);
    const read = await send(vigil, {
      method: 'GET',
      url: `/api/v1/operations/${operation.id}/manifests`,
      headers: { authorization: `Bearer ${test.device.token}` },
    });
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(!read.body.includes(PLATE), 'the plate is never answered');
    assert.deepEqual(read.json(), await readManifests(operation.id));
    const write = await send(vigil, {
      method: 'POST',
      url: `/api/v1/operations/${operation.id}/manifests`,
      headers: { authorization: `Bearer ${test.device.token}` },
      payload: aBus([randomUUID()]),
    });
    assert.equal(write.statusCode, 403, write.body);
  });

  it('lets a monitor read a manifest but not draw one up', async () => {
    const operation = await createOperation();
    const read = await send(vigil, {
      method: 'GET',
      url: `/api/v1/operations/${operation.id}/manifests`,
      headers: test.staff.monitor.headers,
    });
    assert.equal(read.statusCode, 200, read.body);
    const write = await send(vigil, {
      method: 'POST',
      url: `/api/v1/operations/${operation.id}/manifests`,
      headers: test.staff.monitor.headers,
      payload: aBus([randomUUID()]),
    });
    assert.equal(write.statusCode, 403, write.body);
  });
});
