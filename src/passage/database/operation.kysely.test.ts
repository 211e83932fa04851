import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyOperationRepository } from './operation.kysely.ts';
import type { OperationTransition } from './operation.repository.ts';
import { anOperation, hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';

function halt(id: string, overrides: Partial<OperationTransition> = {}): OperationTransition {
  return {
    id,
    from: 'in_transit',
    to: 'halted',
    expectedVersion: 1,
    at: hoursAfterD0(9),
    actor: 'coordinator-1',
    reason: 'road blocked at km 42',
    ...overrides,
  };
}

describeOnBothDatabases('operation repository', (open) => {
  it('stores an operation and reads every column back', async () => {
    const { db } = await open();
    const operations = new KyselyOperationRepository(db);
    const convoy = anOperation();
    const window = anOperation({
      kind: 'open_window',
      state: 'proposed',
      originPlaceId: null,
      destinationPlaceId: null,
      windowStart: null,
      windowEnd: null,
    });
    await operations.insert(convoy);
    await operations.insert(window);
    assert.deepEqual(await operations.get(convoy.id), convoy);
    assert.deepEqual(await operations.get(window.id), window);
    assert.equal(await operations.get(newId()), undefined);
  });

  it('lists operations by state, undated windows last', async () => {
    const { db } = await open();
    const operations = new KyselyOperationRepository(db);
    const early = anOperation({ windowStart: hoursAfterD0(1) });
    const late = anOperation({ windowStart: hoursAfterD0(5) });
    const undated = anOperation({ windowStart: null });
    const closed = anOperation({ state: 'closed' });
    for (const operation of [undated, late, closed, early]) await operations.insert(operation);
    assert.deepEqual(
      (await operations.list(['in_transit'])).map((operation) => operation.id),
      [early.id, late.id, undated.id],
    );
    assert.equal((await operations.list()).length, 4);
    assert.deepEqual(await operations.list([]), []);
  });

  it('moves through transitions and keeps them as history with reasons', async () => {
    const { db } = await open();
    const operations = new KyselyOperationRepository(db);
    const convoy = anOperation();
    await operations.insert(convoy);
    await operations.transition(halt(convoy.id));
    await operations.transition(
      halt(convoy.id, {
        from: 'halted',
        to: 'in_transit',
        expectedVersion: 2,
        at: hoursAfterD0(11),
        reason: null,
      }),
    );
    const stored = await operations.get(convoy.id);
    assert.equal(stored?.state, 'in_transit');
    assert.equal(stored.version, 3);
    assert.equal(stored.stateReason, null);
    assert.equal(stored.updatedAt, hoursAfterD0(11));
    assert.deepEqual(await operations.history(convoy.id), [
      {
        version: 2,
        from: 'in_transit',
        to: 'halted',
        reason: 'road blocked at km 42',
        at: hoursAfterD0(9),
        actor: 'coordinator-1',
      },
      {
        version: 3,
        from: 'halted',
        to: 'in_transit',
        reason: null,
        at: hoursAfterD0(11),
        actor: 'coordinator-1',
      },
    ]);
  });

  it('refuses a stale version with a conflict and writes no history', async () => {
    const { db } = await open();
    const operations = new KyselyOperationRepository(db);
    const convoy = anOperation();
    await operations.insert(convoy);
    await operations.transition(halt(convoy.id));
    await rejectsWith(operations.transition(halt(convoy.id, { to: 'aborted' })), 'conflict');
    assert.equal((await operations.get(convoy.id))?.state, 'halted');
    assert.equal((await operations.history(convoy.id)).length, 1);
  });

  it('answers not_found for an operation that does not exist', async () => {
    const { db } = await open();
    await rejectsWith(new KyselyOperationRepository(db).transition(halt(newId())), 'not_found');
  });
});
