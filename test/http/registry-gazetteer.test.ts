// The gazetteer through the API: published to anyone, changed by coordinators and admins, every
// change a public log entry; bad input is refused with a catalogued code and writes nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const coordinator = test.staff.coordinator.headers;

const BRIDGE = {
  kind: 'checkpoint',
  names: { en: 'Bridge checkpoint', hy: 'Կամրջի անցակետ', az: 'Körpü', ru: 'КПП у моста' },
  lat: 39.51,
  lon: 46.34,
};

async function addPlace(payload: unknown = BRIDGE) {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/places',
    headers: coordinator,
    payload,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string; version: number }>();
}

describe('gazetteer routes', () => {
  it('publishes a place added by a coordinator, with its control history, to anyone', async () => {
    const place = await addPlace({
      ...BRIDGE,
      control: { controlledBy: 'Party A', since: '2023-01-01T00:00:00Z' },
    });
    const changed = await send(vigil, {
      method: 'POST',
      url: `/api/v1/places/${place.id}/control`,
      headers: test.staff.admin.headers,
      payload: { controlledBy: 'Party B', since: '2023-09-28T00:00:00Z' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const one = await send(vigil, { method: 'GET', url: `/api/v1/places/${place.id}` });
    assert.equal(one.statusCode, 200);
    assert.deepEqual(
      one
        .json<{ control: { controlledBy: string; until: string | null }[] }>()
        .control.map((period) => [period.controlledBy, period.until]),
      [
        ['Party A', '2023-09-28T00:00:00.000Z'],
        ['Party B', null],
      ],
    );
    const all = await send(vigil, { method: 'GET', url: '/api/v1/places?kind=checkpoint' });
    assert.equal(all.statusCode, 200);
    const listed = all.json<{ places: { id: string; names: unknown }[] }>().places;
    assert.deepEqual(listed.find((p) => p.id === place.id)?.names, BRIDGE.names);
    const seals = await vigil.database.db
      .selectFrom('sealed_record')
      .select(['kind', 'visibility'])
      .where('kind', 'like', 'gazetteer.%')
      .execute();
    assert.ok(seals.length >= 3 && seals.every((seal) => seal.visibility === 'public'));
  });

  it('saves route legs between known places and publishes them with the places', async () => {
    const from = await addPlace();
    const to = await addPlace({ ...BRIDGE, kind: 'reception_point' });
    const leg = { fromPlaceId: from.id, toPlaceId: to.id, p50Minutes: 120, p95Minutes: 480 };
    const saved = await send(vigil, {
      method: 'PUT',
      url: '/api/v1/route-legs',
      headers: coordinator,
      payload: { legs: [leg] },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const published = await send(vigil, { method: 'GET', url: '/api/v1/places' });
    assert.ok(
      published
        .json<{ routeLegs: unknown[] }>()
        .routeLegs.some((l) => JSON.stringify(l) === JSON.stringify(leg)),
    );
  });

  it('refuses bad input with a catalogued code and writes nothing', async () => {
    const place = await addPlace();
    const before = await snapshot(vigil);
    const refusals: [Parameters<typeof send>[1], number, string][] = [
      [
        { method: 'POST', url: '/api/v1/places', payload: { ...BRIDGE, names: { hy: 'x' } } },
        422,
        'invalid_request',
      ],
      [
        { method: 'POST', url: '/api/v1/places', payload: { ...BRIDGE, lat: 91 } },
        422,
        'invalid_request',
      ],
      [
        { method: 'POST', url: '/api/v1/places', payload: { ...BRIDGE, extra: 1 } },
        422,
        'invalid_request',
      ],
      [
        { method: 'POST', url: '/api/v1/places', payload: { ...BRIDGE, id: place.id } },
        409,
        'already_exists',
      ],
      [
        {
          method: 'POST',
          url: `/api/v1/places/${place.id}/control`,
          payload: { controlledBy: '', since: '2023-01-01T00:00:00Z' },
        },
        422,
        'invalid_request',
      ],
      [
        {
          method: 'POST',
          url: `/api/v1/places/${randomUUID()}/control`,
          payload: { controlledBy: 'A', since: '2023-01-01T00:00:00Z' },
        },
        404,
        'not_found',
      ],
      [
        {
          method: 'PUT',
          url: '/api/v1/route-legs',
          payload: {
            legs: [
              { fromPlaceId: place.id, toPlaceId: randomUUID(), p50Minutes: 10, p95Minutes: 20 },
            ],
          },
        },
        422,
        'invalid_request',
      ],
      [
        {
          method: 'PUT',
          url: '/api/v1/route-legs',
          payload: {
            legs: [{ fromPlaceId: place.id, toPlaceId: place.id, p50Minutes: 10, p95Minutes: 20 }],
          },
        },
        422,
        'invalid_request',
      ],
      [{ method: 'GET', url: `/api/v1/places/${randomUUID()}` }, 404, 'not_found'],
      [{ method: 'GET', url: '/api/v1/places/not-a-uuid' }, 422, 'invalid_request'],
      [{ method: 'GET', url: '/api/v1/places?kind=castle' }, 422, 'invalid_request'],
    ];
    for (const [call, status, code] of refusals) {
      const response = await send(vigil, { ...call, headers: coordinator });
      assert.equal(response.statusCode, status, `${call.method} ${call.url}: ${response.body}`);
      assert.equal(errorCode(response), code);
    }
    const malformed = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: { ...coordinator, 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(errorCode(malformed), 'malformed_json');
    assert.deepEqual(await snapshot(vigil), before);
  });

  it('describes the registry routes in the OpenAPI document', async () => {
    const response = await send(vigil, { method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200, response.body);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/api/v1/places',
      '/api/v1/households',
      '/api/v1/status-lookup',
      '/api/v1/people/search',
    ]) {
      assert.ok(paths.includes(path), path);
    }
  });
});
