import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { KyselyHeldCaseRepository } from './held-case.kysely.ts';
import type { HeldCase, HeldCaseTransition } from './held-case.repository.ts';
import { hoursAfterD0, newId, rejectsWith } from './passage.fixtures.ts';

function aCase(overrides: Partial<HeldCase> = {}): HeldCase {
  return {
    id: newId(),
    journeyId: newId(),
    personRef: newId(),
    state: 'reported',
    placeId: newId(),
    heldBy: 'border service',
    reportedAt: hoursAfterD0(30),
    updatedAt: hoursAfterD0(30),
    icrcNotifiedAt: null,
    version: 1,
    ...overrides,
  };
}

function confirm(id: string, overrides: Partial<HeldCaseTransition> = {}): HeldCaseTransition {
  return {
    id,
    from: 'reported',
    to: 'confirmed_held',
    expectedVersion: 1,
    at: hoursAfterD0(33),
    actor: 'analyst-1',
    progress: { icrcNotifiedAt: hoursAfterD0(32) },
    ...overrides,
  };
}

describeOnBothDatabases('held case repository', (open) => {
  it('stores a case and reads every column back', async () => {
    const { db } = await open();
    const cases = new KyselyHeldCaseRepository(db);
    const known = aCase();
    const unknown = aCase({ journeyId: null, personRef: null, placeId: null, heldBy: null });
    await cases.insert(known);
    await cases.insert(unknown);
    assert.deepEqual(await cases.get(known.id), known);
    assert.deepEqual(await cases.get(unknown.id), unknown);
    assert.deepEqual(await cases.listForJourney(known.journeyId!), [known]);
  });

  it('applies a transition with its progress and keeps the history', async () => {
    const { db } = await open();
    const cases = new KyselyHeldCaseRepository(db);
    const held = aCase();
    await cases.insert(held);
    await cases.transition(confirm(held.id));
    assert.deepEqual(await cases.get(held.id), {
      ...held,
      state: 'confirmed_held',
      version: 2,
      updatedAt: hoursAfterD0(33),
      icrcNotifiedAt: hoursAfterD0(32),
    });
    assert.deepEqual(await cases.history(held.id), [
      {
        version: 2,
        from: 'reported',
        to: 'confirmed_held',
        at: hoursAfterD0(33),
        actor: 'analyst-1',
      },
    ]);
  });

  it('refuses a stale version or a wrong state, and a case that does not exist', async () => {
    const { db } = await open();
    const cases = new KyselyHeldCaseRepository(db);
    const held = aCase();
    await cases.insert(held);
    await cases.transition(confirm(held.id));
    await rejectsWith(cases.transition(confirm(held.id)), 'conflict');
    await rejectsWith(cases.transition(confirm(held.id, { expectedVersion: 2 })), 'conflict');
    await rejectsWith(cases.transition(confirm(newId())), 'not_found');
    assert.equal((await cases.history(held.id)).length, 1);
  });

  it('lists cases by state, and those unresolved since before a cutoff', async () => {
    const { db } = await open();
    const cases = new KyselyHeldCaseRepository(db);
    const old = aCase({ state: 'whereabouts_unknown', reportedAt: hoursAfterD0(1) });
    const recent = aCase({ state: 'whereabouts_unknown', reportedAt: hoursAfterD0(100) });
    const released = aCase({ state: 'released', reportedAt: hoursAfterD0(1) });
    for (const heldCase of [recent, released, old]) await cases.insert(heldCase);
    const unknown = ['whereabouts_unknown'] as const;
    assert.deepEqual(await cases.list({ states: unknown, limit: 10 }), [old, recent]);
    assert.deepEqual(
      await cases.list({ states: unknown, reportedBefore: hoursAfterD0(72), limit: 10 }),
      [old],
    );
    assert.deepEqual(await cases.list({ states: unknown, limit: 1 }), [old]);
    assert.deepEqual(await cases.list({ states: [], limit: 10 }), []);
  });
});
