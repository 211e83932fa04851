// The checkpoint roster through the API: a monitor's device (or an office session) reads the
// households a passage can still move, each under a keyed tag of its reference code — never the
// code, never a name — with a fresh key per answer and no cache allowed to keep it; and a
// passage synced from the device takes the household's journeys off the roster once they can no
// longer move (here: turned back).
import assert from 'node:assert/strict';
import { createHmac, randomUUID, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { errorCode, send } from '../../src/passage/registry/registry-http.fixture.ts';
import { ARMEN_HY, DAVIT_HY } from '../../src/passage/registry/registry.fixture.ts';
import type { CheckpointRoster } from '../../src/passage/registry/roster/checkpoint-roster.service.ts';
import { captureSignatureMessage } from '../../src/sync/capture-signature.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const device = { authorization: `Bearer ${test.device.token}` };

async function roster(headers: Record<string, string>) {
  const response = await send(vigil, { method: 'GET', url: '/api/v1/checkpoint-roster', headers });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['cache-control'], 'no-store');
  return { body: response.json<CheckpointRoster>(), text: response.body };
}

const tagOf = (key: string, code: string, bytes: number) =>
  createHmac('sha256', Buffer.from(key, 'base64'))
    .update(code)
    .digest('hex')
    .slice(0, 2 * bytes);

describe('GET /api/v1/checkpoint-roster', () => {
  it("lists a leaving household under its code's tag, with no code and no identity", async () => {
    const registered = await send(vigil, {
      method: 'POST',
      url: '/api/v1/households',
      headers: test.staff.hotline.headers,
      payload: { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const { referenceCode, householdId } = registered.json<{
      referenceCode: string;
      householdId: string;
    }>();
    const view = await send(vigil, {
      method: 'GET',
      url: `/api/v1/households/${householdId}`,
      headers: test.staff.coordinator.headers,
    });
    const members = view.json<{
      members: { sex: string; ageBand: string; journeys: { id: string }[] }[];
    }>().members;
    const expected = members
      .flatMap((m) => m.journeys.map((j) => [j.id, 'listed', m.sex, m.ageBand]))
      .sort();
    const first = await roster(device);
    const second = await roster(test.staff.monitor.headers);
    assert.notEqual(first.body.key, second.body.key, 'a fresh key per answer');
    const household = first.body.households.find(
      (entry) => entry.tag === tagOf(first.body.key, referenceCode, first.body.tagBytes),
    );
    assert.deepEqual(
      household?.journeys.map((j) => [j.journeyId, j.state, j.sex, j.ageBand]).sort(),
      expected,
    );
    assert.equal(expected.length, 2);
    for (const secret of [referenceCode, 'Արմեն', 'AM7712093', '1979']) {
      assert.ok(!first.text.includes(secret), `${secret} is not in the roster`);
    }
  });

  it('drops journeys a passage turned back, once the device has synced it', async () => {
    const registered = await send(vigil, {
      method: 'POST',
      url: '/api/v1/households',
      headers: test.staff.hotline.headers,
      payload: { intention: 'leave', members: [{ identity: DAVIT_HY }] },
    });
    const { referenceCode } = registered.json<{ referenceCode: string }>();
    const before = await roster(device);
    const tag = tagOf(before.body.key, referenceCode, before.body.tagBytes);
    const journeyId = before.body.households.find((entry) => entry.tag === tag)?.journeys[0]
      ?.journeyId;
    assert.ok(journeyId !== undefined);
    const place = await send(vigil, {
      method: 'POST',
      url: '/api/v1/places',
      headers: test.staff.coordinator.headers,
      payload: { kind: 'checkpoint', names: { en: 'Roster bridge' }, lat: 39.5, lon: 46.3 },
    });
    const capture = {
      id: randomUUID(),
      type: 'checkpoint_passage',
      capturedAt: new Date().toISOString(),
      payload: {
        checkpointId: place.json<{ id: string }>().id,
        direction: 'out',
        occupants: 1,
        screeningTypes: ['document_check'],
        outcome: 'turned_back',
        people: [{ journeyId, outcome: 'turned_back' }],
      },
    };
    const message = captureSignatureMessage({ ...capture, deviceId: test.device.id });
    const signature = sign(null, message, test.device.privateKey).toString('base64');
    const synced = await send(vigil, {
      method: 'POST',
      url: '/api/v1/sync',
      headers: device,
      payload: { items: [{ ...capture, signature }] },
    });
    assert.equal(synced.json<{ results: { status: string }[] }>().results[0]?.status, 'applied');
    const after = await roster(device);
    const tagAfter = tagOf(after.body.key, referenceCode, after.body.tagBytes);
    assert.equal(
      after.body.households.find((entry) => entry.tag === tagAfter),
      undefined,
    );
  });

  it('refuses a caller without a staff credential', async () => {
    const response = await send(vigil, { method: 'GET', url: '/api/v1/checkpoint-roster' });
    assert.equal(response.statusCode, 401);
    assert.equal(errorCode(response), 'unauthenticated');
  });
});
