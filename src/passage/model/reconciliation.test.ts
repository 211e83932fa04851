import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { JourneySnapshot } from './journey-outcome.ts';
import { reconcile } from './reconciliation.ts';
import type { ReconciliationGroup, ReconciliationGrouping } from './reconciliation.ts';
import { JOURNEY_STATES } from './states.ts';
import type { JourneyState } from './states.ts';

const asOf = new Date('2023-09-27T12:00:00Z');
const before = new Date('2023-09-27T11:00:00Z');
const after = new Date('2023-09-27T13:00:00Z');
const GROUPINGS: readonly ReconciliationGrouping[] = [
  'vehicle',
  'operation',
  'checkpoint',
  'day',
  'all',
];

function journey(id: string, state: JourneyState, extra: Partial<JourneySnapshot> = {}) {
  return { id, state, vehicleId: 'bus-1', expectedBy: after, ...extra };
}

function balance(g: ReconciliationGroup): number {
  return g.arrived + g.held + g.turnedBack + g.died + g.enRoute + g.unaccounted;
}

describe('reconcile', () => {
  it('counts each column of DOMAIN.md §4 for one bus', () => {
    const journeys = [
      journey('a', 'listed'),
      journey('b', 'no_show'),
      journey('c', 'boarded'),
      journey('d', 'passed', { expectedBy: before }),
      journey('e', 'held_secondary'),
      journey('f', 'detained'),
      journey('g', 'unknown'),
      journey('h', 'turned_back'),
      journey('i', 'died_en_route'),
      journey('j', 'medevac'),
      journey('k', 'arrived'),
      journey('l', 'registered_at_arrival'),
      journey('m', 'released', { expectedBy: before }),
    ];
    assert.deepEqual(reconcile(journeys, { asOf, groupBy: 'vehicle' }), [
      {
        key: 'bus-1',
        departed: 11,
        arrived: 3,
        medevac: 1,
        held: 3,
        turnedBack: 1,
        died: 1,
        enRoute: 1,
        unaccounted: 2,
        unaccountedIds: ['d', 'm'],
      },
    ]);
  });

  it('keeps a person en route up to the expected time and unaccounted after it', () => {
    const [atDeadline] = reconcile([journey('a', 'passed', { expectedBy: asOf })], {
      asOf,
      groupBy: 'all',
    });
    assert.equal(atDeadline?.enRoute, 1);
    const [pastIt] = reconcile([journey('a', 'passed', { expectedBy: before })], {
      asOf,
      groupBy: 'all',
    });
    assert.deepEqual(pastIt?.unaccountedIds, ['a']);
  });

  it('counts a person on the road with no valid expected time as unaccounted', () => {
    const journeys = [
      journey('a', 'boarded', { expectedBy: undefined }),
      journey('b', 'boarded', { expectedBy: null }),
      journey('c', 'boarded', { expectedBy: new Date(Number.NaN) }),
    ];
    const [total] = reconcile(journeys, { asOf, groupBy: 'all' });
    assert.deepEqual(total?.unaccountedIds, ['a', 'b', 'c']);
  });

  it('counts a state it does not know as departed and unaccounted', () => {
    const strange = journey('a', 'evacuated' as JourneyState);
    const [total] = reconcile([strange], { asOf, groupBy: 'all' });
    assert.equal(total?.departed, 1);
    assert.deepEqual(total.unaccountedIds, ['a']);
  });

  it('makes no group for people who never departed', () => {
    assert.deepEqual(reconcile([journey('a', 'listed')], { asOf, groupBy: 'vehicle' }), []);
  });

  it('groups by vehicle, operation and first checkpoint, sorted, the null group last', () => {
    const journeys = [
      journey('a', 'arrived', { vehicleId: 'v2', operationId: 'op', firstCheckpointId: 'cp' }),
      journey('b', 'arrived', { vehicleId: null }),
      journey('c', 'arrived', { vehicleId: 'v1' }),
    ];
    const keys = (groupBy: ReconciliationGrouping) =>
      reconcile(journeys, { asOf, groupBy }).map((g) => g.key);
    assert.deepEqual(keys('vehicle'), ['v1', 'v2', null]);
    assert.deepEqual(keys('operation'), ['op', null]);
    assert.deepEqual(keys('checkpoint'), ['cp', null]);
    assert.deepEqual(keys('all'), ['all']);
  });

  it('groups by the UTC date of departure', () => {
    const journeys = [
      journey('a', 'arrived', { departedAt: new Date('2023-09-25T01:30:00+04:00') }),
      journey('b', 'arrived', { departedAt: new Date('2023-09-24T23:59:59Z') }),
      journey('c', 'arrived', { departedAt: new Date('2023-09-25T00:00:00Z') }),
      journey('d', 'arrived'),
      journey('e', 'arrived', { departedAt: new Date(Number.NaN) }),
    ];
    const groups = reconcile(journeys, { asOf, groupBy: 'day' });
    assert.deepEqual(
      groups.map((g) => [g.key, g.departed]),
      [
        ['2023-09-24', 2],
        ['2023-09-25', 1],
        [null, 2],
      ],
    );
  });

  it('balances every group and lists every unaccounted person once, for random journeys', () => {
    const arbitraryJourneys = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        state: fc.constantFrom(...JOURNEY_STATES),
        vehicleId: fc.option(fc.constantFrom('v1', 'v2', 'v3')),
        operationId: fc.option(fc.constantFrom('o1', 'o2')),
        firstCheckpointId: fc.option(fc.constantFrom('c1', 'c2')),
        departedAt: fc.option(fc.date({ min: new Date('2023-09-20'), max: asOf })),
        expectedBy: fc.option(
          fc.date({ min: new Date('2023-09-20'), max: new Date('2023-10-05') }),
        ),
      }),
      { selector: (j) => j.id, maxLength: 200 },
    );
    fc.assert(
      fc.property(arbitraryJourneys, fc.constantFrom(...GROUPINGS), (journeys, groupBy) => {
        const groups = reconcile(journeys, { asOf, groupBy });
        const ids = groups.flatMap((g) => g.unaccountedIds);
        for (const g of groups) {
          assert.equal(g.departed, balance(g));
          assert.equal(g.unaccounted, g.unaccountedIds.length);
          assert.ok(g.medevac <= g.arrived);
        }
        assert.equal(new Set(ids).size, ids.length);
        const departed = journeys.filter((j) => j.state !== 'listed' && j.state !== 'no_show');
        assert.equal(
          groups.reduce((sum, g) => sum + g.departed, 0),
          departed.length,
        );
        const late = departed.filter(
          (j) =>
            ['boarded', 'passed', 'released'].includes(j.state) &&
            !((j.expectedBy?.getTime() ?? NaN) >= asOf.getTime()),
        );
        assert.deepEqual(new Set(ids), new Set(late.map((j) => j.id)));
      }),
    );
  });

  it('reconciles 200,000 journeys by vehicle into one group per vehicle', () => {
    // Speed is measured by `npm run bench`, not asserted here.
    const states: JourneyState[] = ['arrived', 'registered_at_arrival', 'passed', 'boarded'];
    const journeys: JourneySnapshot[] = Array.from({ length: 200_000 }, (_, i) => ({
      id: `j${i}`,
      state: states[i % 4]!,
      vehicleId: `v${Math.floor(i / 5)}`,
      departedAt: new Date(Date.UTC(2023, 8, 24) + i * 3_000),
      expectedBy: i % 1000 === 2 ? before : after,
    }));
    const groups = reconcile(journeys, { asOf, groupBy: 'vehicle' });
    assert.equal(groups.length, 40_000);
    assert.equal(
      groups.reduce((sum, group) => sum + group.unaccounted, 0),
      200,
    );
  });
});
