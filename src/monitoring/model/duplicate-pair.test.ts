import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DUPLICATE_SUBJECT_KINDS, canonicalPair, pairKey } from './duplicate-pair.ts';
import type { DuplicateSubject } from './duplicate-pair.ts';

const subject = fc.record({
  kind: fc.constantFrom(...DUPLICATE_SUBJECT_KINDS),
  id: fc.constantFrom('a', 'b', 'c'),
});

describe('canonicalPair', () => {
  it('puts the incident first in an item–incident pair, and ids in order otherwise', () => {
    const item: DuplicateSubject = { kind: 'info_item', id: 'a' };
    const incident: DuplicateSubject = { kind: 'incident', id: 'z' };
    assert.deepEqual(canonicalPair(item, incident), [incident, item]);
    assert.deepEqual(canonicalPair(incident, item), [incident, item]);
    const other: DuplicateSubject = { kind: 'incident', id: 'b' };
    assert.deepEqual(canonicalPair(incident, other), [other, incident]);
  });

  it('refuses a record paired with itself, and two items', () => {
    assert.equal(
      canonicalPair({ kind: 'incident', id: 'a' }, { kind: 'incident', id: 'a' }),
      'same_record',
    );
    assert.equal(
      canonicalPair({ kind: 'info_item', id: 'a' }, { kind: 'info_item', id: 'b' }),
      'two_items',
    );
  });

  it('gives one key whichever order the pair comes in', () => {
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        const forward = canonicalPair(a, b);
        const backward = canonicalPair(b, a);
        if (typeof forward === 'string') {
          assert.equal(backward, forward);
          return;
        }
        assert.ok(typeof backward !== 'string');
        assert.equal(pairKey(forward), pairKey(backward));
      }),
    );
  });
});
