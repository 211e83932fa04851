// The source routes: analysts and coordinators create and grade sources; the contact goes to
// the vault and comes back only through an audited POST, to the hotline or a coordinator, and
// never to the hotline for a source at risk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
const db = test.vigil.features.context.db;
const { analyst, coordinator, hotline } = test.staff;

interface SourceView {
  source: {
    id: string;
    label: string;
    reliability: string;
    atRisk: boolean;
    hasContact: boolean;
    version: number;
  };
  gradings: { version: number; reliability: string; reason: string }[];
}

const contact = {
  names: [{ given: 'Gayane', family: 'Sargsyan', script: 'en' }],
  birthYear: 1988,
  sex: 'female',
  documents: [],
};

function post(url: string, payload: unknown, headers = analyst.headers) {
  return app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
}

async function createSource(body: Record<string, unknown>): Promise<SourceView> {
  const response = await post('/api/v1/sources', {
    kind: 'witness',
    reason: 'first call',
    ...body,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<SourceView>();
}

describe('source routes', () => {
  it('creates a source graded F by default, with its contact in the vault', async () => {
    const view = await createSource({ label: 'HERON', contact });
    assert.deepEqual(
      [view.source.reliability, view.source.hasContact, view.source.atRisk, view.gradings.length],
      ['F', true, false, 1],
    );
    assert.ok(!('contactPersonRef' in view.source));
    const listed = await app.inject({
      url: '/api/v1/sources?kind=witness',
      headers: coordinator.headers,
    });
    assert.ok(
      listed.json<{ sources: { label: string }[] }>().sources.some((s) => s.label === 'HERON'),
    );
    const again = await post('/api/v1/sources', { kind: 'media', label: 'HERON', reason: 'x' });
    assert.equal(again.statusCode, 409);
    const notStaff = await post(
      '/api/v1/sources',
      { kind: 'media', label: 'X', reason: 'x' },
      hotline.headers,
    );
    assert.equal(notStaff.statusCode, 403);
  });

  it('re-grades at the version read and shows the history', async () => {
    const { source } = await createSource({ label: 'PLOVER', reliability: 'D', reason: 'rumours' });
    const url = `/api/v1/sources/${source.id}/grading`;
    const regraded = await post(url, {
      reliability: 'B',
      reason: 'four reports held up',
      version: 1,
    });
    assert.equal(regraded.statusCode, 200, regraded.body);
    const stale = await post(url, { reliability: 'A', reason: 'x', version: 1 });
    assert.equal(stale.statusCode, 409);
    const read = await app.inject({
      url: `/api/v1/sources/${source.id}`,
      headers: analyst.headers,
    });
    assert.deepEqual(
      read.json<SourceView>().gradings.map((g) => [g.version, g.reliability, g.reason]),
      [
        [1, 'D', 'rumours'],
        [2, 'B', 'four reports held up'],
      ],
    );
  });

  it('reads the contact through an audited POST; never to the hotline once at risk', async () => {
    const { source } = await createSource({ label: 'SWIFT', contact });
    const url = `/api/v1/sources/${source.id}/contact`;
    const read = await post(url, { purpose: 'protection' }, hotline.headers);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(
      read.json<{ identity: { names: { family: string }[] } }>().identity.names[0]?.family,
      'Sargsyan',
    );
    assert.equal(read.headers['cache-control'], 'no-store');
    const audits = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('purpose', '=', 'protection')
      .execute();
    assert.equal(audits.length, 1);
    assert.equal(
      (await post(url, { purpose: 'protection' })).statusCode,
      403,
      'analysts do not read contacts',
    );
    const flagged = await post(`/api/v1/sources/${source.id}/risk`, { atRisk: true, version: 1 });
    assert.equal(flagged.json<SourceView>().source.atRisk, true);
    const hidden = await post(url, { purpose: 'protection' }, hotline.headers);
    assert.equal(hidden.statusCode, 404);
    assert.equal((await post(url, { purpose: 'protection' }, coordinator.headers)).statusCode, 200);
    const unknown = await post(
      `/api/v1/sources/${crypto.randomUUID()}/contact`,
      { purpose: 'protection' },
      coordinator.headers,
    );
    assert.equal(unknown.statusCode, 404);
  });
});
