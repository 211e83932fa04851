import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';
import { KyselyTracingRepository } from './tracing.kysely.ts';
import type { TracingRequest } from './tracing.repository.ts';

function aRequest(overrides: Partial<TracingRequest> = {}): TracingRequest {
  return {
    id: newId(),
    soughtPersonRef: null,
    requesterRef: newId(),
    householdId: newId(),
    state: 'opened',
    openedAt: hoursAfterD0(26),
    updatedAt: hoursAfterD0(26),
    version: 1,
    ...overrides,
  };
}

describeOnBothDatabases('tracing repository', (open) => {
  it('stores a request and finds it by household', async () => {
    const { db } = await open();
    const tracing = new KyselyTracingRepository(db);
    const request = aRequest();
    await tracing.insert(request);
    await tracing.insert(aRequest());
    assert.deepEqual(await tracing.get(request.id), request);
    assert.deepEqual(await tracing.listForHousehold(request.householdId!), [request]);
    assert.equal(await tracing.get(newId()), undefined);
  });

  it('records the sought person when a transition matches one, with history', async () => {
    const { db } = await open();
    const tracing = new KyselyTracingRepository(db);
    const request = aRequest();
    await tracing.insert(request);
    const personRef = newId();
    const change = { id: request.id, at: hoursAfterD0(30), actor: 'hotline-2' };
    await tracing.transition({
      ...change,
      from: 'opened',
      to: 'active_search',
      expectedVersion: 1,
    });
    await tracing.transition({
      ...change,
      from: 'active_search',
      to: 'located_alive',
      expectedVersion: 2,
      soughtPersonRef: personRef,
    });
    const stored = await tracing.get(request.id);
    assert.equal(stored?.state, 'located_alive');
    assert.equal(stored.soughtPersonRef, personRef);
    assert.equal(stored.version, 3);
    assert.deepEqual(await tracing.listForSoughtPerson(personRef), [stored]);
    assert.deepEqual(
      (await tracing.history(request.id)).map((event) => [event.version, event.to]),
      [
        [2, 'active_search'],
        [3, 'located_alive'],
      ],
    );
  });

  it('refuses a stale version, and a request that does not exist', async () => {
    const { db } = await open();
    const tracing = new KyselyTracingRepository(db);
    const request = aRequest();
    await tracing.insert(request);
    const change = {
      from: 'opened',
      to: 'active_search',
      expectedVersion: 1,
      at: hoursAfterD0(27),
      actor: 'a',
    } as const;
    await tracing.transition({ ...change, id: request.id });
    await rejectsWith(tracing.transition({ ...change, id: request.id }), 'conflict');
    await rejectsWith(tracing.transition({ ...change, id: newId() }), 'not_found');
  });

  it('lists open requests oldest first, at most the limit', async () => {
    const { db } = await open();
    const tracing = new KyselyTracingRepository(db);
    const first = aRequest({ openedAt: hoursAfterD0(1) });
    const second = aRequest({ state: 'active_search', openedAt: hoursAfterD0(2) });
    const closed = aRequest({ state: 'closed', openedAt: hoursAfterD0(0) });
    for (const request of [second, closed, first]) await tracing.insert(request);
    assert.deepEqual(await tracing.list(['opened', 'active_search'], 10), [first, second]);
    assert.deepEqual(await tracing.list(['opened', 'active_search'], 1), [first]);
    assert.deepEqual(await tracing.list([], 10), []);
  });
});
