// The tracing-request routes: the hotline opens a request for a family (requester and sought
// person by pseudonym only), and moves it through the tracing machine.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TracingRequest } from '../../src/passage/database/tracing.repository.ts';
import { aHousehold } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app, features } = test.vigil;
const db = features.context.db;
const hotline = test.staff.hotline.headers;

interface View {
  request: TracingRequest;
  history: { from: string; to: string }[];
}

function open(body: Record<string, unknown>, headers = hotline) {
  return app.inject({ method: 'POST', url: '/api/v1/tracing-requests', headers, payload: body });
}

function transition(id: string, body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/tracing-requests/${id}/transitions`,
    headers: hotline,
    payload: body,
  });
}

describe('tracing-request routes', () => {
  it('opens a request for a caller known only by contact, kept as a stable pseudonym', async () => {
    const contact = '+374 77 918 273';
    const first = await open({ requesterContact: contact });
    assert.equal(first.statusCode, 201, first.body);
    const second = await open({ requesterContact: '+37477918273' });
    const a = first.json<View>().request;
    const b = second.json<View>().request;
    assert.equal(a.state, 'opened');
    assert.equal(a.requesterRef, b.requesterRef, 'the same caller, the same pseudonym');
    assert.match(a.requesterRef, /^[A-Za-z0-9_-]{43}$/);
    for (const file of readdirSync(test.dataDir).filter((name) => name.includes('.sqlite'))) {
      const bytes = readFileSync(join(test.dataDir, file)).toString('latin1');
      assert.ok(!bytes.includes('77918273') && !bytes.includes('918 273'), file);
      assert.ok(!bytes.includes('77 918'), file);
    }
  });

  it('opens a request about a household and a sought person', async () => {
    const household = aHousehold();
    await passageStoreOn(db).households.insertMany({
      households: [household],
      members: [],
      checks: [],
    });
    const requesterRef = crypto.randomUUID();
    const soughtPersonRef = crypto.randomUUID();
    const response = await open({ householdId: household.id, requesterRef, soughtPersonRef });
    assert.equal(response.statusCode, 201, response.body);
    const request = response.json<View>().request;
    assert.deepEqual(
      [request.householdId, request.requesterRef, request.soughtPersonRef],
      [household.id, requesterRef, soughtPersonRef],
    );
    const read = await app.inject({
      url: `/api/v1/tracing-requests/${request.id}`,
      headers: test.staff.analyst.headers,
    });
    assert.deepEqual(read.json<View>(), { request, history: [] });
  });

  it('refuses a request with no requester, with two, or about an unknown household', async () => {
    for (const body of [
      {},
      { requesterRef: crypto.randomUUID(), requesterContact: '+37411111111' },
      { requesterRef: 'Anna Petrosyan' },
      { requesterRef: crypto.randomUUID(), householdId: crypto.randomUUID() },
      { requesterContact: 'ab' },
    ]) {
      const response = await open(body);
      assert.equal(response.statusCode, 422, JSON.stringify(body));
    }
  });

  it('moves a request through the machine and lists it by state', async () => {
    const opened = (await open({ requesterRef: crypto.randomUUID() })).json<View>().request;
    const searching = await transition(opened.id, { to: 'active_search', version: 1 });
    assert.equal(searching.statusCode, 200, searching.body);
    const sought = crypto.randomUUID();
    const found = await transition(opened.id, {
      to: 'located_alive',
      version: 2,
      soughtPersonRef: sought,
    });
    const view = found.json<View>();
    assert.equal(view.request.soughtPersonRef, sought);
    assert.deepEqual(
      view.history.map((event) => [event.from, event.to]),
      [
        ['opened', 'active_search'],
        ['active_search', 'located_alive'],
      ],
    );
    const listed = await app.inject({
      url: '/api/v1/tracing-requests?state=located_alive',
      headers: test.staff.coordinator.headers,
    });
    const ids = listed.json<{ requests: TracingRequest[] }>().requests.map((item) => item.id);
    assert.ok(ids.includes(opened.id));
    assert.ok(ids.every((id) => id === opened.id));
  });

  it('answers 409 for a stale version or an illegal move and 404 for no request', async () => {
    const opened = (await open({ requesterRef: crypto.randomUUID() })).json<View>().request;
    const stale = await transition(opened.id, { to: 'active_search', version: 2 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'conflict');
    const illegal = await transition(opened.id, { to: 'reunified', version: 1 });
    assert.equal(illegal.json<{ error: { code: string } }>().error.code, 'invalid_transition');
    const missing = await transition(crypto.randomUUID(), { to: 'closed', version: 1 });
    assert.equal(missing.statusCode, 404);
    const stored = await passageStoreOn(db).tracing.get(opened.id);
    assert.equal(stored?.version, 1);
  });
});
