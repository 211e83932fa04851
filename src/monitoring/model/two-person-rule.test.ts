import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../errors/domain-error.ts';
import { decideTwoPerson, needsTwoPeople, TWO_PERSON_STATES } from './two-person-rule.ts';

describe('two-person rule', () => {
  it('needs two people for verified and cleared_for_publication only', () => {
    assert.deepEqual(TWO_PERSON_STATES, ['verified', 'cleared_for_publication']);
    assert.equal(needsTwoPeople('published'), false);
  });

  it('applies a one-person step at once', () => {
    assert.deepEqual(decideTwoPerson({ to: 'unverified', actor: 'a', currentVersion: 3 }), {
      kind: 'apply',
      proposedBy: null,
    });
  });

  it('records the first call as a proposal', () => {
    assert.deepEqual(decideTwoPerson({ to: 'verified', actor: 'a', currentVersion: 3 }), {
      kind: 'propose',
      replacesVoid: false,
    });
  });

  it('applies the step when a second, different user confirms', () => {
    const pending = { proposedBy: 'a', version: 3 };
    assert.deepEqual(
      decideTwoPerson({ to: 'cleared_for_publication', actor: 'b', currentVersion: 3, pending }),
      { kind: 'apply', proposedBy: 'a' },
    );
  });

  it('refuses the proposer confirming their own proposal', () => {
    const pending = { proposedBy: 'a', version: 3 };
    assert.throws(
      () => decideTwoPerson({ to: 'verified', actor: 'a', currentVersion: 3, pending }),
      (e) => e instanceof DomainError && e.code === 'two_person_rule',
    );
  });

  it('treats a proposal made at an older version as void', () => {
    const pending = { proposedBy: 'a', version: 2 };
    assert.deepEqual(decideTwoPerson({ to: 'verified', actor: 'b', currentVersion: 3, pending }), {
      kind: 'propose',
      replacesVoid: true,
    });
    assert.deepEqual(decideTwoPerson({ to: 'verified', actor: 'a', currentVersion: 3, pending }), {
      kind: 'propose',
      replacesVoid: true,
    });
  });
});
