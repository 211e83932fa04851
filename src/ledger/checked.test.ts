import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemAt } from './checked.ts';
import { isLedgerError } from './ledger-error.ts';

describe('itemAt', () => {
  it('returns the item at a valid index', () => {
    assert.equal(itemAt(['a', 'b'], 1), 'b');
  });

  it('throws INVALID_ARGUMENT past the end instead of returning undefined', () => {
    assert.throws(
      () => itemAt(['a'], 1),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });
});
