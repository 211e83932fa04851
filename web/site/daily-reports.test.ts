import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headlineCell, headlineSeries, standingDailyReports } from './daily-reports.ts';

const listed = (id: string, day: string, corrects: { id: string; kind: string } | null = null) => ({
  id,
  product: 'daily',
  periodTo: `${day}T15:30:00.000Z`,
  corrects,
});

describe('the daily report figures of the public site', () => {
  it('reads one standing daily report per day, oldest first: no retracted one, no correction', () => {
    const list = [
      listed('c', '2023-09-26', { id: 'b', kind: 'correction' }),
      listed('r', '2023-09-25', { id: 'a', kind: 'retraction' }),
      listed('b', '2023-09-26'),
      listed('a', '2023-09-25'),
      listed('z', '2023-09-24'),
      { ...listed('w', '2023-09-24'), product: 'weekly' },
    ];
    assert.deepEqual(
      standingDailyReports(list).map((b) => b.id),
      ['z', 'b'],
    );
  });

  it('keeps each published headline as published: a number, or its marker', () => {
    assert.equal(headlineCell({ kind: 'count', value: 12 }), 12);
    assert.equal(headlineCell({ kind: 'suppressed', reason: 'primary', threshold: 5 }), '<5');
    assert.equal(headlineCell({ kind: 'suppressed', reason: 'secondary' }), 'x');
    assert.equal(headlineCell(undefined), undefined);
    const series = headlineSeries(
      [
        {
          day: '2023-09-24',
          headlines: [
            { key: 'reported', value: { kind: 'count', value: 7 } },
            { key: 'verified', value: { kind: 'suppressed', reason: 'primary', threshold: 5 } },
          ],
        },
        { day: '2023-09-25', headlines: [{ key: 'reported', value: { kind: 'count', value: 0 } }] },
      ],
      ['reported', 'verified'],
    );
    assert.deepEqual(series, {
      days: ['2023-09-24', '2023-09-25'],
      lines: [
        { key: 'reported', cells: [7, 0] },
        { key: 'verified', cells: ['<5', undefined] },
      ],
    });
  });
});
