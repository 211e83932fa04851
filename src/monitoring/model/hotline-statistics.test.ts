import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  datesOf,
  hotlineStatistics,
  nearestRank,
  responseSecondsBetween,
} from './hotline-statistics.ts';

describe('hotline statistics', () => {
  it('takes percentiles by nearest rank', () => {
    assert.equal(nearestRank([], 50), null);
    assert.equal(nearestRank([7], 90), 7);
    assert.equal(nearestRank([10, 20, 30, 40], 50), 20);
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(nearestRank([1, 2, 3], 0), 1);
    assert.equal(nearestRank([1, 2, 3], 101), null);
  });

  it('always answers an observed value within the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const value = nearestRank(sorted, p);
          return value !== null && sorted.includes(value);
        },
      ),
    );
  });

  it('measures the response in whole seconds', () => {
    assert.equal(
      responseSecondsBetween('2023-09-24T10:00:00.000Z', '2023-09-24T10:04:30.400Z'),
      270,
    );
    assert.ok(responseSecondsBetween('2023-09-24T10:00:00Z', '2023-09-24T09:00:00Z') < 0);
  });

  it('lists every day of the period, across a month end', () => {
    assert.deepEqual(datesOf({ from: '2023-09-29', to: '2023-10-02' }), [
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
    ]);
    assert.deepEqual(datesOf({ from: '2023-10-02', to: '2023-10-01' }), []);
  });

  it('counts contacts per day and their response times, leaving out other days', () => {
    const stats = hotlineStatistics(
      [
        { receivedAt: '2023-09-24T08:00:00.000Z', responseSeconds: 60 },
        { receivedAt: '2023-09-24T09:00:00.000Z', responseSeconds: 300 },
        { receivedAt: '2023-09-24T23:59:59.000Z', responseSeconds: null },
        { receivedAt: '2023-09-26T01:00:00.000Z', responseSeconds: 1200 },
        { receivedAt: '2023-09-27T01:00:00.000Z', responseSeconds: 5 },
      ],
      { from: '2023-09-24', to: '2023-09-26' },
    );
    assert.deepEqual(
      { ...stats, days: undefined },
      {
        from: '2023-09-24',
        to: '2023-09-26',
        contacts: 4,
        responded: 3,
        medianSeconds: 300,
        p90Seconds: 1200,
        days: undefined,
      },
    );
    assert.deepEqual(stats.days, [
      { date: '2023-09-24', contacts: 3, responded: 2, medianSeconds: 60, p90Seconds: 300 },
      { date: '2023-09-25', contacts: 0, responded: 0, medianSeconds: null, p90Seconds: null },
      { date: '2023-09-26', contacts: 1, responded: 1, medianSeconds: 1200, p90Seconds: 1200 },
    ]);
  });
});
