// A commitment's public evidence over HTTP, on both engines: anyone reads, for a commitment, the
// standing links to incidents the latest open-data release of `incidents` lists — relation, day
// linked, the incident's public id in that release and its version — and finds each in the
// released file. A link to an incident the release does not list changes nothing in the answer;
// a withdrawn link disappears; a new release moves every id to that release's ids. Never an
// internal id, the analyst's reasoning, who linked, a link to an information item, or anything
// planted in the incident's sealed fields.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ErrorBody } from '../../src/errors/error-catalogue.ts';
import { insertInfoItem } from '../../src/monitoring/commitments/commitments.fixtures.ts';
import type { DatabaseDialect } from '../../src/store/open-database.ts';
import type { CommitmentEvidence } from '../../src/transparency/commitment-evidence/commitment-evidence.service.ts';
import { insertIncident, PLANTED } from '../../src/transparency/open-data/open-data.fixtures.ts';
import { createPostgresDatabase, DIALECTS } from '../support/databases.ts';
import { openTestVigil } from '../support/test-vigil.ts';
import type { TestVigil } from '../support/test-vigil.ts';

const REASONING = 'Seen by Aram Petrosyan at the bridge; he asked not to be named.';

async function openEngine(dialect: DatabaseDialect): Promise<TestVigil> {
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const test = await openTestVigil({ backgroundJobs: false, databaseUrl: server?.url });
  // Registered after the server's own close, so it runs once every pool is closed.
  after(async () => {
    await server?.drop();
  });
  return test;
}

const engines: { dialect: DatabaseDialect; test: TestVigil }[] = [];
for (const dialect of DIALECTS) engines.push({ dialect, test: await openEngine(dialect) });

for (const { dialect, test } of engines) {
  const { app } = test.vigil;
  const db = test.vigil.features.context.db;
  const { analyst, coordinator } = test.staff;

  const register = async (party: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/commitments',
      headers: analyst.headers,
      payload: {
        party,
        language: 'en',
        text: 'Civilians may leave freely.',
        madeOn: '2023-09-19',
        sourceRef: 'Statement of 19 September 2023',
        scope: 'The corridor',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ commitment: { id: string } }>().commitment.id;
  };
  const link = async (commitmentId: string, body: object) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitmentId}/links`,
      headers: analyst.headers,
      payload: { reasoning: REASONING, ...body },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  };
  const evidenceOf = async (commitmentId: string) => {
    const response = await app.inject({ url: `/api/v1/commitments/${commitmentId}/evidence` });
    assert.equal(response.statusCode, 200, response.body);
    return { body: response.body, view: response.json<CommitmentEvidence>() };
  };
  const release = async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/open-data/incidents/releases',
      headers: coordinator.headers,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ version: number }>().version;
  };
  /** The released row (event_id_cnty → event_date) of each incident of release `version`. */
  const releasedDays = async (version: number) => {
    const response = await app.inject({ url: `/open-data/incidents/${String(version)}.json` });
    const rows = response.json<{ rows: { event_id_cnty: string; event_date: string }[] }>().rows;
    return new Map(rows.map((row) => [row.event_id_cnty, row.event_date]));
  };
  const today = () => new Date().toISOString().slice(0, 10);
  /** Evidence rows ordered by the released event date (their last field). */
  const byDay = (rows: (string | number | undefined)[][]) =>
    rows.sort((a, b) => String(a.at(-1)).localeCompare(String(b.at(-1))));

  describe(`commitment evidence on ${dialect}`, () => {
    const commitment: Record<string, string> = {};
    const incident: Record<string, string> = {};
    const links: Record<string, string> = {};
    let item = '';

    it('answers an empty list before any incidents release, and 404 or 422 otherwise', async () => {
      commitment['linked'] = await register('Party A');
      commitment['pending'] = await register('Party B');
      commitment['bare'] = await register('Party C');
      incident['released'] = await insertIncident(db, {
        state: 'published',
        start: '2023-09-20T10:00:00.000Z',
      });
      incident['withdrawn'] = await insertIncident(db, {
        state: 'published',
        start: '2023-09-21T10:00:00.000Z',
      });
      // Verified, not cleared for publication: no release lists it yet.
      incident['pending'] = await insertIncident(db, {
        state: 'verified',
        start: '2023-09-22T10:00:00.000Z',
      });
      item = await insertInfoItem(db, '2023-09-22T09:00:00.000Z', null);
      links['released'] = await link(commitment['linked'], {
        targetKind: 'incident',
        targetId: incident['released'],
        bearing: 'breach',
      });
      links['withdrawn'] = await link(commitment['linked'], {
        targetKind: 'incident',
        targetId: incident['withdrawn'],
        bearing: 'compliance',
      });
      links['pending'] = await link(commitment['linked'], {
        targetKind: 'incident',
        targetId: incident['pending'],
        bearing: 'breach',
      });
      links['item'] = await link(commitment['linked'], {
        targetKind: 'info_item',
        targetId: item,
        bearing: 'compliance',
      });
      const { view } = await evidenceOf(commitment['linked']);
      assert.deepEqual(view, {
        commitmentId: commitment['linked'],
        incidentsRelease: null,
        evidence: [],
      });
      const unknown = await app.inject({
        url: '/api/v1/commitments/00000000-0000-4000-8000-000000000000/evidence',
      });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json<ErrorBody>().error.code, 'not_found');
      const malformed = await app.inject({ url: '/api/v1/commitments/not-an-id/evidence' });
      assert.equal(malformed.statusCode, 422);
      assert.equal(malformed.json<ErrorBody>().error.code, 'invalid_request');
    });

    it('lists the links to released incidents by their public ids in the release', async () => {
      const version = await release();
      const { body, view } = await evidenceOf(commitment['linked']!);
      assert.equal(view.incidentsRelease, version);
      const released = await releasedDays(version);
      // Both linked today: the order within a day is the random public ids'.
      assert.deepEqual(
        byDay(
          view.evidence.map((e) => [
            e.relation,
            e.linkedOn,
            e.releaseVersion,
            released.get(e.publicId),
          ]),
        ),
        [
          ['breach', today(), version, '2023-09-20'],
          ['compliance', today(), version, '2023-09-21'],
        ],
        'each public id names the released row of its incident',
      );
      const secrets = [
        ...Object.values(incident),
        ...Object.values(links),
        item,
        REASONING,
        'Petrosyan',
        analyst.id,
        analyst.name,
        'info_item',
        ...Object.values(PLANTED),
      ];
      for (const secret of secrets) assert.ok(!body.includes(secret), secret);
    });

    it('answers for a link to an unreleased incident exactly what it answers for no link', async () => {
      await link(commitment['pending']!, {
        targetKind: 'incident',
        targetId: incident['pending'],
        bearing: 'breach',
      });
      await link(commitment['pending']!, {
        targetKind: 'info_item',
        targetId: item,
        bearing: 'compliance',
      });
      const pending = (await evidenceOf(commitment['pending']!)).view;
      const bare = (await evidenceOf(commitment['bare']!)).view;
      assert.deepEqual(pending, { ...bare, commitmentId: commitment['pending'] });
      assert.deepEqual(pending.evidence, []);
    });

    it('drops a withdrawn link', async () => {
      const withdrawal = await app.inject({
        method: 'POST',
        url: `/api/v1/commitment-links/${links['withdrawn']!}/withdrawal`,
        headers: analyst.headers,
        payload: { reason: 'it was another checkpoint' },
      });
      assert.equal(withdrawal.statusCode, 200, withdrawal.body);
      const { body, view } = await evidenceOf(commitment['linked']!);
      assert.deepEqual(
        view.evidence.map((e) => e.relation),
        ['breach'],
      );
      assert.ok(!body.includes('another checkpoint'), 'nor its reason');
    });

    it('follows the latest release: new ids, and an incident once it is released', async () => {
      const before = (await evidenceOf(commitment['linked']!)).view.evidence;
      await db
        .updateTable('incident')
        .set({ state: 'published' })
        .where('id', '=', incident['pending']!)
        .execute();
      const version = await release();
      const released = await releasedDays(version);
      const { view } = await evidenceOf(commitment['linked']!);
      assert.deepEqual(
        byDay(view.evidence.map((e) => [e.relation, e.releaseVersion, released.get(e.publicId)])),
        [
          ['breach', version, '2023-09-20'],
          ['breach', version, '2023-09-22'],
        ],
      );
      const oldIds = new Set(before.map((e) => e.publicId));
      assert.ok(
        view.evidence.every((e) => !oldIds.has(e.publicId)),
        'ids are new per release',
      );
      const pending = (await evidenceOf(commitment['pending']!)).view.evidence;
      assert.deepEqual(
        pending.map((e) => released.get(e.publicId)),
        ['2023-09-22'],
      );
    });
  });
}
