import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  newReceiptCode,
  normaliseReceiptCode,
} from '../../src/monitoring/intake/resident/receipt-code.ts';
import { isReceiptCode } from './receipt-code.ts';

describe('the receipt code check of the follow-up step', () => {
  it('agrees with the server on new codes, retyped codes and wrong ones', () => {
    const code = newReceiptCode();
    const samples = [
      code,
      code.toUpperCase().replaceAll('-', ' '),
      code.slice(1),
      `${code}a`,
      code.replace(/.$/, '1'),
      '',
      'hello',
    ];
    for (const text of samples) {
      assert.equal(isReceiptCode(text), normaliseReceiptCode(text) !== undefined, text);
    }
    assert.ok(isReceiptCode(code));
  });
});
