import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import type { Database } from '../../../store/schema.ts';
import { rejectsWith } from '../../database/passage.fixtures.ts';
import { openTestRegistry } from '../registry.fixture.ts';

const BRIDGE = {
  kind: 'checkpoint',
  names: { en: 'Bridge checkpoint', hy: 'Կամրջի անցակետ', az: 'Körpü', ru: 'КПП у моста' },
  lat: 39.51,
  lon: 46.34,
} as const;

async function countRows(db: Kysely<Database>) {
  const count = async (table: 'place' | 'place_control' | 'route_leg' | 'sealed_record') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    place: await count('place'),
    control: await count('place_control'),
    legs: await count('route_leg'),
    seals: await count('sealed_record'),
  };
}

describeOnBothDatabases('gazetteer service', (open) => {
  it('adds a place with its controller and publishes both as public entries', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const place = await registry.gazetteer.addPlace({
      ...BRIDGE,
      adminCode: 'AM-SU',
      control: { controlledBy: 'Party A', since: '2023-09-19T12:00:00+02:00' },
    });
    assert.equal(place.version, 1);
    assert.deepEqual(place.names, BRIDGE.names);
    assert.deepEqual(place.control, [
      {
        placeId: place.id,
        controlledBy: 'Party A',
        since: '2023-09-19T10:00:00.000Z',
        until: null,
      },
    ]);
    const published = registry.entries.map(
      (entry) => JSON.parse(entry) as { kind: string; body: unknown },
    );
    assert.deepEqual(published.map((entry) => entry.kind).sort(), [
      'gazetteer.control',
      'gazetteer.place',
    ]);
    const placeEntry = published.find((entry) => entry.kind === 'gazetteer.place');
    assert.deepEqual(placeEntry?.body, {
      id: place.id,
      kind: 'checkpoint',
      names: BRIDGE.names,
      lat: 39.51,
      lon: 46.34,
      adminCode: 'AM-SU',
    });
    const seals = await db.selectFrom('sealed_record').select(['kind', 'visibility']).execute();
    assert.ok(seals.length === 2 && seals.every((seal) => seal.visibility === 'public'));
  });

  it('records changes of control in time order and closes the previous period', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { id } = await registry.gazetteer.addPlace({
      ...BRIDGE,
      control: { controlledBy: 'Party A', since: '2023-01-01T00:00:00Z' },
    });
    const changed = await registry.gazetteer.changeControl(id, {
      controlledBy: 'Party B',
      since: '2023-09-28T00:00:00Z',
    });
    assert.deepEqual(
      changed.control.map((period) => [period.controlledBy, period.since, period.until]),
      [
        ['Party A', '2023-01-01T00:00:00.000Z', '2023-09-28T00:00:00.000Z'],
        ['Party B', '2023-09-28T00:00:00.000Z', null],
      ],
    );
    const before = await countRows(db);
    await rejectsWith(
      registry.gazetteer.changeControl(id, {
        controlledBy: 'Party C',
        since: '2023-09-28T00:00:00Z',
      }),
      'invalid_request',
    );
    await rejectsWith(
      registry.gazetteer.changeControl(randomUUID(), {
        controlledBy: 'X',
        since: '2024-01-01T00:00:00Z',
      }),
      'not_found',
    );
    assert.deepEqual(await countRows(db), before);
  });

  it('refuses a second place with the same id, writing nothing', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { id } = await registry.gazetteer.addPlace(BRIDGE);
    const before = await countRows(db);
    const logged = registry.entries.length;
    await rejectsWith(registry.gazetteer.addPlace({ ...BRIDGE, id }), 'already_exists');
    await rejectsWith(registry.gazetteer.addPlace({ ...BRIDGE, lat: 91 }), 'invalid_request');
    assert.deepEqual(await countRows(db), before);
    assert.equal(registry.entries.length, logged);
  });

  it('saves route legs, replaces their times, and refuses a leg to an unknown place', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const a = await registry.gazetteer.addPlace(BRIDGE);
    const b = await registry.gazetteer.addPlace({ ...BRIDGE, kind: 'reception_point' });
    const leg = { fromPlaceId: a.id, toPlaceId: b.id, p50Minutes: 90, p95Minutes: 240 };
    await registry.gazetteer.saveRouteLegs({ legs: [leg] });
    const legs = await registry.gazetteer.saveRouteLegs({ legs: [{ ...leg, p95Minutes: 300 }] });
    assert.deepEqual(legs, [{ ...leg, p95Minutes: 300 }]);
    const before = await countRows(db);
    await rejectsWith(
      registry.gazetteer.saveRouteLegs({ legs: [{ ...leg, toPlaceId: randomUUID() }] }),
      'invalid_request',
    );
    await rejectsWith(
      registry.gazetteer.saveRouteLegs({ legs: [{ ...leg, p50Minutes: 400 }] }),
      'invalid_request',
    );
    assert.deepEqual(await countRows(db), before);
    const published = await registry.gazetteer.gazetteer();
    assert.equal(published.places.length, 2);
    assert.deepEqual(published.routeLegs, legs);
    assert.deepEqual(
      (await registry.gazetteer.gazetteer('reception_point')).places.map((place) => place.id),
      [b.id],
    );
  });
});
