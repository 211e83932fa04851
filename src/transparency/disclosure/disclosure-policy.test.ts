import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from './disclosure.fixtures.ts';
import { ruleFor, STANDARD_POLICY, validatePolicy } from './disclosure-policy.ts';
import type { DisclosurePolicy } from './disclosure-policy.ts';

describe('disclosure policy', () => {
  it('states DOMAIN.md §6: 5 by default, 10 for the sensitive categories, rounding to 10', () => {
    assert.doesNotThrow(() => {
      validatePolicy(STANDARD_POLICY);
    });
    assert.equal(STANDARD_POLICY.defaultRule.threshold, 5);
    assert.equal(STANDARD_POLICY.movementRoundingBase, 10);
    for (const name of ['detention', 'sexual_violence', 'unaccompanied_child', 'died_en_route']) {
      assert.equal(ruleFor(STANDARD_POLICY, [name]).threshold, 10);
    }
  });

  it('takes the strictest rule of a cell’s categories and ignores unknown ones', () => {
    const policy: DisclosurePolicy = {
      defaultRule: { threshold: 5 },
      categories: { quiet: { threshold: 6, suppressZero: true }, sensitive: { threshold: 10 } },
      movementRoundingBase: 10,
    };
    assert.deepEqual(ruleFor(policy, ['quiet', 'sensitive']), {
      threshold: 10,
      suppressZero: true,
    });
    assert.deepEqual(ruleFor(policy, [undefined, 'constructor', 'other']), {
      threshold: 5,
      suppressZero: false,
    });
  });

  it('refuses thresholds that protect nothing and bases that round counts away', () => {
    const base = STANDARD_POLICY;
    const bad: DisclosurePolicy[] = [
      { ...base, defaultRule: { threshold: 2 } },
      { ...base, defaultRule: { threshold: 4.5 } },
      { ...base, categories: { x: { threshold: 1 } } },
      { ...base, movementRoundingBase: 0 },
      { ...base, movementRoundingBase: 2.5 },
      { ...base, movementRoundingBase: 11 },
    ];
    for (const policy of bad) {
      assert.throws(() => {
        validatePolicy(policy);
      }, refusal('bad_policy'));
    }
  });
});
