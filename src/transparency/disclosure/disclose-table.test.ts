import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discloseFigure, discloseTable } from './disclose-table.ts';
import { printed, refusal } from './disclosure.fixtures.ts';
import { STANDARD_POLICY } from './disclosure-policy.ts';

describe('discloseTable', () => {
  it('never leans on a total another output publishes', () => {
    const counts = [
      [1, 5],
      [5, 1],
    ];
    // Alone, hiding every total protects the two 1s.
    assert.equal(discloseTable({ counts }).withheld, false);
    // If a bulletin publishes the grand total (12), the hidden entries must add up to it, and
    // with complements of at least 5 the 1s would be forced: nothing short of withholding works.
    const known = discloseTable({ counts, publishedElsewhere: { grandTotal: true } });
    assert.equal(known.withheld, true);
    const rows = discloseTable({ counts, publishedElsewhere: { rowTotals: [true, false] } });
    assert.equal(rows.withheld, true);
    const columns = discloseTable({ counts, publishedElsewhere: { columnTotals: [false, true] } });
    assert.equal(columns.withheld, true);
  });

  it('refuses totals published elsewhere that do not fit the table (bad_shape)', () => {
    const counts = [
      [1, 2],
      [3, 4],
    ];
    assert.throws(
      () => discloseTable({ counts, publishedElsewhere: { rowTotals: [true] } }),
      refusal('bad_shape'),
    );
    assert.throws(
      () => discloseTable({ counts, publishedElsewhere: { columnTotals: [true, true, true] } }),
      refusal('bad_shape'),
    );
  });

  it('publishes a table without small counts unchanged, totals included', () => {
    assert.deepEqual(
      printed(
        discloseTable({
          counts: [
            [12, 30],
            [40, 25],
          ],
        }),
      ),
      [
        ['12', '30', '42'],
        ['40', '25', '65'],
        ['52', '55', '107'],
      ],
    );
  });

  it('prints a small count as "<5" and hides the cheapest complements', () => {
    const table = discloseTable({
      counts: [
        [12, 3],
        [40, 25],
      ],
    });
    // 3 alone would follow from 15 − 12; hiding the rectangle 12, 40, 25 leaves it free.
    assert.deepEqual(printed(table), [
      ['x', '<5', '15'],
      ['x', 'x', '65'],
      ['52', '28', '80'],
    ]);
    assert.deepEqual(table.cells[0], [
      { kind: 'suppressed', reason: 'secondary' },
      { kind: 'suppressed', reason: 'primary', threshold: 5 },
    ]);
  });

  it('shows a true zero as 0, unless its category suppresses zeros', () => {
    assert.deepEqual(
      printed(
        discloseTable({
          counts: [
            [0, 30],
            [40, 25],
          ],
        }),
      )[0],
      ['0', '30', '30'],
    );
    const policy = {
      ...STANDARD_POLICY,
      categories: { quiet: { threshold: 5, suppressZero: true } },
    };
    const table = discloseTable(
      {
        counts: [
          [0, 30],
          [40, 25],
        ],
        rowCategories: ['quiet', undefined],
      },
      policy,
    );
    assert.deepEqual(table.cells[0]![0], { kind: 'suppressed', reason: 'primary', threshold: 5 });
  });

  it('uses threshold 10 for sensitive categories, totals of them included', () => {
    const table = discloseTable({
      counts: [
        [3, 8, 30],
        [20, 40, 50],
      ],
      rowCategories: ['detention', undefined],
    });
    assert.deepEqual(printed(table), [
      ['<10', '<10', '30', '41'],
      ['x', 'x', '50', '110'],
      ['23', '48', '80', '151'],
    ]);
  });

  it('hides totals when the complements alone would pin the small counts', () => {
    // Readers know a complement is at least 5: with totals of 6, 1 + 5 would be forced.
    assert.deepEqual(
      printed(
        discloseTable({
          counts: [
            [1, 5],
            [5, 1],
          ],
        }),
      ),
      [
        ['<5', '5', 'x'],
        ['5', '<5', 'x'],
        ['x', 'x', 'x'],
      ],
    );
  });

  it('falls back to the smallest entries when no rectangle protects a small count', () => {
    // Three small counts out of four: no rectangle frees them all, so entries go one by one.
    assert.deepEqual(
      printed(
        discloseTable({
          counts: [
            [1, 5],
            [3, 2],
          ],
        }),
      ),
      [
        ['<5', 'x', 'x'],
        ['<5', '<5', 'x'],
        ['<5', 'x', 'x'],
      ],
    );
  });

  it('hides a row total with its cell in a one-column table', () => {
    assert.deepEqual(printed(discloseTable({ counts: [[3], [20], [30]] })), [
      ['<5', '<5'],
      ['x', 'x'],
      ['30', '30'],
      ['53', '53'],
    ]);
  });

  it('rounds movement counts to 10 after suppression', () => {
    const table = discloseTable({ counts: [[3, 26, 134]], kind: 'movement' });
    assert.deepEqual(printed(table), [
      ['<5', 'x', '130', '160'],
      ['<5', 'x', '130', '160'],
    ]);
  });

  it('publishes a figure on its own as a count or "<t"', () => {
    assert.deepEqual(discloseFigure(3), { kind: 'suppressed', reason: 'primary', threshold: 5 });
    assert.deepEqual(discloseFigure(7, STANDARD_POLICY, { category: 'detention' }), {
      kind: 'suppressed',
      reason: 'primary',
      threshold: 10,
    });
    assert.deepEqual(discloseFigure(1234, STANDARD_POLICY, { kind: 'movement' }), {
      kind: 'count',
      value: 1230,
    });
    assert.deepEqual(discloseFigure(0), { kind: 'count', value: 0 });
  });

  it('refuses bad counts and bad policies', () => {
    assert.throws(() => discloseTable({ counts: [[1, -2]] }), refusal('not_a_count'));
    const policy = { ...STANDARD_POLICY, defaultRule: { threshold: 2 } };
    assert.throws(() => discloseTable({ counts: [[1]] }, policy), refusal('bad_policy'));
  });
});
