// The analysis routes: duplicate suggestions across channels (never merged, a dismissed pair
// never suggested again) and incident statistics, through HTTP with real sessions.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  insertIncident,
  insertItem,
  insertPlace,
} from '../../src/monitoring/analysis/analysis.fixtures.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const box = features.context.keyring.createSecretBox();
const analyst = test.staff.analyst.headers;
const coordinator = test.staff.coordinator.headers;

interface Suggestion {
  record: { kind: string; id: string; status: string };
  score: number;
  reasons: string[];
  decision: { decision: string; version: number } | null;
}

interface DecisionView {
  decision: { id: string; decision: string; version: number; actor: string };
  history: { decision: string; reason: string; actor: string }[];
}

const ACCOUNT = 'Two men detained at the Hakari bridge checkpoint by border guards';

async function aPair() {
  const place = await insertPlace(db);
  const incident = await insertIncident(db, box, { narrative: ACCOUNT });
  const item = await insertItem(db, box, { place_id: place, account: ACCOUNT.toUpperCase() });
  return { incident, item };
}

function suggestionsFor(path: string, headers = analyst) {
  return app.inject({ url: `/api/v1/duplicates/${path}`, headers });
}

function decide(body: Record<string, unknown>, headers = analyst) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/duplicates/decisions',
    headers,
    payload: body,
  });
}

describe('duplicate routes', () => {
  it('suggests across channels, records a dismissal, and never suggests the pair again', async () => {
    const { incident, item } = await aPair();
    const shown = await suggestionsFor(`info-items/${item}`);
    assert.equal(shown.statusCode, 200, shown.body);
    const [suggestion] = shown.json<{ suggestions: Suggestion[] }>().suggestions;
    assert.equal(suggestion?.record.id, incident);
    assert.ok(suggestion.reasons.includes('similar_text'));
    assert.ok(!shown.body.toLowerCase().includes('hakari'), 'no account text in the answer');
    const queue = await app.inject({ url: '/api/v1/duplicates?limit=50', headers: coordinator });
    assert.ok(queue.body.includes(item));
    const dismissed = await decide({
      pair: [
        { kind: 'incident', id: incident },
        { kind: 'info_item', id: item },
      ],
      decision: 'dismissed',
      reason: 'the caller describes the previous night',
      version: 0,
    });
    assert.equal(dismissed.statusCode, 201, dismissed.body);
    const view = dismissed.json<DecisionView>();
    assert.equal(view.decision.actor, test.staff.analyst.id);
    assert.equal(view.history[0]?.reason, 'the caller describes the previous night');
    const again = await suggestionsFor(`incidents/${incident}`);
    assert.ok(!again.body.includes(item));
    const afterQueue = await app.inject({ url: '/api/v1/duplicates?limit=50', headers: analyst });
    assert.ok(!afterQueue.body.includes(item));
    const read = await app.inject({
      url: `/api/v1/duplicates/decisions/${view.decision.id}`,
      headers: coordinator,
    });
    assert.deepEqual(read.json<DecisionView>(), view);
  });

  it('confirms a pair without merging it, then refuses a stale change', async () => {
    const { incident, item } = await aPair();
    const pair = [
      { kind: 'info_item', id: item },
      { kind: 'incident', id: incident },
    ];
    const confirmed = await decide({
      pair,
      decision: 'confirmed',
      reason: 'same men, same bridge',
      version: 0,
    });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    const row = await db
      .selectFrom('incident')
      .select(['state', 'merged_into'])
      .where('id', '=', incident)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.merged_into], ['triaged', null], 'nothing is merged');
    const shown = await suggestionsFor(`incidents/${incident}`);
    const mine = shown
      .json<{ suggestions: Suggestion[] }>()
      .suggestions.find((entry) => entry.record.id === item);
    assert.equal(mine?.decision?.decision, 'confirmed');
    const stale = await decide({
      pair,
      decision: 'dismissed',
      reason: 'on reflection',
      version: 0,
    });
    assert.equal(stale.statusCode, 409);
    const changed = await decide({
      pair,
      decision: 'dismissed',
      reason: 'on reflection',
      version: 1,
    });
    assert.equal(changed.json<DecisionView>().history.length, 2);
  });

  it('refuses bad pairs and unknown records', async () => {
    const { incident, item } = await aPair();
    const cases: [Record<string, unknown>, number][] = [
      [
        {
          pair: [{ kind: 'incident', id: incident }],
          decision: 'dismissed',
          reason: 'x',
          version: 0,
        },
        422,
      ],
      [
        {
          pair: [
            { kind: 'info_item', id: item },
            { kind: 'info_item', id: randomUUID() },
          ],
          decision: 'dismissed',
          reason: 'two items',
          version: 0,
        },
        422,
      ],
      [
        {
          pair: [
            { kind: 'incident', id: incident },
            { kind: 'incident', id: incident },
          ],
          decision: 'confirmed',
          reason: 'itself',
          version: 0,
        },
        422,
      ],
      [
        {
          pair: [
            { kind: 'incident', id: incident },
            { kind: 'incident', id: randomUUID() },
          ],
          decision: 'merged',
          reason: 'not a decision',
          version: 0,
        },
        422,
      ],
      [
        {
          pair: [
            { kind: 'incident', id: incident },
            { kind: 'incident', id: randomUUID() },
          ],
          decision: 'dismissed',
          reason: 'no such incident',
          version: 0,
        },
        404,
      ],
    ];
    for (const [body, status] of cases) {
      const response = await decide(body);
      assert.equal(response.statusCode, status, JSON.stringify(body));
    }
    assert.equal((await suggestionsFor(`incidents/${randomUUID()}`)).statusCode, 404);
    assert.equal((await suggestionsFor(`info-items/${randomUUID()}`)).statusCode, 404);
    assert.equal((await suggestionsFor('info-items/not-a-uuid')).statusCode, 422);
    assert.equal((await suggestionsFor(`incidents/${incident}?limit=0`)).statusCode, 422);
  });
});

describe('incident statistics route', () => {
  it('counts a period by event type, state, week and area', async () => {
    const place = await insertPlace(db, { adminCode: 'AM-VD' });
    for (const occurred of [
      '2021-03-01T10:00:00.000Z',
      '2021-03-02T10:00:00.000Z',
      '2021-03-09T10:00:00.000Z',
    ]) {
      await insertIncident(db, box, {
        occurred_start: occurred,
        place_id: place,
        state: 'verified',
      });
    }
    const response = await app.inject({
      url: '/api/v1/incident-statistics?from=2021-03-01&to=2021-03-15&adminCode=AM-VD',
      headers: test.staff.admin.headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<Record<string, unknown>>();
    assert.deepEqual(body, {
      period: { from: '2021-03-01T00:00:00.000Z', to: '2021-03-15T00:00:00.000Z' },
      total: 3,
      byEventType: [{ eventType: 'safe_passage', count: 3 }],
      bySubEventType: [{ subEventType: 'checkpoint_detention', count: 3 }],
      byState: [{ state: 'verified', count: 3 }],
      byWeek: [
        { week: '2021-W09', count: 2 },
        { week: '2021-W10', count: 1 },
      ],
      byArea: [{ area: 'AM-VD', kind: 'admin_area', count: 3 }],
    });
  });

  it('refuses a backward period and malformed filters', async () => {
    for (const query of [
      'from=2021-03-15&to=2021-03-01',
      'from=2021-03-01',
      'from=yesterday&to=2021-03-01',
      'from=2021-03-01&to=2021-03-15&state=lost',
      'from=2021-03-01&to=2021-03-15&subEventType=DROP%20TABLE',
      'from=2000-01-01&to=2021-03-15',
    ]) {
      const response = await app.inject({
        url: `/api/v1/incident-statistics?${query}`,
        headers: analyst,
      });
      assert.equal(response.statusCode, 422, query);
    }
  });
});
