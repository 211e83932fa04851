import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchTotp, newTotpSecret, totpCode, totpUri } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII of "12345678901234567890"; the 8-digit
// codes' last six digits are the 6-digit codes.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '287082'],
  [1_111_111_109, '081804'],
  [1_111_111_111, '050471'],
  [1_234_567_890, '005924'],
  [2_000_000_000, '279037'],
];

describe('TOTP', () => {
  it('computes the RFC 6238 SHA-1 test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      assert.equal(totpCode(RFC_SECRET, seconds * 1000), code);
      assert.equal(matchTotp(RFC_SECRET, code, seconds * 1000), Math.floor(seconds / 30));
    }
  });

  it('matches one step either side of now, and says which step', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now), step - 1);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now), step + 1);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now), undefined);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), now), undefined);
  });

  it('refuses anything but six digits before computing', () => {
    const now = 59_000;
    for (const code of ['', '28708', '2870820', ' 287082', '28708a', '２８７０８２']) {
      assert.equal(matchTotp(RFC_SECRET, code, now), undefined, code);
    }
  });

  it('makes 160-bit secrets and an enrolment URI with the parameters apps expect', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(newTotpSecret(), secret);
    const uri = new URL(totpUri(secret, 'ana'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret);
    assert.equal(uri.searchParams.get('issuer'), 'Vigil');
    assert.equal(uri.searchParams.get('algorithm'), 'SHA1');
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
  });
});
