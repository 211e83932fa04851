// The family status look-up through the API: public, by reference code and a member's birth
// year; answers the household's own journeys and nothing else; a wrong code, a wrong year and an
// unknown household get the very same 404; rate-limited per address; writes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { formatReferenceCode } from '../../src/passage/model/reference-code.ts';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import { ARMEN_HY, DAVIT_HY } from '../../src/passage/registry/registry.fixture.ts';
import { STATUS_LOOKUP_RATE_LIMIT } from '../../src/passage/registry/status/status-lookup.routes.ts';
import { MAX_WRONG_BIRTH_YEARS } from '../../src/passage/registry/status/status-lookup.service.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const coordinator = test.staff.coordinator.headers;

const place = await send(vigil, {
  method: 'POST',
  url: '/api/v1/places',
  headers: coordinator,
  payload: {
    kind: 'reception_point',
    names: { en: 'Reception point 1', hy: 'Ընդունման կետ 1' },
    lat: 39.4,
    lon: 46.2,
  },
});
const placeId = place.json<{ id: string }>().id;
const registered = await send(vigil, {
  method: 'POST',
  url: '/api/v1/households',
  headers: test.staff.hotline.headers,
  payload: { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
});
const { householdId, referenceCode } = registered.json<{
  householdId: string;
  referenceCode: string;
}>();

// One member has arrived at the reception point.
const journeys = passageStoreOn(vigil.database.db).journeys;
const [arrivedId] = (
  await vigil.database.db
    .selectFrom('journey')
    .select('id')
    .where('household_id', '=', householdId)
    .execute()
).map((row) => row.id);
for (const [from, to, version] of [
  ['listed', 'boarded', 1],
  ['boarded', 'arrived', 2],
] as const) {
  await journeys.transition({
    id: arrivedId!,
    from,
    to,
    expectedVersion: version,
    at: '2023-09-26T12:00:00.000Z',
    actor: 'device-test',
    placeId,
    sourceItemId: null,
    progress: {
      lastPlaceId: placeId,
      lastSeenAt: '2023-09-26T12:00:00.000Z',
      ...(to === 'arrived' ? { arrivedAt: '2023-09-26T12:00:00.000Z' } : {}),
    },
  });
}

let address = 0;
/** Each test calls from its own address, so the rate limit of one does not reach the next. */
function lookup(payload: unknown, remoteAddress = `10.0.0.${String(++address)}`) {
  return send(vigil, { method: 'POST', url: '/api/v1/status-lookup', payload, remoteAddress });
}

describe('family status look-up route', () => {
  it("answers the household's journeys, and no name, id or count beyond them", async () => {
    const typed = referenceCode.toLowerCase().replaceAll('-', ' ');
    const response = await lookup({ referenceCode: typed, birthYear: DAVIT_HY.birthYear });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json<{ journeys: Record<string, unknown>[] }>();
    assert.deepEqual(Object.keys(body), ['journeys']);
    const sorted = [...body.journeys].sort((a, b) =>
      String(a['state']).localeCompare(String(b['state'])),
    );
    assert.deepEqual(sorted, [
      {
        state: 'arrived',
        lastPlace: { names: { en: 'Reception point 1', hy: 'Ընդունման կետ 1' } },
        lastSeenAt: '2023-09-26T12:00:00.000Z',
        arrivedAt: '2023-09-26T12:00:00.000Z',
      },
      { state: 'listed', lastPlace: null, lastSeenAt: null, arrivedAt: null },
    ]);
    for (const secret of [householdId, placeId, arrivedId!, 'Պետրոսյան', 'Արմեն']) {
      assert.ok(!response.body.includes(secret));
    }
  });

  it('gives the very same 404 to a wrong year, an unknown code and a mistyped code', async () => {
    const bodies = new Set<string>();
    const cases = [
      { referenceCode, birthYear: 1980 },
      {
        referenceCode: formatReferenceCode(new Uint8Array(8).fill(7)),
        birthYear: ARMEN_HY.birthYear,
      },
      {
        referenceCode: referenceCode.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')),
        birthYear: ARMEN_HY.birthYear,
      },
      { referenceCode: 'hello', birthYear: ARMEN_HY.birthYear },
    ];
    for (const payload of cases) {
      const response = await lookup(payload);
      assert.equal(response.statusCode, 404, JSON.stringify(payload));
      assert.equal(errorCode(response), 'not_found');
      bodies.add(response.body);
    }
    assert.equal(bodies.size, 1, 'one body for every failure');
  });

  it('refuses malformed requests with 422, and writes nothing for any look-up', async () => {
    const before = await snapshot(vigil);
    for (const payload of [
      { referenceCode },
      { referenceCode, birthYear: '1979' },
      { referenceCode, birthYear: 1979.5 },
      { referenceCode: 'x'.repeat(65), birthYear: 1979 },
      { referenceCode, birthYear: 1979, householdId },
    ]) {
      const response = await lookup(payload);
      assert.equal(response.statusCode, 422, JSON.stringify(payload));
      assert.equal(errorCode(response), 'invalid_request');
    }
    assert.equal((await lookup({ referenceCode, birthYear: 1979 })).statusCode, 200);
    assert.deepEqual(await snapshot(vigil), before);
  });

  it('limits look-ups per address', async () => {
    // A code that names no household: only the per-address limit is at work here.
    const payload = { referenceCode: 'not a code', birthYear: 1900 };
    for (let i = 0; i < STATUS_LOOKUP_RATE_LIMIT.max; i++) {
      assert.equal((await lookup(payload, '10.9.9.9')).statusCode, 404);
    }
    const limited = await lookup(payload, '10.9.9.9');
    assert.equal(limited.statusCode, 429);
    assert.equal(errorCode(limited), 'rate_limited');
    assert.equal((await lookup({ referenceCode, birthYear: 1979 }, '10.9.9.10')).statusCode, 200);
  });

  it('locks a code walked through birth years from many addresses, for the right year too', async () => {
    for (let i = 0; i < MAX_WRONG_BIRTH_YEARS; i++) {
      const response = await lookup({ referenceCode, birthYear: 1950 + i }, `10.8.0.${String(i)}`);
      assert.equal(response.statusCode, 404);
    }
    const locked = await lookup({ referenceCode, birthYear: 1979 }, '10.8.1.1');
    assert.equal(locked.statusCode, 404);
    assert.equal(errorCode(locked), 'not_found');
  });
});
