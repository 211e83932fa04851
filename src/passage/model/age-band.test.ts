import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { AGE_BANDS, ageBandOf, isSex, SCREENING_AGE_BAND, SEXES } from './age-band.ts';

describe('ageBandOf', () => {
  it('puts each boundary age in the band that starts or ends there', () => {
    const cases: [number, string][] = [
      [0, '0-4'],
      [4, '0-4'],
      [5, '5-17'],
      [17, '5-17'],
      [18, '18-45'],
      [45, '18-45'],
      [46, '46-64'],
      [64, '46-64'],
      [65, '65+'],
      [104, '65+'],
    ];
    for (const [age, band] of cases) assert.equal(ageBandOf(2023 - age, 2023), band, `age ${age}`);
  });

  it('keeps the screening band 18-45 whole', () => {
    assert.equal(SCREENING_AGE_BAND, '18-45');
    assert.ok(AGE_BANDS.includes(SCREENING_AGE_BAND));
  });

  it('never moves a person to a younger band as the years pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.nat(120), (born, age) => {
        const band = AGE_BANDS.indexOf(ageBandOf(born, born + age));
        assert.ok(AGE_BANDS.indexOf(ageBandOf(born, born + age + 1)) >= band);
      }),
    );
  });

  it('refuses a birth after the year of counting, or a year that is not an integer', () => {
    for (const [born, at] of [
      [2024, 2023],
      [1990.5, 2023],
      [1990, Number.NaN],
    ] as const) {
      assert.throws(
        () => ageBandOf(born, at),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });
});

describe('SEXES', () => {
  it('lists female, male, other and unknown, and recognises only those', () => {
    assert.deepEqual(SEXES, ['female', 'male', 'other', 'unknown']);
    assert.equal(isSex('unknown'), true);
    assert.equal(isSex('Male'), false);
    assert.equal(isSex(undefined), false);
  });
});
