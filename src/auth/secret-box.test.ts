import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSecretBox } from './secret-box.ts';

describe('createSecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed, with a fresh IV each time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP');
    const b = box.seal('JBSWY3DPEHPK3PXP');
    assert.notEqual(a, b);
    assert.match(a, /^v1\.[A-Za-z0-9_-]+$/);
    assert.equal(box.open(a), 'JBSWY3DPEHPK3PXP');
    assert.equal(box.open(box.seal('')), '');
  });

  it('refuses an altered, truncated or foreign sealed value', () => {
    const sealed = box.seal('secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 0x01;
      assert.throws(() => box.open(`v1.${altered.toString('base64url')}`));
    }
    assert.throws(() => box.open(`v1.${bytes.subarray(0, 20).toString('base64url')}`));
    assert.throws(() => box.open(`v2.${sealed.slice(3)}`));
    assert.throws(() => createSecretBox(randomBytes(32)).open(sealed));
  });

  it('takes only 32-byte keys', () => {
    assert.throws(() => createSecretBox(randomBytes(16)), RangeError);
  });
});
