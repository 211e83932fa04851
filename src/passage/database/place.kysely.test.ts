import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { aPlace, hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';
import { KyselyPlaceRepository } from './place.kysely.ts';

describeOnBothDatabases('place repository', (open) => {
  it('stores places with four-language names and full-precision coordinates', async () => {
    const { db } = await open();
    const places = new KyselyPlaceRepository(db);
    const checkpoint = aPlace();
    const village = aPlace({ kind: 'settlement', names: { en: 'Village' }, adminCode: null });
    await places.insertMany([checkpoint, village]);
    assert.deepEqual(await places.get(checkpoint.id), checkpoint);
    assert.deepEqual(await places.get(village.id), village);
    assert.deepEqual(
      (await places.list('settlement')).map((place) => place.id),
      [village.id],
    );
    assert.equal((await places.list()).length, 2);
  });

  it('updates a place at the version read, and refuses a stale one', async () => {
    const { db } = await open();
    const places = new KyselyPlaceRepository(db);
    const place = aPlace();
    await places.insertMany([place]);
    const moved = { ...place, lat: 39.6, names: { ...place.names, en: 'Old bridge' } };
    await places.update(moved, 1);
    await rejectsWith(places.update({ ...place, lat: 0 }, 1), 'conflict');
    await rejectsWith(places.update(aPlace(), 1), 'not_found');
    assert.deepEqual(await places.get(place.id), { ...moved, version: 2 });
  });

  it('records changes of control and answers who controlled a place when', async () => {
    const { db } = await open();
    const places = new KyselyPlaceRepository(db);
    const place = aPlace({ kind: 'settlement' });
    await places.insertMany([place]);
    await places.changeControl({
      placeId: place.id,
      controlledBy: 'party A',
      since: hoursAfterD0(-1000),
    });
    await places.changeControl({
      placeId: place.id,
      controlledBy: 'party B',
      since: hoursAfterD0(0),
    });
    assert.deepEqual(await places.controlHistory(place.id), [
      {
        placeId: place.id,
        controlledBy: 'party A',
        since: hoursAfterD0(-1000),
        until: hoursAfterD0(0),
      },
      { placeId: place.id, controlledBy: 'party B', since: hoursAfterD0(0), until: null },
    ]);
    assert.equal(await places.controllerAt(place.id, hoursAfterD0(-1)), 'party A');
    assert.equal(await places.controllerAt(place.id, hoursAfterD0(0)), 'party B');
    assert.equal(await places.controllerAt(place.id, hoursAfterD0(-2000)), undefined);
  });

  it('saves route legs and replaces the times of a leg saved again', async () => {
    const { db } = await open();
    const places = new KyselyPlaceRepository(db);
    const [from, to] = [aPlace({ id: 'a-bridge' }), aPlace({ id: 'b-centre' })];
    await places.insertMany([from, to]);
    await places.saveRouteLegs([
      { fromPlaceId: from.id, toPlaceId: to.id, p50Minutes: 180, p95Minutes: 240 },
      { fromPlaceId: to.id, toPlaceId: from.id, p50Minutes: 170, p95Minutes: 230 },
    ]);
    await places.saveRouteLegs([
      { fromPlaceId: from.id, toPlaceId: to.id, p50Minutes: 960, p95Minutes: 3600 },
    ]);
    assert.deepEqual(await places.listRouteLegs(), [
      { fromPlaceId: from.id, toPlaceId: to.id, p50Minutes: 960, p95Minutes: 3600 },
      { fromPlaceId: to.id, toPlaceId: from.id, p50Minutes: 170, p95Minutes: 230 },
    ]);
  });

  it('refuses a route leg from a place that does not exist', async () => {
    const { db } = await open();
    const places = new KyselyPlaceRepository(db);
    await assert.rejects(
      places.saveRouteLegs([
        { fromPlaceId: newId(), toPlaceId: newId(), p50Minutes: 1, p95Minutes: 2 },
      ]),
    );
  });
});
