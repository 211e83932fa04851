import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { UNKNOWN_WEEK, foldIntoWeeks, isoWeekOf, isoWeekRanges } from './iso-week.ts';

describe('isoWeekOf', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    const cases: [string, string][] = [
      ['2023-09-24', '2023-W38'], // a Sunday: the end of its week
      ['2023-09-25', '2023-W39'], // the Monday after
      ['2021-01-03', '2020-W53'],
      ['2025-12-29', '2026-W01'],
      ['2026-12-31', '2026-W53'],
      ['2027-01-01', '2026-W53'],
      ['2027-01-04', '2027-W01'],
      ['2024-02-29', '2024-W09'],
      ['0050-01-01', '0049-W52'], // the year as written, not 1950
    ];
    for (const [day, week] of cases) assert.equal(isoWeekOf(day), week, day);
  });

  it('refuses what is not a calendar day', () => {
    for (const day of ['2023-02-30', '2023-13-01', '2023-9-24', '2023-09-24T10:00', '', 'week']) {
      assert.equal(isoWeekOf(day), undefined, day);
    }
  });

  it('puts the seven days from a Monday in one week, and the next Monday in the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (daysAfterEpoch) => {
        const monday = Date.UTC(1970, 0, 5) + daysAfterEpoch * 7 * 86_400_000;
        const dayOf = (offset: number) =>
          new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);
        const week = isoWeekOf(dayOf(0));
        for (let offset = 1; offset < 7; offset++) assert.equal(isoWeekOf(dayOf(offset)), week);
        assert.notEqual(isoWeekOf(dayOf(7)), week);
      }),
    );
  });
});

describe('foldIntoWeeks', () => {
  it('sums days into weeks in order, unreadable days last, keeping the total', () => {
    assert.deepEqual(
      foldIntoWeeks([
        { day: '2023-09-25', count: 4 },
        { day: 'garbage', count: 1 },
        { day: '2023-09-24', count: 2 },
        { day: '2023-09-30', count: 3 },
      ]),
      [
        { week: '2023-W38', count: 2 },
        { week: '2023-W39', count: 7 },
        { week: UNKNOWN_WEEK, count: 1 },
      ],
    );
    assert.deepEqual(foldIntoWeeks([]), []);
  });
});

describe('isoWeekRanges', () => {
  it('cuts a period at Mondays 00:00 UTC, keeping its own ends', () => {
    assert.deepEqual(isoWeekRanges('2023-09-24T12:00:00.000Z', '2023-10-03T06:00:00.000Z'), [
      { week: '2023-W38', from: '2023-09-24T12:00:00.000Z', to: '2023-09-25T00:00:00.000Z' },
      { week: '2023-W39', from: '2023-09-25T00:00:00.000Z', to: '2023-10-02T00:00:00.000Z' },
      { week: '2023-W40', from: '2023-10-02T00:00:00.000Z', to: '2023-10-03T06:00:00.000Z' },
    ]);
  });

  it('is empty for an empty, backward or unreadable period', () => {
    assert.deepEqual(isoWeekRanges('2023-09-24T00:00:00.000Z', '2023-09-24T00:00:00.000Z'), []);
    assert.deepEqual(isoWeekRanges('2023-09-25T00:00:00.000Z', '2023-09-24T00:00:00.000Z'), []);
    assert.deepEqual(isoWeekRanges('garbage', '2023-09-24T00:00:00.000Z'), []);
  });

  it('labels weeks beyond year 9999 as unknown rather than misnaming them', () => {
    const [range] = isoWeekRanges('+010000-01-03T00:00:00.000Z', '+010000-01-04T00:00:00.000Z');
    assert.equal(range?.week, UNKNOWN_WEEK);
  });

  it('tiles any period exactly, each range inside one ISO week', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 * 86_400_000 }), (start, length) => {
        const from = new Date(start).toISOString();
        const to = new Date(start + length).toISOString();
        const ranges = isoWeekRanges(from, to);
        assert.equal(ranges[0]?.from, from);
        assert.equal(ranges.at(-1)?.to, to);
        ranges.forEach((range, i) => {
          assert.ok(range.from < range.to);
          if (i > 0) assert.equal(range.from, ranges[i - 1]?.to);
          const lastMs = new Date(Date.parse(range.to) - 1).toISOString().slice(0, 10);
          assert.equal(isoWeekOf(lastMs), range.week);
          assert.equal(isoWeekOf(range.from.slice(0, 10)), range.week);
        });
        assert.equal(new Set(ranges.map((range) => range.week)).size, ranges.length);
      }),
    );
  });
});
