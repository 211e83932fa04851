// Every route of the API (walked from the app itself, so a new route is fuzzed without being
// listed) under thousands of random and mutated requests, with every kind of credential:
// never a 5xx, always a catalogued error code, and a rejected request changes nothing — neither
// the log nor the database.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { isErrorCode } from '../../src/errors/error-catalogue.ts';
import { routePolicies } from '../../src/http/route-policy.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;

// Streams never end; the matrix test covers their access rules.
const STREAMS = new Set(['/api/v1/alerts/stream']);
const routes = routePolicies(app).filter((route) => !STREAMS.has(route.url));

// Field names the API uses, so random bodies often look almost right and reach deep checks.
const FIELDS = [
  'sha256',
  'name',
  'password',
  'totp',
  'role',
  'publicKey',
  'items',
  'id',
  'type',
  'capturedAt',
  'payload',
  'signature',
  'to',
  'from',
  'reason',
  'version',
  'kind',
  'names',
  'lat',
  'lon',
  'intention',
  'members',
  'identity',
  'birthYear',
  'sex',
  'documents',
  'referenceCode',
  'purpose',
  'granted',
  'family',
  'given',
  'checkpointId',
  'placeId',
  'journeyId',
  'occupants',
  'direction',
  'outcome',
  'people',
  'mode',
  'state',
  'legs',
  'controlledBy',
  'since',
  // monitoring: intake, incidents, analysis, evidence, commitments and the mission's operations
  'account',
  'language',
  'proximity',
  'channel',
  'sourceId',
  'label',
  'reliability',
  'credibility',
  'atRisk',
  'contact',
  'access',
  'occurredAt',
  'eventType',
  'receiptCode',
  'itemIds',
  'subEventType',
  'occurredStart',
  'occurredEnd',
  'timePrecision',
  'geoPrecision',
  'actors',
  'actorType',
  'victims',
  'tolls',
  'killed',
  'low',
  'best',
  'high',
  'narrative',
  'publicSummary',
  'caseKind',
  'caseId',
  'mergedInto',
  'decision',
  'pair',
  'targetKind',
  'targetId',
  'party',
  'text',
  'translations',
  'madeOn',
  'scope',
  'sourceRef',
  'reasoning',
  'commitmentId',
  'incidentId',
  'infoItemId',
  'subKind',
  'durationMinutes',
  'imposedBy',
  'patrolId',
  'description',
  'plannedStart',
  'topic',
  'respondedAt',
  'tracingRequestId',
  'hold',
  // transparency: e-mail subscriptions
  'email',
  'products',
  // transparency — bulletins
  'product',
  'date',
  'periodFrom',
  'periodTo',
  'texts',
  // transparency — open data corrections
  'correctsVersion',
  'correctedInVersion',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.constantFrom(
    'leave',
    'passed',
    'out',
    'female',
    '18-45',
    '2023-09-24T10:00:00.000Z',
    'B2',
    'en',
    'eyewitness',
    'breach',
    'denial',
    'verified',
    'checkpoint_detention',
    'reader@mail.example',
    'daily',
  ),
);
const plausible = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), scalar),
  ),
  { maxKeys: 6 },
);
const body = fc.oneof(
  plausible.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 100 }),
  fc.constant(''),
  fc.constant('{"items":[' + '{},'.repeat(600) + '{}]}'),
);

const credential = fc.oneof(
  fc.constantFrom(...test.credentials.map((c) => c.headers)),
  fc.constant<Record<string, string>>({}),
  fc.string({ maxLength: 40 }).map((text) => ({ authorization: `Bearer ${text}` })),
);

const param = fc.oneof(
  fc.uuid(),
  fc.constant(randomUUID()),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const request = fc.record({
  route: fc.constantFrom(...routes),
  params: fc.array(param, { minLength: 3, maxLength: 3 }),
  query: fc.option(plausible, { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'text/plain', ''),
  credential,
  body,
});

async function writeCounts(): Promise<string> {
  const { db } = test.vigil.database;
  const sealed = await db
    .selectFrom('sealed_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return `${String(test.vigil.sequencer.checkpoint.size)}/${String(sealed.n)}`;
}

describe('every route under random requests with every credential', () => {
  it('never answers 5xx, always catalogued, and a rejection changes nothing', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let index = 0;
        const url = r.route.url
          .replace(/:[A-Za-z]+/g, () => encodeURIComponent(r.params[index++] ?? 'x'))
          .replace(/\*$/, '0/000');
        const query =
          r.query === undefined
            ? ''
            : `?${new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()}`;
        const headers: Record<string, string> = { ...r.credential };
        if (r.contentType !== '') headers['content-type'] = r.contentType;
        const options: InjectOptions = {
          method: r.route.method,
          url: url + query,
          headers,
        };
        if (!['GET', 'HEAD', 'DELETE'].includes(r.route.method)) options.payload = r.body;
        const before = await writeCounts();
        const response = await app.inject(options);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const what = `${r.route.method} ${url} → ${String(response.statusCode)} ${response.body.slice(0, 200)}`;
        assert.ok(response.statusCode < 500, what);
        if (response.statusCode >= 400 && r.route.method !== 'HEAD') {
          const code = response.json<{ error?: { code?: unknown } }>().error?.code;
          assert.ok(isErrorCode(code), what);
          assert.equal(await writeCounts(), before, `rejected but wrote: ${what}`);
        }
      }),
      { numRuns: 4000 },
    );
    assert.ok(
      [...statuses.keys()].some((status) => status < 300),
      'some requests succeed',
    );
    assert.ok((statuses.get(422) ?? 0) > 0, 'some requests reach validation');
  });
});
