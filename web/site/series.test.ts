import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  chartData,
  checkpointSeries,
  checkpointsOf,
  dayRange,
  plottable,
  recordsPerDay,
} from './series.ts';

const passage = (date: string, code: string, direction: string, people: number | string) => ({
  date,
  checkpoint: `Checkpoint ${code}`,
  checkpoint_code: code,
  direction,
  people,
  vehicles: 'x',
});

describe('the chart series of the public site', () => {
  it('draws only published numbers: a suppressed cell is a gap, never zero or a guess', () => {
    assert.equal(plottable(40), 40);
    assert.equal(plottable(0), 0);
    for (const marker of ['<5', '<10', 'x', '', null, undefined, '40']) {
      assert.equal(plottable(marker), null, String(marker));
    }
  });

  const rows = [
    passage('2023-09-25', 'A', 'out', 40),
    passage('2023-09-24', 'A', 'out', '<5'),
    passage('2023-09-24', 'B', 'out', 10),
    passage('2023-09-26', 'B', 'in', 'x'),
    passage('2023-09-26', 'A', 'out', '<10'),
  ];

  it('lists the checkpoints of a release once each, in order', () => {
    assert.deepEqual(checkpointsOf(rows), [
      { code: 'A', name: 'Checkpoint A' },
      { code: 'B', name: 'Checkpoint B' },
    ]);
  });

  it("keeps one checkpoint's cells as released, per direction, on every day of the release", () => {
    const a = checkpointSeries(rows, 'A', { column: 'people', directions: ['out', 'in'] });
    assert.deepEqual(a.days, ['2023-09-24', '2023-09-25', '2023-09-26']);
    assert.deepEqual(a.lines, [{ direction: 'out', cells: ['<5', 40, '<10'] }]);
    const b = checkpointSeries(rows, 'B', { column: 'people', directions: ['out', 'in'] });
    assert.deepEqual(b.lines, [
      { direction: 'out', cells: [10, undefined, undefined] },
      { direction: 'in', cells: [undefined, undefined, 'x'] },
    ]);
    assert.deepEqual(
      chartData(
        a.days,
        a.lines.map((line) => line.cells),
      ),
      [
        [0, 1, 2],
        [null, 40, null],
      ],
    );
  });

  it('never turns a suppressed cell into a number in any series', () => {
    const cellArb = fc.oneof(
      fc.constantFrom('<5', '<10', 'x'),
      fc.nat(100).map((n) => n * 10),
    );
    const rowArb = fc
      .tuple(fc.integer({ min: 10, max: 24 }), fc.constantFrom('A', 'B', 'C'), cellArb)
      .map(([day, code, cell]) => passage(`2023-09-${String(day)}`, code, 'out', cell));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (many) => {
        for (const { code } of checkpointsOf(many)) {
          const series = checkpointSeries(many, code, { column: 'people', directions: ['out'] });
          const [, ...drawn] = chartData(
            series.days,
            series.lines.map((line) => line.cells),
          );
          series.lines.forEach((line, l) => {
            line.cells.forEach((cell, d) => {
              assert.equal(drawn[l]?.[d], typeof cell === 'number' ? cell : null);
            });
          });
        }
      }),
    );
  });

  it('lists every day of a range, across a month end', () => {
    assert.deepEqual(dayRange('2023-09-29', '2023-10-02'), [
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
    ]);
    assert.deepEqual(dayRange('2023-10-02', '2023-10-01'), []);
  });

  it('counts released records per day and value, with zeros on days without one', () => {
    const incidents = [
      { reporting_date: '2023-09-24', event_type: 'Battles' },
      { reporting_date: '2023-09-26', event_type: 'Strategic developments' },
      { reporting_date: '2023-09-26', event_type: 'Strategic developments' },
      { reporting_date: '2023-09-24', event_type: 'Strategic developments' },
      { reporting_date: null, event_type: 'Battles' },
    ];
    assert.deepEqual(
      recordsPerDay(incidents, { dayColumn: 'reporting_date', column: 'event_type' }),
      {
        days: ['2023-09-24', '2023-09-25', '2023-09-26'],
        lines: [
          { key: 'Strategic developments', counts: [1, 0, 2] },
          { key: 'Battles', counts: [1, 0, 0] },
        ],
      },
    );
    assert.deepEqual(recordsPerDay([], { dayColumn: 'reporting_date', column: 'event_type' }), {
      days: [],
      lines: [],
    });
  });
});
