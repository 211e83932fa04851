import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthlyTallies } from './commitment-timeline.ts';

describe('commitment timeline', () => {
  it('is empty without standing links', () => {
    assert.deepEqual(monthlyTallies([]), []);
    assert.deepEqual(
      monthlyTallies([
        { bearing: 'breach', evidenceAt: '2023-09-25T00:00:00.000Z', isWithdrawn: true },
      ]),
      [],
    );
  });

  it('counts breach and compliance per month, with quiet months at zero, across a year end', () => {
    const tallies = monthlyTallies([
      { bearing: 'compliance', evidenceAt: '2024-01-03T00:00:00.000Z', isWithdrawn: false },
      { bearing: 'breach', evidenceAt: '2023-11-30T23:00:00.000Z', isWithdrawn: false },
      { bearing: 'breach', evidenceAt: '2023-11-01T00:00:00.000Z', isWithdrawn: false },
      { bearing: 'compliance', evidenceAt: '2023-11-15T00:00:00.000Z', isWithdrawn: true },
      { bearing: 'compliance', evidenceAt: '2023-11-16T00:00:00.000Z', isWithdrawn: false },
    ]);
    assert.deepEqual(tallies, [
      { month: '2023-11', breach: 2, compliance: 1 },
      { month: '2023-12', breach: 0, compliance: 0 },
      { month: '2024-01', breach: 0, compliance: 1 },
    ]);
  });
});
