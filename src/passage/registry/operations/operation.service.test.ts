import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import type { Database } from '../../../store/schema.ts';
import { rejectsWith } from '../../database/passage.fixtures.ts';
import type { OperationState } from '../../model/states.ts';
import { REGISTRY_ACTOR, openTestRegistry } from '../registry.fixture.ts';
import type { TestRegistry } from '../registry.fixture.ts';

async function written(db: Kysely<Database>) {
  const count = async (table: 'operation' | 'operation_event' | 'sealed_record') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return [await count('operation'), await count('operation_event'), await count('sealed_record')];
}

async function convoyIn(registry: TestRegistry, path: readonly OperationState[]) {
  let operation = await registry.operations.create(
    { kind: 'convoy', name: 'Convoy 3', windowStart: '2023-09-26T06:00:00Z' },
    REGISTRY_ACTOR,
  );
  for (const to of path) {
    const reason = to === 'halted' ? 'road blocked' : undefined;
    operation = await registry.operations.transition(
      operation.id,
      { to, version: operation.version, ...(reason === undefined ? {} : { reason }) },
      REGISTRY_ACTOR,
    );
  }
  return operation;
}

describeOnBothDatabases('operation service', (open) => {
  it('creates a proposed operation, sealed, and moves it along the machine with history', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const origin = await registry.gazetteer.addPlace({
      kind: 'exit_post',
      names: { en: 'Exit post 1' },
      lat: 39.8,
      lon: 46.7,
    });
    const created = await registry.operations.create(
      { kind: 'open_window', name: 'Open window', originPlaceId: origin.id },
      REGISTRY_ACTOR,
    );
    assert.equal(created.state, 'proposed');
    assert.equal(created.originPlaceId, origin.id);
    const operation = await convoyIn(registry, [
      'agreed',
      'scheduled',
      'boarding',
      'in_transit',
      'halted',
      'in_transit',
    ]);
    assert.equal(operation.state, 'in_transit');
    assert.equal(operation.version, 7);
    assert.deepEqual(
      operation.history.map((event) => [event.from, event.to, event.reason]),
      [
        ['proposed', 'agreed', null],
        ['agreed', 'scheduled', null],
        ['scheduled', 'boarding', null],
        ['boarding', 'in_transit', null],
        ['in_transit', 'halted', 'road blocked'],
        ['halted', 'in_transit', null],
      ],
    );
    const seals = await db
      .selectFrom('sealed_record')
      .select(['visibility', 'version'])
      .where('id', '=', operation.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      seals.map((seal) => [seal.visibility, seal.version]),
      [1, 2, 3, 4, 5, 6, 7].map((version) => ['sealed', version]),
    );
    assert.deepEqual(
      (await registry.operations.list('in_transit')).map((op) => op.id),
      [operation.id],
    );
  });

  it('refuses an illegal move, a halt without reason and a stale version, writing nothing', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const operation = await convoyIn(registry, ['agreed', 'scheduled', 'in_transit']);
    const before = await written(db);
    const logged = registry.entries.length;
    const { id, version } = operation;
    await rejectsWith(
      registry.operations.transition(id, { to: 'closed', version }, REGISTRY_ACTOR),
      'invalid_transition',
    );
    await rejectsWith(
      registry.operations.transition(id, { to: 'halted', version }, REGISTRY_ACTOR),
      'invalid_request',
    );
    await rejectsWith(
      registry.operations.transition(id, { to: 'arrived', version: version - 1 }, REGISTRY_ACTOR),
      'conflict',
    );
    await rejectsWith(
      registry.operations.transition(randomUUID(), { to: 'arrived', version }, REGISTRY_ACTOR),
      'not_found',
    );
    assert.deepEqual(await written(db), before);
    assert.equal(registry.entries.length, logged);
  });

  it('refuses an unknown place, an inverted window and a taken id', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    const { id } = await registry.operations.create({ kind: 'convoy', name: 'C1' }, REGISTRY_ACTOR);
    const before = await written(db);
    await rejectsWith(
      registry.operations.create(
        { kind: 'convoy', name: 'C2', destinationPlaceId: randomUUID() },
        REGISTRY_ACTOR,
      ),
      'invalid_request',
    );
    await rejectsWith(
      registry.operations.create(
        {
          kind: 'convoy',
          name: 'C2',
          windowStart: '2023-09-26T06:00:00Z',
          windowEnd: '2023-09-26T05:00:00Z',
        },
        REGISTRY_ACTOR,
      ),
      'invalid_request',
    );
    await rejectsWith(
      registry.operations.create({ id, kind: 'convoy', name: 'C2' }, REGISTRY_ACTOR),
      'already_exists',
    );
    assert.deepEqual(await written(db), before);
  });
});
