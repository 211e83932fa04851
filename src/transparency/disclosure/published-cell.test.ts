import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCell } from './published-cell.ts';

describe('formatCell', () => {
  it('prints small counts as "<threshold"', () => {
    assert.equal(formatCell({ kind: 'suppressed', reason: 'primary', threshold: 5 }), '<5');
    assert.equal(formatCell({ kind: 'suppressed', reason: 'primary', threshold: 10 }), '<10');
  });

  it('prints counts through Intl for the locale', () => {
    assert.equal(formatCell({ kind: 'count', value: 12500 }), '12,500');
    assert.equal(formatCell({ kind: 'count', value: 12500 }, 'ru'), '12\u00a0500');
  });

  it('prints complements and withheld tables with the output’s markers', () => {
    assert.equal(formatCell({ kind: 'suppressed', reason: 'secondary' }), 'x');
    assert.equal(formatCell({ kind: 'suppressed', reason: 'withheld' }), 'x');
    const markers = { secondary: 'c', withheld: '..' };
    assert.equal(formatCell({ kind: 'suppressed', reason: 'secondary' }, 'en', markers), 'c');
    assert.equal(formatCell({ kind: 'suppressed', reason: 'withheld' }, 'en', markers), '..');
  });
});
