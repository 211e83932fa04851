import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { haversineKm } from './geo-distance.ts';

const point = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('haversineKm', () => {
  it('measures known distances', () => {
    // One degree of longitude on the equator: 2πR/360.
    assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) - 111.195) < 0.01);
    // Yerevan – Goris, about 200 km as the crow flies.
    const km = haversineKm({ lat: 40.1792, lon: 44.4991 }, { lat: 39.5111, lon: 46.3417 });
    assert.ok(km > 170 && km < 180, String(km));
    // Antipodes: half the circumference, without NaN from rounding.
    assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }) - 20015.1) < 0.1);
  });

  it('is symmetric, non-negative and 0 for the same point', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const km = haversineKm(a, b);
        assert.equal(km, haversineKm(b, a));
        assert.ok(km >= 0 && km <= 20_016);
        assert.equal(haversineKm(a, a), 0);
      }),
    );
  });
});
