// The daily report's reconciliation table as published: every outcome row and the departed
// total pass the disclosure rules, and the identity departed = arrived + held + turned back +
// died + en route + unaccounted never gives a hidden row away — checked by the attacker written
// apart from the disclosure module (test/support/recovery-attacker.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Flagged } from '../../../test/support/recovery-attacker.ts';
import { readRelease, recoveredEntries } from '../../../test/support/recovery-attacker.ts';
import { formatCell } from '../disclosure/published-cell.ts';
import type { DisclosedTable, PublishedCell } from '../disclosure/published-cell.ts';
import type { RawCounts } from './bulletin-counts.kysely.ts';
import { bulletinFigures } from './bulletin-figures.ts';
import type { FigureSection } from './bulletin-figures.ts';
import type { ReconciliationCounts } from './bulletin-reconciliation.kysely.ts';
import { departedOf, noReconciliation } from './bulletin-reconciliation.kysely.ts';
import { DEPARTED_ROW, reconciliationSection } from './bulletin-reconciliation.ts';

const ORDER = ['arrived', 'held', 'turnedBack', 'died', 'enRoute', 'unaccounted'] as const;
const SENSITIVE = [false, true, false, true, false, false];
const THRESHOLDS = SENSITIVE.map((flag) => (flag ? 10 : 5));

const countsOf = (values: readonly number[]): ReconciliationCounts => {
  const counts = noReconciliation();
  ORDER.forEach((key, index) => {
    counts[key] = values[index] ?? 0;
  });
  return counts;
};

const texts = (section: FigureSection) =>
  section.rows.map((row) => [row.key, row.cells.map((cell) => formatCell(cell)).join()]);

/**
 * What the attacker reads: the published cells, with every published count given back exactly
 * (a reader of the rounded figures knows less, so this attacker is the stronger one).
 */
function attackerView(section: FigureSection, counts: ReconciliationCounts) {
  const truth = [...ORDER.map((key) => counts[key]), departedOf(counts)];
  const exact = section.rows.map((row, index): PublishedCell => {
    const cell = row.cells[0];
    assert.ok(cell !== undefined);
    return cell.kind === 'count' ? { kind: 'count', value: truth[index] ?? -1 } : cell;
  });
  const cells = exact.slice(0, ORDER.length);
  const total = exact[ORDER.length];
  assert.ok(total !== undefined);
  const input: Flagged = {
    counts: truth.slice(0, ORDER.length).map((value) => [value]),
    sensitiveRows: SENSITIVE,
    sensitiveColumns: [false],
  };
  const published: DisclosedTable = {
    cells: cells.map((cell) => [cell]),
    rowTotals: cells,
    columnTotals: [total],
    grandTotal: total,
    withheld: false,
    pattern: [],
  };
  return { input, published };
}

function recovered(section: FigureSection, counts: ReconciliationCounts): string[] {
  const { input, published } = attackerView(section, counts);
  return recoveredEntries([{ counts: input.counts, seen: readRelease(input, published) }], 'alone');
}

describe('the reconciliation table of a daily report', () => {
  it('publishes a busy day row by row, rounded to 10, the departed last', () => {
    const counts = countsOf([1234, 16, 41, 12, 118, 25]);
    const section = reconciliationSection(counts);
    assert.equal(section.key, 'reconciliation');
    assert.deepEqual(section.columns, ['count']);
    assert.deepEqual(texts(section), [
      ['reconciliation.arrived', '1,230'],
      ['reconciliation.held', '20'],
      ['reconciliation.turnedBack', '40'],
      ['reconciliation.died', '10'],
      ['reconciliation.enRoute', '120'],
      ['reconciliation.unaccounted', '30'],
      [DEPARTED_ROW, '1,450'],
    ]);
  });

  it('hides a small held count as "<10" and another row, so the identity cannot recover it', () => {
    const counts = countsOf([1234, 3, 40, 0, 120, 25]);
    const section = reconciliationSection(counts);
    const cells = section.rows.map((row) =>
      formatCell(row.cells[0] ?? { kind: 'count', value: 0 }),
    );
    assert.equal(cells[1], '<10');
    assert.ok(cells.includes('x'), `a complement is hidden too: ${cells.join(' ')}`);
    assert.equal(cells[3], '0', 'a true zero is published');
    // Without the complement, departed minus the other rows would be the held count.
    assert.deepEqual(recovered(section, counts), []);
  });

  it('hides deaths on the road under the threshold of 10', () => {
    const section = reconciliationSection(countsOf([400, 20, 30, 7, 50, 10]));
    assert.equal(formatCell(section.rows[3]?.cells[0] ?? { kind: 'count', value: 0 }), '<10');
    const ten = reconciliationSection(countsOf([400, 20, 30, 10, 50, 10]));
    assert.equal(formatCell(ten.rows[3]?.cells[0] ?? { kind: 'count', value: 0 }), '10');
  });

  it('never publishes a small count and never lets one be recovered (random days)', () => {
    const day = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 300 })),
      {
        minLength: ORDER.length,
        maxLength: ORDER.length,
      },
    );
    fc.assert(
      fc.property(day, (values) => {
        const counts = countsOf(values);
        const section = reconciliationSection(counts);
        const truth = [...values, departedOf(counts)];
        section.rows.forEach((row, index) => {
          const cell = row.cells[0];
          const threshold = index < ORDER.length ? (THRESHOLDS[index] ?? 5) : 10;
          const value = truth[index] ?? 0;
          if (cell?.kind === 'count' && value !== 0) assert.ok(value >= threshold, row.key);
          if (value > 0 && value < threshold) assert.equal(cell?.kind, 'suppressed', row.key);
        });
        assert.deepEqual(recovered(section, counts), [], values.join(' '));
      }),
      { numRuns: 300 },
    );
  });

  it('is in the daily report after the passages, and absent when no reconciliation is given', () => {
    const raw: RawCounts = {
      passages: [],
      incidentsReported: 0,
      detentionsReported: 0,
      incidentsVerified: 0,
      killed: 0,
      injured: 0,
      restrictions: { denial: 0, conditional_access: 0, delay: 0, other_impediment: 0 },
      hotlineResponded: 0,
      hotlineUnanswered: 0,
    };
    const names = new Map<string, Record<string, string>>();
    const daily = bulletinFigures(
      { current: raw, days: [], previous: null, reconciliation: countsOf([50, 0, 0, 0, 0, 0]) },
      names,
    );
    assert.deepEqual(
      daily.sections.map((section) => section.key),
      ['passages', 'reconciliation', 'incidents', 'restrictions', 'hotline'],
    );
    const weekly = bulletinFigures({ current: raw, days: [], previous: null }, names);
    assert.ok(!weekly.sections.some((section) => section.key === 'reconciliation'));
  });
});
