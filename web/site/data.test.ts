import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countBy, countByPair, lastDays } from './data.ts';

describe('the public site summaries', () => {
  const rows = [
    { date: '2023-09-24', kind: 'delay', status: 'verified' },
    { date: '2023-09-26', kind: 'denial', status: 'verified' },
    { date: '2023-09-25', kind: 'delay', status: 'verified_corrected' },
    { date: '2023-09-26', kind: 'delay', status: 'verified' },
  ];

  it('keeps the rows of the last days, newest first', () => {
    assert.deepEqual(
      lastDays(rows, 'date', 2).map((row) => row['date']),
      ['2023-09-26', '2023-09-26', '2023-09-25'],
    );
    assert.deepEqual(lastDays([], 'date', 7), []);
  });

  it('counts records by a column, most first, and by a pair of columns', () => {
    assert.deepEqual(countBy(rows, 'kind'), [
      ['delay', 3],
      ['denial', 1],
    ]);
    assert.deepEqual(countByPair(rows, 'kind', 'status'), [
      { key: 'delay', counts: { verified: 2, verified_corrected: 1 } },
      { key: 'denial', counts: { verified: 1 } },
    ]);
  });
});
