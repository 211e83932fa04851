import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { combineLegs, expectedArrivalBy, transitForRoute } from './transit.ts';

const departedAt = new Date('2023-09-26T08:00:00Z');
const isInvalidRequest = (e: unknown): boolean =>
  e instanceof DomainError && e.code === 'invalid_request';

describe('expectedArrivalBy', () => {
  it('adds the p95 and the slack to the departure', () => {
    const by = expectedArrivalBy(departedAt, { p95Minutes: 240 }, 60);
    assert.equal(by.toISOString(), '2023-09-26T13:00:00.000Z');
  });

  it('adds no slack unless asked', () => {
    const by = expectedArrivalBy(departedAt, { p95Minutes: 72 * 60 });
    assert.equal(by.toISOString(), '2023-09-29T08:00:00.000Z');
  });

  it('refuses negative or non-finite minutes and an invalid departure', () => {
    assert.throws(() => expectedArrivalBy(departedAt, { p95Minutes: -1 }), isInvalidRequest);
    assert.throws(() => expectedArrivalBy(departedAt, { p95Minutes: 1 }, NaN), isInvalidRequest);
    assert.throws(() => expectedArrivalBy(new Date(NaN), { p95Minutes: 1 }), isInvalidRequest);
  });
});

describe('combineLegs', () => {
  it('sums the p95 of the legs, zero for none', () => {
    assert.deepEqual(combineLegs([{ p95Minutes: 90 }, { p95Minutes: 2880 }]), {
      p95Minutes: 2970,
    });
    assert.deepEqual(combineLegs([]), { p95Minutes: 0 });
  });

  it('refuses a leg with an invalid p95', () => {
    assert.throws(() => combineLegs([{ p95Minutes: Infinity }]), isInvalidRequest);
  });

  it('never expects a route to take less than its longest leg', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000).map((p95Minutes) => ({ p95Minutes }))), (legs) => {
        const total = combineLegs(legs).p95Minutes;
        for (const leg of legs) assert.ok(total >= leg.p95Minutes);
      }),
    );
  });
});

describe('transitForRoute', () => {
  const legs = [
    { fromId: 'exit-post', toId: 'bridge', p95Minutes: 120 },
    { fromId: 'reception', toId: 'bridge', p95Minutes: 30 },
    { fromId: 'bridge', toId: 'reception', p95Minutes: 45 },
  ];

  it('sums the legs between consecutive stops, a leg stored one way serving both', () => {
    assert.deepEqual(transitForRoute(legs, ['exit-post', 'bridge', 'reception']), {
      p95Minutes: 165,
    });
    assert.deepEqual(transitForRoute(legs, ['bridge', 'exit-post']), { p95Minutes: 120 });
  });

  it('takes the longer p95 when a pair is stored twice', () => {
    assert.deepEqual(transitForRoute(legs, ['reception', 'bridge']), { p95Minutes: 45 });
  });

  it('refuses a gazetteer leg with a negative p95', () => {
    assert.throws(
      () => transitForRoute([{ fromId: 'a', toId: 'b', p95Minutes: -5 }], ['a', 'b']),
      isInvalidRequest,
    );
  });

  it('answers undefined when a leg of the route is unknown', () => {
    assert.equal(transitForRoute(legs, ['exit-post', 'reception']), undefined);
  });

  it('answers zero for a route of one stop or none', () => {
    assert.deepEqual(transitForRoute(legs, ['bridge']), { p95Minutes: 0 });
    assert.deepEqual(transitForRoute([], []), { p95Minutes: 0 });
  });
});
