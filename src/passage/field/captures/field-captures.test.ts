// The field capture handlers behind the sync service, on both engines: a full batch of
// passages, captures of one batch that touch the same journey (applied in capture order, an
// illegal one refused alone) or the same new vehicle, and the per-item answers.
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

  it('applies captures of one journey in one batch in capture order, each from the last effect', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey, bystander] = await seedListedJourneys(db, 2);
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
    const other = signedCapture(
      device,
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [{ journeyId: bystander!.id, outcome: 'passed' }]),
    );
    const arrival = signedCapture(
      device,
      'arrival_registration',
      { journeyId: journey!.id, placeId: corridor.centre },
      { capturedAt: hoursAfterD0(16) },
    );
    const batch = [first, second, other, arrival];
    const results = await sync.applyBatch(batch, capture);
    assert.deepEqual(
      results.map((result) => [result.id, result.status]),
      batch.map((item) => [item.id, 'applied']),
    );
    const history = await store.journeys.history(journey!.id);
    assert.deepEqual(
      history.map((event) => [event.from, event.to, event.placeId, event.sourceItemId]),
      [
        ['listed', 'boarded', corridor.exitPost, first.id],
        ['boarded', 'passed', corridor.exitPost, first.id],
        ['passed', 'passed', corridor.bridge, second.id],
        ['passed', 'arrived', corridor.centre, arrival.id],
        ['arrived', 'registered_at_arrival', corridor.centre, arrival.id],
      ],
    );
    const after = await store.journeys.get(journey!.id);
    assert.deepEqual(
      [after?.state, after?.version, after?.firstCheckpointId, after?.arrivedAt],
      ['registered_at_arrival', 6, corridor.exitPost, hoursAfterD0(16)],
    );
    assert.equal((await store.journeys.get(bystander!.id))?.state, 'passed');
    // Resent (the answer was lost): every item answers duplicate with its log index, and nothing
    // is written again.
    const counts = async () =>
      Promise.all(
        (['sync_item', 'sealed_record', 'journey_event', 'checkpoint_passage'] as const).map(
          async (table) => (await db.selectFrom(table).selectAll().execute()).length,
        ),
      );
    const before = await counts();
    const again = await sync.applyBatch(batch, capture);
    assert.deepEqual(
      again.map((result) => [result.status, result.status === 'rejected' ? -1 : result.logIndex]),
      results.map((result) => ['duplicate', result.status === 'rejected' ? -1 : result.logIndex]),
    );
    assert.deepEqual(await counts(), before);
    assert.equal((await store.journeys.get(journey!.id))?.version, 6);
  });

  it('applies a batch of one journey once when it arrives twice at the same time', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const batch = [
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(corridor.bridge, [{ journeyId: journey!.id, outcome: 'passed' }]),
      ),
      signedCapture(
        device,
        'arrival_registration',
        { journeyId: journey!.id, placeId: corridor.centre },
        { capturedAt: hoursAfterD0(16) },
      ),
    ];
    const answers = await Promise.all([
      sync.applyBatch(batch, capture),
      sync.applyBatch(batch, capture),
    ]);
    for (const [index, item] of batch.entries()) {
      const statuses = answers.map((results) => results[index]?.status).sort();
      assert.deepEqual(statuses, ['applied', 'duplicate'], item.type);
    }
    const history = await store.journeys.history(journey!.id);
    assert.deepEqual(
      history.map((event) => event.to),
      ['boarded', 'passed', 'arrived', 'registered_at_arrival'],
    );
  });

  it('applies passages of one journey sent by two requests at once, the later from the earlier', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const passageAt = (placeId: string, hours: number) =>
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(placeId, [{ journeyId: journey!.id, outcome: 'passed' }]),
        { capturedAt: hoursAfterD0(hours) },
      );
    // Two devices back online at once: both prepare from the journey as listed, and the one
    // written second finds it moved. It is prepared again from the journey as it now is.
    const answers = await Promise.all([
      sync.applyBatch([passageAt(corridor.exitPost, 1)], capture),
      sync.applyBatch([passageAt(corridor.bridge, 2)], capture),
    ]);
    assert.deepEqual(
      answers.map(([result]) => result?.status),
      ['applied', 'applied'],
    );
    const history = await store.journeys.history(journey!.id);
    assert.deepEqual(
      history.map((event) => event.to),
      ['boarded', 'passed', 'passed'],
    );
    const passages = await db.selectFrom('checkpoint_passage').select('id').execute();
    assert.equal(passages.length, 2);
  });

  it('stores a passage synced after a later sighting of its people, moving no journey', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const passageAt = (placeId: string, hours: number, outcome: string) =>
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(placeId, [{ journeyId: journey!.id, outcome }]),
        { capturedAt: hoursAfterD0(hours) },
      );
    const [bridge] = await sync.applyBatch([passageAt(corridor.bridge, 2, 'passed')], capture);
    assert.equal(bridge?.status, 'applied');
    const before = await store.journeys.get(journey!.id);
    // Seen at the exit post an hour before the bridge, synced after it: passed → passed would
    // be legal, and turned_back would not; neither may move the journey back.
    const late = [
      passageAt(corridor.exitPost, 1, 'passed'),
      passageAt(corridor.exitPost, 1.5, 'turned_back'),
    ];
    const results = await sync.applyBatch(late, capture);
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied', 'applied'],
    );
    assert.deepEqual(await store.journeys.get(journey!.id), before);
    const passages = await db.selectFrom('checkpoint_passage').select('checkpoint_id').execute();
    assert.deepEqual(
      passages.map((row) => row.checkpoint_id).sort(),
      [corridor.bridge, corridor.exitPost, corridor.exitPost].sort(),
    );
    const seals = await db
      .selectFrom('sealed_record')
      .select('record')
      .where(
        'id',
        'in',
        late.map((item) => item.id),
      )
      .execute();
    for (const seal of seals) {
      const record = JSON.parse(seal.record) as { people: unknown[]; late?: string[] };
      assert.deepEqual([record.people, record.late], [[], [journey!.id]]);
    }
    assert.equal(seals.length, 2);
  });

  it('moves a journey as usual by a passage only minutes older than its last sighting', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const passageAt = (placeId: string, at: string) =>
      signedCapture(
        device,
        'checkpoint_passage',
        aPassagePayload(placeId, [{ journeyId: journey!.id, outcome: 'passed' }]),
        { capturedAt: at },
      );
    await sync.applyBatch([passageAt(corridor.exitPost, hoursAfterD0(2))], capture);
    // A checkpoint phone whose clock is ten minutes slow: the margin, not lateness.
    const skewed = new Date(Date.parse(hoursAfterD0(2)) - 10 * 60_000).toISOString();
    const [result] = await sync.applyBatch([passageAt(corridor.bridge, skewed)], capture);
    assert.equal(result?.status, 'applied');
    const moved = await store.journeys.get(journey!.id);
    assert.deepEqual([moved?.lastPlaceId, moved?.version], [corridor.bridge, 4]);
  });

  it('refuses only the capture that is illegal after an earlier one of its batch', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey, other] = await seedListedJourneys(db, 2);
    const turnedBack = signedCapture(
      device,
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [{ journeyId: journey!.id, outcome: 'turned_back' }], {
        outcome: 'turned_back',
      }),
    );
    const passedAfter = signedCapture(
      device,
      'checkpoint_passage',
      aPassagePayload(corridor.bridge, [{ journeyId: journey!.id, outcome: 'passed' }]),
      { capturedAt: hoursAfterD0(13) },
    );
    const arrivedAfter = signedCapture(
      device,
      'journey_event',
      { journeyId: journey!.id, to: 'arrived', placeId: corridor.centre },
      { capturedAt: hoursAfterD0(14) },
    );
    const independent = signedCapture(device, 'journey_event', {
      journeyId: other!.id,
      to: 'boarded',
      placeId: corridor.exitPost,
    });
    const results = await sync.applyBatch(
      [turnedBack, passedAfter, arrivedAfter, independent],
      capture,
    );
    assert.deepEqual(
      results.map((result) => (result.status === 'rejected' ? result.code : result.status)),
      ['applied', 'invalid_transition', 'invalid_transition', 'applied'],
    );
    const history = await store.journeys.history(journey!.id);
    assert.deepEqual(
      history.map((event) => [event.to, event.sourceItemId]),
      [
        ['boarded', turnedBack.id],
        ['turned_back', turnedBack.id],
      ],
    );
    assert.equal((await store.journeys.get(other!.id))?.state, 'boarded');
    const stored = await db
      .selectFrom('sync_item')
      .select('id')
      .where('id', 'in', [passedAfter.id, arrivedAfter.id])
      .execute();
    assert.deepEqual(stored, []);
  });

  it('refuses a second held report of one journey in the same batch as already open', async () => {
    const { corridor, store, db, sync, device, capture } = await setUp();
    const [journey] = await seedListedJourneys(db, 1);
    const report = () =>
      signedCapture(device, 'held_report', { journeyId: journey!.id, placeId: corridor.bridge });
    const results = await sync.applyBatch([report(), report()], capture);
    assert.deepEqual(
      results.map((result) => (result.status === 'rejected' ? result.code : result.status)),
      ['applied', 'conflict'],
    );
    assert.equal((await store.heldCases.listForJourney(journey!.id)).length, 1);
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
