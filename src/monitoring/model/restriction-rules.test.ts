import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../errors/domain-error.ts';
import { assertRestrictionShape, restrictionIssues } from './restriction-rules.ts';

describe('restriction rules', () => {
  it('accepts a delay with its duration and a denial without one', () => {
    assert.deepEqual(restrictionIssues({ kind: 'delay', subKind: null, durationMinutes: 90 }), []);
    assert.deepEqual(
      restrictionIssues({ kind: 'denial', subKind: 'mines', durationMinutes: null }),
      [],
    );
    assertRestrictionShape({ kind: 'conditional_access', subKind: null, durationMinutes: null });
  });

  it('asks a delay for its duration and refuses a duration on anything else', () => {
    assert.deepEqual(restrictionIssues({ kind: 'delay', subKind: null, durationMinutes: null }), [
      { path: 'durationMinutes', code: 'required_for_delay' },
    ]);
    assert.deepEqual(
      restrictionIssues({ kind: 'conditional_access', subKind: null, durationMinutes: 30 }),
      [{ path: 'durationMinutes', code: 'only_for_delay' }],
    );
  });

  it('asks an other impediment what it was', () => {
    assert.deepEqual(
      restrictionIssues({ kind: 'other_impediment', subKind: null, durationMinutes: null }),
      [{ path: 'subKind', code: 'required_for_other_impediment' }],
    );
    assert.deepEqual(
      restrictionIssues({ kind: 'other_impediment', subKind: 'jamming', durationMinutes: null }),
      [],
    );
  });

  it('throws invalid_request listing every broken rule', () => {
    assert.throws(
      () => {
        assertRestrictionShape({ kind: 'other_impediment', subKind: null, durationMinutes: 5 });
      },
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'invalid_request' &&
        Array.isArray(error.details) &&
        error.details.length === 2,
    );
  });
});
