// Household registration and follow-up through the API: identities go to the vault and never
// come back from these routes; the reference code and its QR code are answered once; a household
// that stays gets welfare contacts; refusing consent never blocks registration; bad input is
// refused with a catalogued code and writes nothing (not even to the vault or the log).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ageBandOf } from '../../src/passage/model/age-band.ts';
import { normaliseReferenceCode } from '../../src/passage/model/reference-code.ts';
import { referenceQrSvg } from '../../src/passage/registry/households/reference-qr.ts';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import {
  ARMEN_HY,
  DAVIT_HY,
  IDENTITY_TEXTS,
  LUSINE_HY,
} from '../../src/passage/registry/registry.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { vigil } = test;
const hotline = test.staff.hotline.headers;

interface Registered {
  householdId: string;
  referenceCode: string;
  qrSvg: string;
  members: { personRef: string }[];
}

interface View {
  intention: string;
  version: number;
  members: { personRef: string; sex: string; ageBand: string; journeys: { state: string }[] }[];
  welfareContacts: { state: string; mode: string }[];
  consents: { subjectRef: string; purpose: string; decision: string }[];
}

// The services run on the real clock here: age bands are counted at this year.
function bandNow(birthYear: number): string {
  return ageBandOf(birthYear, new Date().getUTCFullYear());
}

async function register(payload: unknown, headers = hotline): Promise<Registered> {
  const response = await send(vigil, {
    method: 'POST',
    url: '/api/v1/households',
    headers,
    payload,
  });
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.headers['cache-control'], 'no-store');
  return response.json<Registered>();
}

async function view(householdId: string): Promise<{ body: string; json: View }> {
  const response = await send(vigil, {
    method: 'GET',
    url: `/api/v1/households/${householdId}`,
    headers: test.staff.analyst.headers,
  });
  assert.equal(response.statusCode, 200, response.body);
  return { body: response.body, json: response.json<View>() };
}

describe('household routes', () => {
  it('registers a household and answers its code and QR once; the view holds no identity', async () => {
    const registered = await register({
      intention: 'leave',
      members: [
        { identity: ARMEN_HY },
        { identity: LUSINE_HY, flags: ['pregnant'] },
        { identity: DAVIT_HY },
      ],
      consents: [{ purpose: 'tracing', granted: true }],
    });
    assert.equal(normaliseReferenceCode(registered.referenceCode), registered.referenceCode);
    assert.equal(registered.qrSvg, await referenceQrSvg(registered.referenceCode));
    assert.match(registered.qrSvg, /^<svg /);
    assert.equal(registered.members.length, 3);
    const { body, json } = await view(registered.householdId);
    assert.equal(json.intention, 'leave');
    assert.deepEqual(
      json.members
        .map((member) => [member.sex, member.ageBand, member.journeys.map((j) => j.state)])
        .sort(),
      [
        ['female', bandNow(LUSINE_HY.birthYear), ['listed']],
        ['male', bandNow(ARMEN_HY.birthYear), ['listed']],
        ['male', bandNow(DAVIT_HY.birthYear), ['listed']],
      ].sort(),
    );
    for (const text of [...IDENTITY_TEXTS, registered.referenceCode, 'birth', 'phone']) {
      assert.ok(!body.includes(text), `the view holds ${text}`);
    }
  });

  it('lets a monitor register a household that stays, which gets weekly welfare visits', async () => {
    const registered = await register(
      { intention: 'stay_under_protection', members: [{ identity: LUSINE_HY }] },
      test.staff.monitor.headers,
    );
    const { json } = await view(registered.householdId);
    assert.equal(json.welfareContacts.length, 12);
    assert.ok(json.welfareContacts.every((c) => c.state === 'scheduled' && c.mode === 'visit'));
    assert.deepEqual(json.members[0]?.journeys, []);
  });

  it('registers a household that refuses every consent', async () => {
    const registered = await register({
      intention: 'return',
      members: [{ identity: ARMEN_HY }],
      consents: [
        { purpose: 'tracing', granted: false },
        { purpose: 'named_publication', granted: false },
      ],
    });
    const { json } = await view(registered.householdId);
    assert.deepEqual(
      json.consents.map((c) => [c.purpose, c.decision]),
      [
        ['named_publication', 'refused'],
        ['tracing', 'refused'],
      ],
    );
  });

  it('refuses bad registrations with 422 and writes nothing, not even to the vault or the log', async () => {
    const before = await snapshot(vigil);
    const member = { identity: ARMEN_HY };
    const bad: unknown[] = [
      { intention: 'leave', members: [] },
      { intention: 'leave', members: Array.from({ length: 31 }, () => member) },
      { intention: 'evacuate', members: [member] },
      { intention: 'leave', members: [{ identity: { ...ARMEN_HY, birthYear: 2999 } }] },
      {
        intention: 'leave',
        members: [{ identity: { ...ARMEN_HY, birthYear: new Date().getUTCFullYear() + 1 } }],
      },
      { intention: 'leave', members: [{ identity: { ...ARMEN_HY, sex: 'x' } }] },
      { intention: 'leave', members: [{ ...member, flags: ['tall'] }] },
      { intention: 'leave', originPlaceId: randomUUID(), members: [member] },
      { intention: 'leave', members: [member], consents: [{ purpose: 'gossip', granted: true }] },
      { intention: 'leave', members: [member], personRefs: [] },
    ];
    for (const payload of bad) {
      const response = await send(vigil, {
        method: 'POST',
        url: '/api/v1/households',
        headers: hotline,
        payload,
      });
      assert.equal(
        response.statusCode,
        422,
        `${JSON.stringify(payload).slice(0, 80)}: ${response.body}`,
      );
      assert.equal(errorCode(response), 'invalid_request');
      for (const text of IDENTITY_TEXTS) assert.ok(!response.body.includes(text));
    }
    assert.deepEqual(await snapshot(vigil), before);
  });

  it('changes the intention at the current version and refuses a stale one', async () => {
    const { householdId } = await register({
      intention: 'leave',
      members: [{ identity: DAVIT_HY }],
    });
    const url = `/api/v1/households/${householdId}/intention`;
    const changed = await send(vigil, {
      method: 'PATCH',
      url,
      headers: test.staff.coordinator.headers,
      payload: { intention: 'stay_under_protection', version: 1 },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const body = changed.json<View>();
    assert.equal(body.version, 2);
    assert.equal(body.welfareContacts.length, 12);
    const before = await snapshot(vigil);
    const stale = await send(vigil, {
      method: 'PATCH',
      url,
      headers: hotline,
      payload: { intention: 'leave', version: 1 },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(errorCode(stale), 'conflict');
    const bad = await send(vigil, {
      method: 'PATCH',
      url,
      headers: hotline,
      payload: { intention: 'leave' },
    });
    assert.equal(bad.statusCode, 422);
    const unknown = await send(vigil, {
      method: 'PATCH',
      url: `/api/v1/households/${randomUUID()}/intention`,
      headers: hotline,
      payload: { intention: 'leave', version: 1 },
    });
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(await snapshot(vigil), before);
  });

  it('records consent decisions about the household and its members', async () => {
    const { householdId, members } = await register({
      intention: 'leave',
      members: [{ identity: ARMEN_HY }],
    });
    const url = `/api/v1/households/${householdId}/consents`;
    const personRef = members[0]!.personRef;
    const granted = await send(vigil, {
      method: 'POST',
      url,
      headers: hotline,
      payload: { subjectRef: personRef, purpose: 'sharing_with_named_bodies', granted: true },
    });
    assert.equal(granted.statusCode, 201, granted.body);
    assert.equal(granted.json<{ decision: string }>().decision, 'granted');
    const withdrawn = await send(vigil, {
      method: 'POST',
      url,
      headers: hotline,
      payload: { subjectRef: personRef, purpose: 'sharing_with_named_bodies', granted: false },
    });
    assert.equal(withdrawn.json<{ decision: string; version: number }>().decision, 'withdrawn');
    const before = await snapshot(vigil);
    const refusals: [string, unknown, number][] = [
      [url, { subjectRef: randomUUID(), purpose: 'tracing', granted: true }, 422],
      [url, { purpose: 'tracing' }, 422],
      [url, { purpose: 'tracing', granted: 'yes' }, 422],
      [`/api/v1/households/${randomUUID()}/consents`, { purpose: 'tracing', granted: true }, 404],
    ];
    for (const [target, payload, status] of refusals) {
      const response = await send(vigil, {
        method: 'POST',
        url: target,
        headers: hotline,
        payload,
      });
      assert.equal(response.statusCode, status, response.body);
    }
    assert.deepEqual(await snapshot(vigil), before);
    const { json } = await view(householdId);
    assert.deepEqual(
      json.consents.map((c) => [c.subjectRef, c.decision]),
      [
        [personRef, 'granted'],
        [personRef, 'withdrawn'],
      ],
    );
  });

  it('answers 404 for an unknown household and 422 for an id that is not a UUID', async () => {
    const headers = test.staff.hotline.headers;
    const unknown = await send(vigil, {
      method: 'GET',
      url: `/api/v1/households/${randomUUID()}`,
      headers,
    });
    assert.equal(unknown.statusCode, 404);
    const malformed = await send(vigil, { method: 'GET', url: '/api/v1/households/42', headers });
    assert.equal(malformed.statusCode, 422);
  });
});
