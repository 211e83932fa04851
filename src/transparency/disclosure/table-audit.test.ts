import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extendTable, gridRules } from './count-table.ts';
import { STANDARD_POLICY } from './disclosure-policy.ts';
import { canMove } from './residual-cycle.ts';
import type { SuppressionPattern } from './table-audit.ts';
import { firstExposed, isProtected, knowledgeOf } from './table-audit.ts';

const TABLE = {
  counts: [
    [12, 3],
    [40, 25],
  ],
};
const GRID = extendTable(TABLE);
const RULES = gridRules(TABLE, STANDARD_POLICY);

function audited(pattern: SuppressionPattern) {
  return {
    current: { grid: GRID, known: knowledgeOf(GRID, RULES, pattern) },
    parts: [],
    remainder: null,
  };
}

describe('knowledgeOf', () => {
  it('reads published entries exactly, "<5" as 1–4 and complements as at least 5', () => {
    const known = knowledgeOf(GRID, RULES, [
      ['secondary', 'primary', null],
      [null, null, null],
      [null, null, null],
    ]);
    assert.deepEqual(known[0], [
      { lo: 5, hi: Infinity },
      { lo: 1, hi: 4 },
      { lo: 15, hi: 15 },
    ]);
  });

  it('lets a suppressed zero be 0 and a withheld table be anything', () => {
    const zeroGrid = extendTable({ counts: [[0]] });
    const rules = [
      [{ threshold: 5, suppressZero: true }, { threshold: 5 }],
      [{ threshold: 5 }, { threshold: 5 }],
    ];
    const known = knowledgeOf(zeroGrid, rules, [
      ['primary', null],
      [null, null],
    ]);
    assert.deepEqual(known[0]![0], { lo: 0, hi: 4 });
    assert.deepEqual(knowledgeOf(zeroGrid, rules, 'withheld')[1]![1], { lo: 0, hi: Infinity });
  });
});

describe('the auditor', () => {
  it('finds a lone small count recoverable from its row total', () => {
    const pattern: SuppressionPattern = [
      [null, 'primary', null],
      [null, null, null],
      [null, null, null],
    ];
    assert.deepEqual(firstExposed(audited(pattern)), { table: 0, cell: { row: 0, column: 1 } });
  });

  it('finds a rectangle of hidden cells safe', () => {
    const pattern: SuppressionPattern = [
      ['secondary', 'primary', null],
      ['secondary', 'secondary', null],
      [null, null, null],
    ];
    assert.equal(firstExposed(audited(pattern)), null);
    assert.equal(isProtected(audited(pattern), 0, { row: 0, column: 1 }), true);
  });

  it('finds a cycle blocked when every move leaves some entry’s known range', () => {
    const grid = extendTable({
      counts: [
        [1, 5],
        [5, 1],
      ],
    });
    const rules = gridRules(
      {
        counts: [
          [1, 5],
          [5, 1],
        ],
      },
      STANDARD_POLICY,
    );
    const pattern: SuppressionPattern = [
      ['primary', 'secondary', null],
      ['secondary', 'primary', null],
      [null, null, null],
    ];
    const joint = {
      current: { grid, known: knowledgeOf(grid, rules, pattern) },
      parts: [],
      remainder: null,
    };
    assert.deepEqual(firstExposed(joint), { table: 0, cell: { row: 0, column: 0 } });
  });
});

describe('canMove', () => {
  const shape = { rows: 1, columns: 1 };
  it('needs room at the entry itself', () => {
    assert.equal(
      canMove(shape, { row: 0, column: 0 }, 1, () => false),
      false,
    );
  });

  it('closes the loop cell → column total → grand total → row total', () => {
    assert.equal(
      canMove(shape, { row: 0, column: 0 }, 1, () => true),
      true,
    );
    assert.equal(
      canMove(shape, { row: 0, column: 0 }, -1, () => true),
      true,
    );
    const onlyUp = (_: unknown, step: 1 | -1) => step === 1;
    assert.equal(canMove(shape, { row: 1, column: 1 }, -1, onlyUp), false);
    assert.equal(canMove(shape, { row: 1, column: 1 }, 1, onlyUp), true);
  });
});
