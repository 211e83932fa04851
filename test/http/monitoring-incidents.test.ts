// The incident routes: open from information items, revise the toll as new versions, the
// two-person rule for verified and cleared-for-publication, reopening by new information,
// merging a duplicate, linking passage cases, and the audited narrative read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aContent,
  itemStatus,
  seedCases,
  seedItems,
} from '../../src/monitoring/incidents/incident.fixtures.ts';
import type { IncidentView } from '../../src/monitoring/incidents/incident-view.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const analyst = test.staff.analyst.headers;
const coordinator = test.staff.coordinator.headers;

function post(url: string, payload: object, headers = analyst) {
  return app.inject({ method: 'POST', url, headers, payload });
}

async function openIncident(state = 'triaged', killed = 20): Promise<IncidentView> {
  const itemIds = await seedItems(db, 2);
  const response = await post('/api/v1/incidents', {
    itemIds,
    state,
    content: aContent(killed),
    reason: 'two calls about the depot',
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<IncidentView>();
}

async function read(id: string, headers = analyst): Promise<IncidentView> {
  const response = await app.inject({ url: `/api/v1/incidents/${id}`, headers });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<IncidentView>();
}

function move(id: string, to: string, version: number, headers = analyst) {
  return post(`/api/v1/incidents/${id}/transitions`, { to, version, reason: 'checked' }, headers);
}

describe('incident routes', () => {
  it('opens an incident from items and marks them linked', async () => {
    const view = await openIncident();
    assert.equal(view.incident.state, 'triaged');
    assert.equal(view.items.length, 2);
    for (const item of view.items) assert.equal(await itemStatus(db, item.itemId), 'linked');
    assert.ok(!JSON.stringify(view).includes('site guard'), 'no narrative in the view');
  });

  it('revises the toll 20 → 68 → 170 → 218 and keeps all four versions', async () => {
    const { incident } = await openIncident();
    let version = incident.version;
    for (const killed of [68, 170, 218]) {
      const response = await post(`/api/v1/incidents/${incident.id}/versions`, {
        version,
        reason: `hospital figures: ${String(killed)}`,
        content: aContent(killed),
      });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json<IncidentView>().incident.version;
    }
    const view = await read(incident.id);
    assert.deepEqual(
      view.versions.map((entry) => [entry.version, entry.content.tolls.killed.best]),
      [
        [1, 20],
        [2, 68],
        [3, 170],
        [4, 218],
      ],
    );
    const stale = await post(`/api/v1/incidents/${incident.id}/versions`, {
      version: 2,
      reason: 'late',
      content: aContent(999),
    });
    assert.equal(stale.statusCode, 409);
    assert.equal((await read(incident.id)).incident.tolls.killed.best, 218);
  });

  it('refuses figures out of order and writes nothing', async () => {
    const { incident } = await openIncident();
    const content = aContent(20);
    content.tolls = { ...content.tolls, killed: { low: 30, best: 20, high: 40 } };
    const response = await post(`/api/v1/incidents/${incident.id}/versions`, {
      version: 1,
      reason: 'typo',
      content,
    });
    assert.equal(response.statusCode, 422);
    assert.equal((await read(incident.id)).versions.length, 1);
  });

  it('needs two different users to verify and to clear: one user cannot do both', async () => {
    const { incident } = await openIncident();
    const id = incident.id;
    assert.equal((await move(id, 'under_verification', 1)).statusCode, 200);
    const proposal = await move(id, 'verified', 2);
    assert.equal(proposal.statusCode, 202, proposal.body);
    assert.equal(
      proposal.json<{ approval: { proposedBy: string } }>().approval.proposedBy,
      test.staff.analyst.id,
    );
    const self = await move(id, 'verified', 2);
    assert.equal(self.statusCode, 403);
    assert.equal(self.json<{ error: { code: string } }>().error.code, 'two_person_rule');
    assert.equal((await read(id)).incident.state, 'under_verification');
    const confirmed = await move(id, 'verified', 2, coordinator);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const verified = confirmed.json<IncidentView>();
    assert.equal(verified.incident.state, 'verified');
    assert.deepEqual(
      [verified.transitions.at(-1)?.actor, verified.transitions.at(-1)?.proposedBy],
      [test.staff.coordinator.id, test.staff.analyst.id],
    );
    assert.equal((await move(id, 'cleared_for_publication', 3, coordinator)).statusCode, 202);
    assert.equal((await move(id, 'cleared_for_publication', 3, coordinator)).statusCode, 403);
    assert.equal((await move(id, 'cleared_for_publication', 3)).statusCode, 200);
    assert.equal((await move(id, 'published', 4)).statusCode, 200);
    const corrected = await post(`/api/v1/incidents/${id}/versions`, {
      version: 5,
      reason: 'toll revised after publication',
      content: aContent(68, { publicSummary: 'An explosion at a fuel depot killed at least 68.' }),
    });
    assert.equal(corrected.json<IncidentView>().incident.state, 'corrected');
  });

  it('reopens an unverified incident when new information is linked', async () => {
    const { incident } = await openIncident();
    await move(incident.id, 'under_verification', 1);
    await move(incident.id, 'unverified', 2);
    const [itemId] = await seedItems(db, 1);
    const response = await post(`/api/v1/incidents/${incident.id}/items`, {
      itemIds: [itemId],
      reason: 'a second witness called',
    });
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json<IncidentView>();
    assert.equal(view.incident.state, 'under_verification');
    assert.deepEqual(
      [view.transitions.at(-1)?.from, view.transitions.at(-1)?.reason],
      ['unverified', 'a second witness called'],
    );
  });

  it('merges a duplicate into another incident', async () => {
    const target = await openIncident();
    const { incident } = await openIncident('received');
    assert.equal((await move(incident.id, 'duplicate', 1)).statusCode, 200);
    const direct = await move(incident.id, 'merged', 2);
    assert.equal(direct.statusCode, 409, 'merged comes only with the incident it went into');
    const response = await post(`/api/v1/incidents/${incident.id}/merge`, {
      into: target.incident.id,
      version: 2,
      reason: 'same event, two channels',
    });
    assert.equal(response.statusCode, 200, response.body);
    const merged = response.json<IncidentView>().incident;
    assert.deepEqual([merged.state, merged.mergedInto], ['merged', target.incident.id]);
  });

  it('links a held-person case and a tracing request', async () => {
    const { incident } = await openIncident();
    const { heldCaseId, tracingRequestId } = await seedCases(db);
    const url = `/api/v1/incidents/${incident.id}/cases`;
    assert.equal((await post(url, { caseKind: 'held_case', caseId: heldCaseId })).statusCode, 201);
    const second = await post(url, { caseKind: 'tracing_request', caseId: tracingRequestId });
    assert.equal(second.statusCode, 201);
    assert.deepEqual(
      second
        .json<IncidentView>()
        .cases.map((c) => [c.caseKind, c.caseId])
        .sort(),
      [
        ['held_case', heldCaseId],
        ['tracing_request', tracingRequestId],
      ],
    );
    assert.equal((await post(url, { caseKind: 'held_case', caseId: heldCaseId })).statusCode, 409);
  });

  it('reads the narrative as an audited read; the hotline only lists', async () => {
    const { incident } = await openIncident();
    const narrative = await app.inject({
      url: `/api/v1/incidents/${incident.id}/narrative?purpose=verification`,
      headers: coordinator,
    });
    assert.equal(narrative.statusCode, 200);
    assert.match(narrative.json<{ narrative: string }>().narrative, /fuel depot/);
    const audits = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('subject_ref', '=', incident.id)
      .execute();
    assert.deepEqual(
      audits.map((a) => [a.actor, a.action]),
      [[test.staff.coordinator.id, 'incident.narrative_read']],
    );
    const hotline = test.staff.hotline.headers;
    const list = await app.inject({ url: '/api/v1/incidents?limit=1', headers: hotline });
    assert.equal(list.statusCode, 200);
    const page = list.json<{ incidents: unknown[]; next: string | null }>();
    assert.equal(page.incidents.length, 1);
    assert.ok(page.next !== null);
    const next = await app.inject({
      url: `/api/v1/incidents?limit=1&after=${page.next}`,
      headers: hotline,
    });
    assert.equal(next.statusCode, 200);
    const bad = await app.inject({ url: '/api/v1/incidents?after=xyz', headers: hotline });
    assert.equal(bad.statusCode, 422);
    assert.equal(
      (await app.inject({ url: `/api/v1/incidents/${incident.id}`, headers: hotline })).statusCode,
      403,
    );
  });
});
