import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entryAt,
  extendTable,
  gridCells,
  gridRules,
  isSmallCount,
  validateTable,
  valueAt,
} from './count-table.ts';
import { refusal } from './disclosure.fixtures.ts';
import { STANDARD_POLICY } from './disclosure-policy.ts';

describe('count tables', () => {
  it('refuses empty, ragged and miscategorised tables', () => {
    assert.throws(() => {
      validateTable({ counts: [] });
    }, refusal('bad_shape'));
    assert.throws(() => {
      validateTable({ counts: [[]] });
    }, refusal('bad_shape'));
    assert.throws(() => {
      validateTable({ counts: [[1, 2], [3]] });
    }, refusal('bad_shape'));
    assert.throws(() => {
      validateTable({ counts: [[1, 2]], rowCategories: ['a', 'b'] });
    }, refusal('bad_shape'));
    assert.throws(() => {
      validateTable({ counts: [[1, 2]], columnCategories: ['a'] });
    }, refusal('bad_shape'));
  });

  it('refuses negative, fractional and unsafe counts', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) {
      assert.throws(() => {
        validateTable({ counts: [[1, bad]] });
      }, refusal('not_a_count'));
    }
    assert.doesNotThrow(() => {
      validateTable({ counts: [[0, 7]], rowCategories: [undefined] });
    });
  });

  it('adds row totals, column totals and the grand total', () => {
    const grid = extendTable({
      counts: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.deepEqual(grid, {
      rows: 2,
      columns: 2,
      values: [
        [1, 2, 3],
        [3, 4, 7],
        [4, 6, 10],
      ],
    });
    assert.equal(valueAt(grid, { row: 2, column: 2 }), 10);
    assert.equal(gridCells(grid).length, 9);
  });

  it('reports a read outside the grid as a shape error', () => {
    assert.throws(() => entryAt([[1]], { row: 0, column: 1 }), refusal('bad_shape'));
    assert.throws(() => entryAt([[1]], { row: 1, column: 0 }), refusal('bad_shape'));
  });

  it('gives a total the strictest rule of the cells it sums', () => {
    const rules = gridRules(
      {
        counts: [
          [1, 2],
          [3, 4],
        ],
        rowCategories: ['detention', undefined],
      },
      STANDARD_POLICY,
    );
    assert.deepEqual(
      rules.map((row) => row.map((rule) => rule.threshold)),
      [
        [10, 10, 10],
        [5, 5, 5],
        [10, 10, 10],
      ],
    );
    const byColumn = gridRules(
      { counts: [[1, 2]], columnCategories: [undefined, 'sexual_violence'] },
      STANDARD_POLICY,
    );
    assert.deepEqual(
      byColumn[0]!.map((rule) => rule.threshold),
      [5, 10, 10],
    );
    const plain = gridRules({ counts: [[1]] }, STANDARD_POLICY);
    assert.deepEqual(plain, [
      [
        { threshold: 5, suppressZero: false },
        { threshold: 5, suppressZero: false },
      ],
      [
        { threshold: 5, suppressZero: false },
        { threshold: 5, suppressZero: false },
      ],
    ]);
  });

  it('calls 1 to threshold−1 small, and zero only where the rule says so', () => {
    assert.equal(isSmallCount(4, { threshold: 5 }), true);
    assert.equal(isSmallCount(5, { threshold: 5 }), false);
    assert.equal(isSmallCount(0, { threshold: 5 }), false);
    assert.equal(isSmallCount(0, { threshold: 5, suppressZero: true }), true);
  });
});
