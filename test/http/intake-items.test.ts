// Information items through every staff, partner and device channel, and the triage queue:
// paging, grading history, the audited account read, setting aside.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedCorridor, signedCapture } from '../../src/passage/field/field.fixtures.ts';
import type { SyncItem } from '../../src/sync/capture-handler.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
const db = test.vigil.features.context.db;
const { analyst, coordinator, hotline } = test.staff;
const corridor = await seedCorridor(db);
const partner = { authorization: `Bearer ${test.partnerToken}` };

interface Item {
  id: string;
  channel: string;
  credibility: number;
  status: string;
  collectedBy: string;
  receivedAt: string;
  version: number;
}
interface ItemView {
  item: Item;
  gradings: { version: number; credibility: number; reason: string; actor: string }[];
}

const report = (account: string) => ({ account, language: 'hy', placeId: corridor.bridge });

function post(url: string, payload: unknown, headers: Record<string, string> = analyst.headers) {
  return app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
}

async function getItem(id: string): Promise<ItemView> {
  const response = await app.inject({ url: `/api/v1/info-items/${id}`, headers: analyst.headers });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<ItemView>();
}

async function sync(items: SyncItem[]): Promise<{ id: string; status: string; code?: string }[]> {
  const response = await post(
    '/api/v1/sync',
    { items },
    { authorization: `Bearer ${test.device.token}` },
  );
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ results: { id: string; status: string; code?: string }[] }>().results;
}

describe('intake channels', () => {
  it('takes a hotline call (hotline calls only) and a staff entry of another channel', async () => {
    const call = await post(
      '/api/v1/info-items',
      report('caller saw a bus stopped'),
      hotline.headers,
    );
    assert.equal(call.statusCode, 201, call.body);
    const { item } = await getItem(call.json<{ id: string }>().id);
    assert.deepEqual([item.channel, item.credibility, item.status], ['hotline_call', 6, 'new']);
    const refused = await post(
      '/api/v1/info-items',
      { ...report('x'), channel: 'patrol_report' },
      hotline.headers,
    );
    assert.equal(refused.statusCode, 403);
    const entered = await post('/api/v1/info-items', {
      ...report('patrol notes typed up'),
      channel: 'patrol_report',
      receivedAt: '2023-09-25T10:00:00+04:00',
      access: { escorted: true },
    });
    assert.equal(entered.statusCode, 201, entered.body);
    const view = await getItem(entered.json<{ id: string }>().id);
    assert.deepEqual(
      [view.item.channel, view.item.receivedAt],
      ['patrol_report', '2023-09-25T06:00:00.000Z'],
    );
    const future = await post('/api/v1/info-items', {
      ...report('x'),
      receivedAt: '2999-01-01T00:00:00Z',
    });
    assert.equal(future.statusCode, 422);
  });

  it('takes a partner report with the partner token only, answering its id', async () => {
    const response = await post(
      '/api/v1/partner-reports',
      report('NGO field team: 3 detained'),
      partner,
    );
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(body).sort(), ['id', 'receivedAt', 'version']);
    const { item } = await getItem(String(body['id']));
    assert.equal(item.channel, 'partner_report');
    const unknownPlace = await post(
      '/api/v1/partner-reports',
      { ...report('x'), placeId: crypto.randomUUID() },
      partner,
    );
    assert.equal(unknownPlace.statusCode, 422);
    const withSource = await post(
      '/api/v1/partner-reports',
      { ...report('x'), sourceId: crypto.randomUUID() },
      partner,
    );
    assert.equal(withSource.statusCode, 422, 'partners name no source');
    assert.equal((await post('/api/v1/partner-reports', report('x'))).statusCode, 403);
  });

  it('applies signed monitor_observation and patrol_report captures once each', async () => {
    const observation = signedCapture(test.device, 'monitor_observation', {
      ...report('men 18-45 sent to secondary screening'),
      proximity: 'eyewitness',
      access: { privateInterview: false, escorted: true, placeDenied: false },
    });
    const patrol = signedCapture(test.device, 'patrol_report', {
      ...report('road blocked'),
      eventType: 'denial_of_passage',
    });
    const bad = signedCapture(test.device, 'patrol_report', { account: '', language: 'hy' });
    const results = await sync([observation, patrol, bad]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied', 'applied', 'rejected'],
    );
    assert.equal(results[2]?.code, 'invalid_request');
    assert.equal((await sync([observation]))[0]?.status, 'duplicate', 'a retry stores nothing new');
    const seen = await getItem(observation.id);
    assert.deepEqual(
      [seen.item.channel, seen.item.receivedAt, seen.item.collectedBy],
      ['monitor_observation', observation.capturedAt, test.staff.monitor.id],
    );
    assert.equal((await getItem(patrol.id)).item.channel, 'patrol_report');
    const stored = await db.selectFrom('info_item').select('id').where('id', '=', bad.id).execute();
    assert.deepEqual(stored, []);
  });
});

describe('triage queue', () => {
  it('pages new items oldest first with an opaque cursor', async () => {
    for (const account of ['one', 'two', 'three']) {
      await post('/api/v1/partner-reports', report(account), partner);
    }
    const seen: string[] = [];
    let url = '/api/v1/info-items?status=new&limit=2';
    for (let page = 0; page < 50; page++) {
      const response = await app.inject({ url, headers: coordinator.headers });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json<{ items: Item[]; next: string | null }>();
      seen.push(...body.items.map((item) => item.receivedAt));
      if (body.next === null) break;
      url = `/api/v1/info-items?status=new&limit=2&after=${body.next}`;
    }
    assert.ok(seen.length >= 3);
    assert.deepEqual(seen, [...seen].sort());
    const bad = await app.inject({
      url: '/api/v1/info-items?after=bm9wZQ',
      headers: analyst.headers,
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(
      (await app.inject({ url: '/api/v1/info-items', headers: hotline.headers })).statusCode,
      403,
    );
  });

  it('grades with history, reads the account audited, and sets aside', async () => {
    const created = await post(
      '/api/v1/partner-reports',
      report('Ani saw the convoy turned back'),
      partner,
    );
    const id = created.json<{ id: string }>().id;
    const graded = await post(`/api/v1/info-items/${id}/grading`, {
      credibility: 3,
      reason: 'single source',
      version: 1,
    });
    assert.equal(graded.statusCode, 200, graded.body);
    const regraded = await post(
      `/api/v1/info-items/${id}/grading`,
      { credibility: 2, reason: 'second source', version: 2 },
      coordinator.headers,
    );
    assert.deepEqual(
      regraded.json<ItemView>().gradings.map((g) => [g.version, g.credibility, g.actor]),
      [
        [2, 3, analyst.id],
        [3, 2, coordinator.id],
      ],
    );
    assert.equal(
      (await post(`/api/v1/info-items/${id}/grading`, { credibility: 7, reason: 'x', version: 3 }))
        .statusCode,
      422,
    );
    const before = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('kind', '=', 'audit.item_account_read')
      .execute();
    const read = await post(`/api/v1/info-items/${id}/account`, { purpose: 'verification' });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json<{ account: string }>().account, 'Ani saw the convoy turned back');
    assert.equal(read.headers['cache-control'], 'no-store');
    const after = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('kind', '=', 'audit.item_account_read')
      .execute();
    assert.equal(after.length, before.length + 1);
    assert.match(after.at(-1)?.record ?? '', new RegExp(`"itemId":"${id}"`));
    const aside = await post(`/api/v1/info-items/${id}/set-aside`, {
      reason: 'duplicate of a call',
      version: 3,
    });
    assert.equal(aside.json<ItemView>().item.status, 'set_aside');
    const again = await post(`/api/v1/info-items/${id}/set-aside`, { reason: 'x', version: 4 });
    assert.equal(again.statusCode, 409);
  });
});
