import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { concatBytes, equalBytes, fromBase64, fromUtf8, toBase64, toHex, utf8 } from './bytes.ts';
import { isLedgerError, LedgerError } from './ledger-error.ts';

describe('bytes', () => {
  it('round-trips base64 and agrees with RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      assert.equal(toBase64(utf8(plain)), encoded);
      assert.equal(fromUtf8(fromBase64(encoded)), plain);
    }
    fc.assert(
      fc.property(fc.uint8Array(), (data) => {
        assert.deepEqual(fromBase64(toBase64(data)), data);
      }),
    );
  });

  it('rejects base64 that is not canonical standard base64', () => {
    for (const text of ['Zg', 'Zg=', 'Z===', 'Zm9v\n', 'Zm-v', 'Zm_v', ' Zm9v']) {
      assert.throws(
        () => fromBase64(text),
        (e) => isLedgerError(e, 'MALFORMED_BASE64'),
        text,
      );
    }
  });

  it('rejects invalid UTF-8 instead of replacing it', () => {
    assert.throws(
      () => fromUtf8(new Uint8Array([0xc3, 0x28])),
      (e) => isLedgerError(e, 'INVALID_ARGUMENT'),
    );
  });

  it('formats hex and concatenates', () => {
    assert.equal(toHex(new Uint8Array([0, 15, 255])), '000fff');
    assert.deepEqual(concatBytes(utf8('ab'), new Uint8Array(0), utf8('c')), utf8('abc'));
  });

  it('compares bytes by value and length', () => {
    assert.equal(equalBytes(utf8('abc'), utf8('abc')), true);
    assert.equal(equalBytes(utf8('abc'), utf8('abd')), false);
    assert.equal(equalBytes(utf8('abc'), utf8('ab')), false);
  });

  it('tells ledger errors by code', () => {
    const error = new LedgerError('BAD_SIGNATURE', 'x');
    assert.equal(isLedgerError(error), true);
    assert.equal(isLedgerError(error, 'BAD_SIGNATURE'), true);
    assert.equal(isLedgerError(error, 'UNKNOWN_KEY'), false);
    assert.equal(isLedgerError(new Error('x')), false);
  });
});
