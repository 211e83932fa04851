import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discloseTable } from './disclose-table.ts';
import { printed, refusal } from './disclosure.fixtures.ts';
import { STANDARD_POLICY } from './disclosure-policy.ts';
import type { EarlierRelease } from './release-history.ts';

describe('discloseTable across releases', () => {
  const day = {
    counts: [
      [12, 3],
      [40, 25],
    ],
  };
  const dayPublished = discloseTable(day);

  it('keeps hidden what an earlier part hid, and hides a small increment', () => {
    const next = {
      counts: [
        [14, 3],
        [45, 30],
      ],
    };
    const table = discloseTable(next, STANDARD_POLICY, {
      parts: [{ table: day, disclosed: dayPublished }],
      coversPeriod: false,
    });
    // 12 → 14 would reveal that 2 happened in the new days; 3 stays "<5"; 40 and 25 stay hidden.
    assert.deepEqual(table.cells, [
      [
        { kind: 'suppressed', reason: 'secondary' },
        { kind: 'suppressed', reason: 'primary', threshold: 5 },
      ],
      [
        { kind: 'suppressed', reason: 'secondary' },
        { kind: 'suppressed', reason: 'secondary' },
      ],
    ]);
  });

  it('republishes the same period with the same pattern', () => {
    const again = discloseTable(day, STANDARD_POLICY, {
      parts: [{ table: day, disclosed: dayPublished }],
      coversPeriod: true,
    });
    assert.deepEqual(again.pattern, dayPublished.pattern);
  });

  it('publishes the total of two days without giving away either day', () => {
    const total = discloseTable(
      {
        counts: [
          [24, 6],
          [80, 50],
        ],
      },
      STANDARD_POLICY,
      {
        parts: [
          { table: day, disclosed: dayPublished },
          { table: day, disclosed: dayPublished },
        ],
        coversPeriod: true,
      },
    );
    // 6 is not small, but publishing it would give away 3 + 3; the totals the days published
    // stay published, since hiding them would protect nothing.
    assert.deepEqual(printed(total), [
      ['x', 'x', '30'],
      ['x', 'x', '130'],
      ['104', '56', '160'],
    ]);
  });

  it('withholds a table when no published pattern is safe', () => {
    const first = {
      counts: [
        [3, 2],
        [0, 0],
      ],
    };
    const second = {
      counts: [
        [0, 0],
        [1, 0],
      ],
    };
    const parts = [first, second].map((table) => ({ table, disclosed: discloseTable(table) }));
    const total = discloseTable(
      {
        counts: [
          [3, 2],
          [1, 0],
        ],
      },
      STANDARD_POLICY,
      {
        parts,
        coversPeriod: true,
      },
    );
    assert.equal(total.withheld, true);
    assert.equal(total.pattern, 'withheld');
    assert.deepEqual(printed(total), [
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    assert.deepEqual(total.cells[0]![0], { kind: 'suppressed', reason: 'withheld' });
  });

  it('audits against a withheld earlier release as if it told nothing', () => {
    const withheld = { table: day, disclosed: { pattern: 'withheld' as const } };
    const table = discloseTable(
      {
        counts: [
          [14, 30],
          [45, 30],
        ],
      },
      STANDARD_POLICY,
      {
        parts: [withheld],
        coversPeriod: false,
      },
    );
    assert.equal(table.withheld, false);
  });

  it('ignores an empty history', () => {
    const table = discloseTable(day, STANDARD_POLICY, { parts: [], coversPeriod: true });
    assert.deepEqual(table.pattern, dayPublished.pattern);
  });

  it('refuses histories that do not fit', () => {
    const part = { table: day, disclosed: dayPublished };
    const refuse = (
      counts: number[][],
      coversPeriod: boolean,
      rule: string,
      parts: EarlierRelease[] = [part],
    ) => {
      assert.throws(
        () => discloseTable({ counts }, STANDARD_POLICY, { parts, coversPeriod }),
        refusal(rule),
      );
    };
    refuse(
      [
        [12, 3, 1],
        [40, 25, 1],
      ],
      false,
      'bad_shape',
    );
    refuse(
      [
        [11, 3],
        [40, 25],
      ],
      false,
      'inconsistent_history',
    );
    refuse(
      [
        [13, 3],
        [40, 25],
      ],
      true,
      'inconsistent_history',
    );
    const badPattern = { table: day, disclosed: { pattern: [[null, null]] } };
    refuse(
      [
        [12, 3],
        [40, 25],
      ],
      false,
      'bad_shape',
      [badPattern],
    );
    const shortRow = { table: day, disclosed: { pattern: [[null], [null], [null]] } };
    refuse(
      [
        [12, 3],
        [40, 25],
      ],
      false,
      'bad_shape',
      [shortRow],
    );
  });
});
