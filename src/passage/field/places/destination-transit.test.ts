import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { PlaceLeg } from '../../model/transit.ts';
import { transitToNearest } from './destination-transit.ts';

const leg = (fromId: string, toId: string, p95Minutes: number): PlaceLeg => ({
  fromId,
  toId,
  p95Minutes,
});

describe('transitToNearest', () => {
  it('sums the p95s along the shortest route to the nearest destination', () => {
    const legs = [
      leg('exit', 'bridge', 60),
      leg('bridge', 'reception', 120),
      leg('reception', 'centre', 90),
    ];
    assert.deepEqual(
      transitToNearest(legs, 'exit', (id) => id === 'centre'),
      { p95Minutes: 270 },
    );
  });

  it('takes the quicker of two routes and uses a leg stored one way in both directions', () => {
    const legs = [
      leg('bridge', 'a', 100),
      leg('a', 'centre', 100),
      leg('b', 'bridge', 50),
      leg('centre', 'b', 60),
    ];
    assert.deepEqual(
      transitToNearest(legs, 'bridge', (id) => id === 'centre'),
      { p95Minutes: 110 },
    );
  });

  it('keeps the longer p95 when a pair is stored twice, and skips a leg with no usable time', () => {
    const legs = [
      leg('x', 'y', 30),
      leg('y', 'x', 45),
      leg('x', 'z', Number.NaN),
      leg('x', 'z', -1),
    ];
    assert.deepEqual(
      transitToNearest(legs, 'x', (id) => id === 'y'),
      { p95Minutes: 45 },
    );
    assert.equal(
      transitToNearest(legs, 'x', (id) => id === 'z'),
      undefined,
    );
  });

  it('never counts the starting place as its own destination', () => {
    assert.equal(
      transitToNearest([leg('centre', 'town', 10)], 'centre', (id) => id === 'centre'),
      undefined,
    );
  });

  it('is never longer than any route it could take (property)', () => {
    const place = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(place, place, fc.nat({ max: 1000 })), { maxLength: 12 }),
        (edges) => {
          const legs = edges.map(([from, to, minutes]) => leg(from, to, minutes));
          const found = transitToNearest(legs, 'a', (id) => id === 'e');
          // A direct a–e leg (the longer p95 when stored twice) bounds the answer from above.
          const direct = edges
            .filter(([from, to]) => [from, to].sort().join() === 'a,e')
            .map(([, , minutes]) => minutes);
          if (direct.length > 0) {
            assert.ok(found !== undefined && found.p95Minutes <= Math.max(...direct));
          }
        },
      ),
    );
  });
});
