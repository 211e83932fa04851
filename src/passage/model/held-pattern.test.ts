import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { AGE_BANDS, SEXES } from './age-band.ts';
import { analyseHeldPattern } from './held-pattern.ts';
import type { HeldPatternCell, SexAgeCounts } from './held-pattern.ts';

// 10,000 people passing with the shape of DOMAIN.md §7: 52% female, 31% under 18, men 18–45 15%.
const PASSING: SexAgeCounts = {
  female: { '0-4': 300, '5-17': 1250, '18-45': 1900, '46-64': 800, '65+': 950 },
  male: { '0-4': 300, '5-17': 1250, '18-45': 1500, '46-64': 900, '65+': 850 },
};

describe('analyseHeldPattern', () => {
  it('reports observed against expected shares for every cell with someone in it', () => {
    const analysis = analyseHeldPattern({ male: { '18-45': 3 }, female: { '65+': 1 } }, PASSING);
    assert.ok(analysis !== undefined);
    assert.equal(analysis.held, 4);
    assert.equal(analysis.passing, 10_000);
    assert.equal(analysis.cells.length, 10);
    assert.deepEqual(analysis.cells[0], {
      sex: 'female',
      ageBand: '0-4',
      held: 0,
      passing: 300,
      heldShare: 0,
      expectedShare: 0.03,
    });
    assert.deepEqual(
      analysis.cells.find((c) => c.sex === 'male' && c.ageBand === '18-45'),
      {
        sex: 'male',
        ageBand: '18-45',
        held: 3,
        passing: 1500,
        heldShare: 0.75,
        expectedShare: 0.15,
      },
    );
    assert.equal(analysis.screeningBand.heldShare, 0.75);
    assert.equal(analysis.screeningBand.expectedShare, 0.15);
  });

  it('keeps a cell where people are held though nobody of that kind passes', () => {
    const analysis = analyseHeldPattern({ other: { '18-45': 2 } }, PASSING);
    const cell = analysis?.cells.find((c) => c.sex === 'other');
    assert.deepEqual(cell, {
      sex: 'other',
      ageBand: '18-45',
      held: 2,
      passing: 0,
      heldShare: 1,
      expectedShare: 0,
    });
  });

  it('finds men 18-45 held far beyond their share improbable under both tests', () => {
    const held = { male: { '5-17': 3, '18-45': 38, '46-64': 4 } };
    const analysis = analyseHeldPattern(held, PASSING);
    assert.ok(analysis !== undefined);
    assert.ok(analysis.screeningBand.pValue < 1e-15);
    assert.ok(analysis.chiSquare !== undefined && analysis.chiSquare.pValue < 1e-15);
  });

  it('has nothing to compare when nobody was held or nobody passed', () => {
    assert.equal(analyseHeldPattern({}, PASSING), undefined);
    assert.equal(analyseHeldPattern({ male: { '18-45': 5 } }, {}), undefined);
  });

  it('refuses a count that is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      assert.throws(
        () => analyseHeldPattern({ female: { '0-4': bad } }, PASSING),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });

  it('gives held shares that sum to one, for any tables', () => {
    const table = fc.dictionary(
      fc.constantFrom(...SEXES),
      fc.dictionary(fc.constantFrom(...AGE_BANDS), fc.nat(500)),
    );
    fc.assert(
      fc.property(table, table, (held, passing) => {
        const analysis = analyseHeldPattern(held, passing);
        if (analysis === undefined) return;
        const { cells } = analysis;
        const sum = (f: (c: HeldPatternCell) => number) => cells.reduce((s, c) => s + f(c), 0);
        assert.ok(Math.abs(sum((c) => c.heldShare) - 1) < 1e-9);
        assert.ok(Math.abs(sum((c) => c.expectedShare) - 1) < 1e-9);
        assert.ok(analysis.screeningBand.pValue >= 0 && analysis.screeningBand.pValue <= 1);
      }),
    );
  });
});
