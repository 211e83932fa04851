// The field capture handlers behind the sync service, on both engines: a full batch of
// passages, captures of one batch that touch the same journey or the same new vehicle, and
// the per-item answers when one of them conflicts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { PreparedCapture } from '../../../sync/capture-handler.ts';
import { hoursAfterD0 } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import {
  aPassagePayload,
  fieldSync,
  fieldTestContext,
  seedCorridor,
  seedListedJourneys,
  signedCapture,
} from '../field.fixtures.ts';
import { PlaceDirectory } from '../places/place-directory.ts';
import { CheckpointPassageHandler } from './checkpoint-passage.handler.ts';

describeOnBothDatabases('field captures', (open) => {
  async function setUp() {
    const { db } = await open();
    const context = fieldTestContext(db);
    const corridor = await seedCorridor(db);
    return { db, context, corridor, store: passageStoreOn(db), ...fieldSync(context) };
  }

  it('applies a batch of 100 passages of four listed people each in one go', async () => {
    const { db, corridor, store, sync, device, capture } = await setUp();
    const journeys = await seedListedJourneys(db, 400);
    const items = Array.from({ length: 100 }, (_, index) =>
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(
          corridor.bridge,
          journeys
            .slice(index * 4, index * 4 + 4)
            .map((journey) => ({ journeyId: journey.id, outcome: 'passed' })),
          { vehicleId: randomUUID() },
        ),
      ),
    );
    const results = await sync.applyBatch(items, capture);
    assert.ok(results.every((result) => result.status === 'applied'));
    const moved = await store.journeys.getMany(journeys.map((journey) => journey.id));
    assert.ok(moved.every((journey) => journey.state === 'passed' && journey.version === 3));
    const passages = await db.selectFrom('checkpoint_passage').select('id').execute();
    assert.equal(passages.length, 100);
    const events = await db.selectFrom('journey_event').select('journey_id').execute();
    assert.equal(events.length, 800);
  });

  it('answers a second capture of the same journey in one batch with conflict; resent, it applies', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const people = [{ journeyId: journey!.id, outcome: 'passed' }];
    const first = signedCapture(
      device,
      'checkpoint_passage',
      aPassagePayload(corridor.exitPost, people),
    );
    const second = signedCapture(
      device,
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, people),
      { capturedAt: hoursAfterD0(13) },
    );
    const other = signedCapture(device, 'checkpoint_passage', aPassagePayload(corridor.bridge, []));
    const results = await sync.applyBatch([first, second, other], capture);
    assert.deepEqual(
      results.map((result) => (result.status === 'rejected' ? result.code : result.status)),
      ['applied', 'conflict', 'applied'],
    );
    assert.equal((await store.journeys.get(journey!.id))?.version, 3);
    const [again] = await sync.applyBatch([second], capture);
    assert.equal(again?.status, 'applied');
    const after = await store.journeys.get(journey!.id);
    assert.deepEqual([after?.version, after?.lastPlaceId], [4, corridor.bridge]);
  });

  it('stores a vehicle first seen by two captures of one batch once', async () => {
    const { corridor, store, sync, device, capture } = await setUp();
    const vehicle = { id: randomUUID(), kind: 'bus', plate: '12 AB 345', seats: 45 };
    const items = [0, 1].map(() =>
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, [], { vehicle }),
      ),
    );
    const results = await sync.applyBatch(items, capture);
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied', 'applied'],
    );
    const stored = await store.vehicles.get(vehicle.id);
    assert.deepEqual([stored?.kind, stored?.seats], ['bus', 45]);
    assert.notEqual(stored?.plateHmac, null);
  });

  it('logs no error for rejected items: they are expected, typed failures', async () => {
    const { context, corridor, sync, device, capture } = await setUp();
    const bad = signedCapture(device, 'checkpoint_passage', { checkpointId: corridor.bridge });
    const [result] = await sync.applyBatch([bad], capture);
    assert.equal(result?.status === 'rejected' ? result.code : result?.status, 'invalid_request');
    assert.deepEqual(context.logged, []);
  });

  it('writes many prepared passages in one call, in their order, and refuses a stranger', async () => {
    const { db, context, corridor, store, device, capture } = await setUp();
    const handler = new CheckpointPassageHandler(context, new PlaceDirectory({ db }));
    const [journey] = await seedListedJourneys(db, 1);
    const vehicle = { id: randomUUID(), kind: 'car', plate: '77 XY 001' };
    const payloads = [
      aPassagePayload(corridor.exitPost, [{ journeyId: journey!.id, outcome: 'passed' }], {
        vehicle,
      }),
      aPassagePayload(corridor.bridge, [{ outcome: 'turned_back' }], { vehicle }),
    ];
    const items = payloads.map((payload) => signedCapture(device, 'checkpoint_passage', payload));
    const prepared = await Promise.all(items.map((item) => handler.prepare(item, capture)));
    await db.transaction().execute(async (trx) => {
      await handler.writeMany(trx, prepared);
      await insertSeals(
        trx,
        prepared.flatMap((entry) => entry.seals),
      );
    });
    assert.equal((await store.journeys.get(journey!.id))?.state, 'passed');
    const turned = await store.passages.get(items[1]!.id);
    assert.equal(turned?.vehicleId, vehicle.id);
    assert.equal((await store.journeys.get(turned.journeyIds[0]!))?.state, 'turned_back');
    assert.equal(
      (await store.vehicles.findByPlateHmac(context.keyring.plateHmac('77XY001'))).length,
      1,
    );
    const stranger: PreparedCapture = { seals: [], write: () => Promise.resolve() };
    await assert.rejects(handler.writeMany(db, [stranger]), TypeError);
  });
});
