// The commitment register over HTTP: analysts register a party's commitment with its
// translations (published to anyone), link an incident as evidence of a breach with their
// reasoning, and read the commitment over time; links stay staff-only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countRows,
  insertIncident,
  insertInfoItem,
} from '../../src/monitoring/commitments/commitments.fixtures.ts';
import type {
  CommitmentTimeline,
  PublicCommitment,
} from '../../src/monitoring/commitments/commitment.service.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const analyst = test.staff.analyst.headers;

const COMMITMENT = {
  party: 'Party A',
  language: 'az',
  text: 'Mülki şəxslər sərbəst şəkildə gedə bilərlər.',
  translations: { en: 'Civilians may leave freely.', hy: 'Քաղաքացիները կարող են ազատ հեռանալ։' },
  madeOn: '2023-09-21',
  sourceRef: 'Statement 21/09/2023, No. 114',
  scope: 'Residents leaving through the bridge checkpoint',
};

async function register(body: object = COMMITMENT, headers = analyst) {
  return app.inject({ method: 'POST', url: '/api/v1/commitments', headers, payload: body });
}

describe('commitment routes', () => {
  it('registers a commitment with translations that anyone can read', async () => {
    const response = await register();
    assert.equal(response.statusCode, 201, response.body);
    const { commitment } = response.json<PublicCommitment>();
    const published = await app.inject({ url: `/api/v1/commitments/${commitment.id}` });
    assert.equal(published.statusCode, 200);
    const view = published.json<PublicCommitment>();
    assert.deepEqual(view.commitment.translations, COMMITMENT.translations);
    assert.equal(view.commitment.text, COMMITMENT.text);
    assert.ok(!published.body.includes(test.staff.analyst.name));
    assert.ok(!('actor' in (view.versions[0] ?? {})), 'the recorder is not published');
    const list = await app.inject({ url: '/api/v1/commitments' });
    const ids = list.json<{ commitments: { id: string }[] }>().commitments.map((c) => c.id);
    assert.ok(ids.includes(commitment.id));
  });

  it('lets neither monitors nor anonymous callers write the register', async () => {
    assert.equal((await register(COMMITMENT, test.staff.monitor.headers)).statusCode, 403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/commitments',
      payload: COMMITMENT,
    });
    assert.equal(anonymous.statusCode, 401);
    const before = await countRows(db);
    assert.equal((await register({ ...COMMITMENT, party: '' })).statusCode, 422);
    assert.deepEqual(await countRows(db), before);
  });

  it('links an incident as a breach with reasoning and shows it in the view over time', async () => {
    const { commitment } = (await register()).json<PublicCommitment>();
    const incident = await insertIncident(db, '2023-09-26T14:00:00.000Z');
    const item = await insertInfoItem(db, '2023-10-03T09:00:00.000Z', null);
    const reasoning = 'Detention at the exit contradicts the guarantee of free departure.';
    const linked = await app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/links`,
      headers: analyst,
      payload: { targetKind: 'incident', targetId: incident, bearing: 'breach', reasoning },
    });
    assert.equal(linked.statusCode, 201, linked.body);
    const compliance = await app.inject({
      method: 'POST',
      url: `/api/v1/commitments/${commitment.id}/links`,
      headers: test.staff.coordinator.headers,
      payload: { targetKind: 'info_item', targetId: item, bearing: 'compliance', reasoning: 'ok' },
    });
    assert.equal(compliance.statusCode, 201, compliance.body);
    const timeline = await app.inject({
      url: `/api/v1/commitments/${commitment.id}/timeline`,
      headers: test.staff.hotline.headers,
    });
    assert.equal(timeline.statusCode, 200, timeline.body);
    const view = timeline.json<CommitmentTimeline>();
    assert.deepEqual(
      view.links.map((link) => [link.targetKind, link.bearing, link.reasoning]),
      [
        ['incident', 'breach', reasoning],
        ['info_item', 'compliance', 'ok'],
      ],
    );
    assert.equal(view.links[0]?.linkedBy, test.staff.analyst.id);
    assert.deepEqual(view.months, [
      { month: '2023-09', breach: 1, compliance: 0 },
      { month: '2023-10', breach: 0, compliance: 1 },
    ]);
    const anonymous = await app.inject({ url: `/api/v1/commitments/${commitment.id}/timeline` });
    assert.equal(anonymous.statusCode, 401, 'links are staff-only for now');
    const publicView = await app.inject({ url: `/api/v1/commitments/${commitment.id}` });
    assert.ok(!publicView.body.includes(reasoning));

    const linkId = linked.json<{ id: string }>().id;
    const withdrawal = await app.inject({
      method: 'POST',
      url: `/api/v1/commitment-links/${linkId}/withdrawal`,
      headers: analyst,
      payload: { reason: 'the detainee was released within the hour' },
    });
    assert.equal(withdrawal.statusCode, 200, withdrawal.body);
    const after = (
      await app.inject({ url: `/api/v1/commitments/${commitment.id}/timeline`, headers: analyst })
    ).json<CommitmentTimeline>();
    assert.equal(after.links.length, 2, 'a withdrawn link is kept');
    assert.deepEqual(after.months, [{ month: '2023-10', breach: 0, compliance: 1 }]);
  });

  it('revises a commitment at the version read and answers 409 for a stale one', async () => {
    const { commitment } = (await register()).json<PublicCommitment>();
    const url = `/api/v1/commitments/${commitment.id}/versions`;
    const revised = await app.inject({
      method: 'POST',
      url,
      headers: analyst,
      payload: { version: 1, translations: { en: 'Civilians may leave.' }, reason: 'official' },
    });
    assert.equal(revised.statusCode, 200, revised.body);
    assert.deepEqual(
      revised.json<PublicCommitment>().versions.map((version) => version.translations),
      [COMMITMENT.translations, { en: 'Civilians may leave.' }],
    );
    const stale = await app.inject({
      method: 'POST',
      url,
      headers: analyst,
      payload: { version: 1, scope: 'all', reason: 'late' },
    });
    assert.equal(stale.statusCode, 409);
  });
});
