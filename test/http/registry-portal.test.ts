// Self-registration from the resident portal (POST /api/v1/portal/households), on SQLite and on
// PostgreSQL: anyone may register a household, with no account; the answer is the reference
// code (no-store) and a member count, nothing else; the code then finds the household's journeys;
// identities go to the vault, the household is sealed into the log with the portal as its actor,
// refused consents are recorded and do not block; bad input is refused with a catalogued code and
// writes nothing; registrations are limited per client address.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { DatabaseDialect } from '../../src/store/open-database.ts';
import { normaliseReferenceCode } from '../../src/passage/model/reference-code.ts';
import {
  PORTAL_ACTOR,
  PORTAL_REGISTRATION_RATE_LIMIT,
} from '../../src/passage/registry/households/portal-registration.routes.ts';
import { errorCode, send, snapshot } from '../../src/passage/registry/registry-http.fixture.ts';
import {
  ARMEN_HY,
  IDENTITY_TEXTS,
  LUSINE_HY,
} from '../../src/passage/registry/registry.fixture.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { openTestVigil } from '../support/test-vigil.ts';
import type { TestVigil } from '../support/test-vigil.ts';

const URL = '/api/v1/portal/households';
/** A grandmother registered by her grandson abroad, in Cyrillic. */
const ANNA_RU = {
  names: [{ given: 'Анна', family: 'Григорян', script: 'ru' }],
  birthYear: 1941,
  sex: 'female',
  documents: [],
} as const;

async function openEngine(dialect: DatabaseDialect): Promise<TestVigil> {
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const test = await openTestVigil({ backgroundJobs: false, databaseUrl: server?.url });
  // Registered after the server's own close, so it runs once every pool is closed.
  after(async () => {
    await server?.drop();
  });
  return test;
}

const engines = [await openEngine('sqlite'), await openEngine('postgres')] as const;

for (const [index, test] of engines.entries()) {
  const { vigil } = test;
  let address = 0;
  /** Each call from its own address unless told, so one test's limit does not reach another. */
  const register = (payload: unknown, remoteAddress = `10.1.0.${String(++address)}`) =>
    send(vigil, { method: 'POST', url: URL, payload, remoteAddress });
  const householdOf = async (referenceCode: string) =>
    vigil.database.db
      .selectFrom('household')
      .select(['id', 'intention', 'origin_place_id'])
      .where('reference_code', '=', referenceCode)
      .executeTakeFirstOrThrow();

  describe(`portal self-registration on ${index === 0 ? 'sqlite' : 'postgres'}`, () => {
    it('registers a household with no account and answers its code once, and nothing else', async () => {
      const logBefore = vigil.sequencer.checkpoint.size;
      const response = await register({
        intention: 'leave',
        members: [{ identity: ARMEN_HY }, { identity: ANNA_RU }],
        consents: [
          { purpose: 'tracing', granted: true },
          { purpose: 'named_publication', granted: false },
        ],
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const body = response.json<{ referenceCode: string; memberCount: number }>();
      assert.deepEqual(Object.keys(body).sort(), ['memberCount', 'referenceCode']);
      assert.equal(body.memberCount, 2);
      assert.equal(normaliseReferenceCode(body.referenceCode), body.referenceCode);
      for (const text of [...IDENTITY_TEXTS, 'Анна', 'Григорян']) {
        assert.ok(!response.body.includes(text), `the answer holds ${text}`);
      }
      assert.ok(vigil.sequencer.checkpoint.size > logBefore, 'the registration was logged');

      // The code and a member's birth year find the household's journeys (one per member).
      const lookup = await send(vigil, {
        method: 'POST',
        url: '/api/v1/status-lookup',
        payload: { referenceCode: body.referenceCode, birthYear: ANNA_RU.birthYear },
        remoteAddress: '10.2.0.1',
      });
      assert.equal(lookup.statusCode, 200, lookup.body);
      const { journeys } = lookup.json<{ journeys: { state: string }[] }>();
      assert.deepEqual(
        journeys.map((journey) => journey.state),
        ['listed', 'listed'],
      );

      // Staff see the household, its refused consent beside the granted one, and who acted.
      const household = await householdOf(body.referenceCode);
      const view = await send(vigil, {
        method: 'GET',
        url: `/api/v1/households/${household.id}`,
        headers: test.staff.analyst.headers,
      });
      const consents = view.json<{ consents: { purpose: string; decision: string }[] }>().consents;
      assert.deepEqual(consents.map((c) => `${c.purpose}:${c.decision}`).sort(), [
        'named_publication:refused',
        'tracing:granted',
      ]);
      const sealed = await vigil.database.db
        .selectFrom('sealed_record')
        .select('record')
        .where('kind', '=', 'passage.household')
        .where('id', '=', household.id)
        .executeTakeFirstOrThrow();
      assert.equal((JSON.parse(sealed.record) as { actor: string }).actor, PORTAL_ACTOR.id);
      for (const text of IDENTITY_TEXTS) assert.ok(!sealed.record.includes(text));
    });

    it('registers a household that refuses every consent and stays, with its place of origin', async () => {
      const place = await send(vigil, {
        method: 'POST',
        url: '/api/v1/places',
        headers: test.staff.coordinator.headers,
        payload: { kind: 'settlement', names: { en: 'Village 7' }, lat: 39.8, lon: 46.7 },
      });
      const placeId = place.json<{ id: string }>().id;
      const response = await register({
        intention: 'stay_under_protection',
        originPlaceId: placeId,
        members: [{ identity: LUSINE_HY }],
        consents: [
          { purpose: 'tracing', granted: false },
          { purpose: 'internal_analysis', granted: false },
        ],
      });
      assert.equal(response.statusCode, 201, response.body);
      const household = await householdOf(response.json<{ referenceCode: string }>().referenceCode);
      assert.equal(household.intention, 'stay_under_protection');
      assert.equal(household.origin_place_id, placeId);
    });

    it('refuses bad registrations with a catalogued 422 and writes nothing', async () => {
      const before = await snapshot(vigil);
      const member = { identity: ARMEN_HY };
      const bad: unknown[] = [
        {},
        { intention: 'leave', members: [] },
        { intention: 'flee', members: [member] },
        { intention: 'leave', members: Array.from({ length: 31 }, () => member) },
        { intention: 'leave', members: [{ identity: { ...ARMEN_HY, names: [] } }] },
        { intention: 'leave', members: [{ identity: { ...ARMEN_HY, birthYear: 1700 } }] },
        {
          intention: 'leave',
          members: [{ identity: { ...ARMEN_HY, birthYear: new Date().getUTCFullYear() + 1 } }],
        },
        { intention: 'leave', members: [{ identity: { ...ARMEN_HY, sex: 'x' } }] },
        { intention: 'leave', originPlaceId: randomUUID(), members: [member] },
        { intention: 'leave', members: [member], consents: [{ purpose: 'gossip', granted: true }] },
        { intention: 'leave', members: [member], householdId: randomUUID() },
      ];
      for (const payload of bad) {
        const response = await register(payload);
        const what = `${JSON.stringify(payload).slice(0, 80)}: ${response.body}`;
        assert.equal(response.statusCode, 422, what);
        assert.equal(errorCode(response), 'invalid_request');
        for (const text of IDENTITY_TEXTS) assert.ok(!response.body.includes(text), what);
      }
      const notJson = await vigil.app.inject({
        method: 'POST',
        url: URL,
        headers: { 'content-type': 'text/plain' },
        payload: 'intention=leave',
        remoteAddress: '10.1.9.9',
      });
      assert.equal(errorCode(notJson), 'unsupported_media_type');
      assert.deepEqual(await snapshot(vigil), before);
    });

    it('limits registrations per client address, and a limited one writes nothing', async () => {
      const payload = { intention: 'return', members: [{ identity: LUSINE_HY }] };
      for (let i = 0; i < PORTAL_REGISTRATION_RATE_LIMIT.max; i++) {
        assert.equal((await register(payload, '10.3.3.3')).statusCode, 201);
      }
      const before = await snapshot(vigil);
      const limited = await register(payload, '10.3.3.3');
      assert.equal(limited.statusCode, 429);
      assert.equal(errorCode(limited), 'rate_limited');
      assert.deepEqual(await snapshot(vigil), before);
      assert.equal((await register(payload, '10.3.3.4')).statusCode, 201, 'another address');
    });
  });
}
