import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { aPlace, rejectsWith } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { seedCorridor } from '../field.fixtures.ts';
import { DEFAULT_TRANSIT_MINUTES, PlaceDirectory } from './place-directory.ts';

describeOnBothDatabases('PlaceDirectory', (open) => {
  async function setUp() {
    const { db } = await open();
    let clock = 1_000_000;
    const places = new PlaceDirectory({ db, ttlMs: 30_000, clock: () => clock });
    const corridor = await seedCorridor(db);
    return { db, places, corridor, advance: (ms: number) => (clock += ms) };
  }

  it('knows the kinds of places and the transit to the nearest humanitarian centre', async () => {
    const { places, corridor } = await setUp();
    assert.equal(await places.kindOf(corridor.bridge), 'checkpoint');
    assert.equal(await places.transitMinutesFrom(corridor.bridge), 210);
    assert.equal(await places.transitMinutesFrom(corridor.exitPost), 270);
  });

  it('falls back to a reception point, then to the 72-hour default', async () => {
    const { db, places, corridor } = await setUp();
    const island = aPlace({ kind: 'checkpoint' });
    const lonely = aPlace({ kind: 'checkpoint' });
    const reception = aPlace({ kind: 'reception_point' });
    await passageStoreOn(db).places.insertMany([island, lonely, reception]);
    await passageStoreOn(db).places.saveRouteLegs([
      { fromPlaceId: island.id, toPlaceId: reception.id, p50Minutes: 5, p95Minutes: 15 },
    ]);
    places.invalidate();
    assert.equal(await places.transitMinutesFrom(island.id), 15);
    assert.equal(await places.transitMinutesFrom(lonely.id), DEFAULT_TRANSIT_MINUTES);
    // From the centre itself, the nearest other place of safety is the reception point.
    assert.equal(await places.transitMinutesFrom(corridor.centre), 90);
  });

  it('finds a place added after the snapshot once the snapshot is a second old', async () => {
    const { db, places, advance } = await setUp();
    await places.kindOf('warm-up');
    const added = aPlace({ kind: 'exit_post' });
    await passageStoreOn(db).places.insertMany([added]);
    assert.equal(await places.kindOf(added.id), undefined, 'no reload storm within a second');
    advance(1_500);
    assert.equal(await places.kindOf(added.id), 'exit_post');
  });

  it('reads the gazetteer again after the time-to-live', async () => {
    const { db, places, corridor, advance } = await setUp();
    assert.equal(await places.transitMinutesFrom(corridor.bridge), 210);
    await passageStoreOn(db).places.saveRouteLegs([
      {
        fromPlaceId: corridor.bridge,
        toPlaceId: corridor.reception,
        p50Minutes: 60,
        p95Minutes: 600,
      },
    ]);
    assert.equal(await places.transitMinutesFrom(corridor.bridge), 210, 'cached');
    advance(30_001);
    assert.equal(await places.transitMinutesFrom(corridor.bridge), 690);
  });

  it('refuses a place of the wrong kind or none with invalid_request', async () => {
    const { places, corridor } = await setUp();
    await rejectsWith(
      places.requirePlace(corridor.centre, 'checkpointId', ['checkpoint']),
      'invalid_request',
    );
    await rejectsWith(
      places.requirePlace('00000000-0000-4000-8000-000000000000', 'placeId'),
      'invalid_request',
    );
    assert.equal(await places.requirePlace(corridor.centre, 'placeId'), 'humanitarian_centre');
  });
});
