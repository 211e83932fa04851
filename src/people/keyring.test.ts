import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AeadError, openAead, sealAead } from './aead.ts';
import { Keyring } from './keyring.ts';
import { normaliseCode } from './normalise-code.ts';

const masterKey = new Uint8Array(32).fill(7);

describe('aead', () => {
  const key = createSecretKey(randomBytes(32));

  it('opens what it sealed, under the same key and context, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, aad) => {
        const sealed = sealAead(key, text, aad);
        assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
        assert.equal(openAead(key, sealed, aad).toString('utf8'), text);
      }),
    );
  });

  it('refuses any altered byte, another context, another key, or a truncated text', () => {
    const sealed = sealAead(key, 'Աննա Պետրոսյան', 'person-1\u0000names');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const altered = Buffer.from(bytes);
        altered[at]! ^= mask;
        assert.throws(
          () => openAead(key, `v1.${altered.toString('base64url')}`, 'person-1\u0000names'),
          AeadError,
        );
      }),
    );
    assert.throws(() => openAead(key, sealed, 'person-2\u0000names'), AeadError);
    assert.throws(
      () => openAead(createSecretKey(randomBytes(32)), sealed, 'person-1\u0000names'),
      AeadError,
    );
    assert.throws(() => openAead(key, sealed.slice(0, 20), 'person-1\u0000names'), /truncated/);
    assert.throws(() => openAead(key, `v2.${sealed.slice(3)}`, 'x'), /format/);
  });

  it('never repeats an IV', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      ivs.add(
        Buffer.from(sealAead(key, 'x', '').slice(3), 'base64url')
          .subarray(0, 12)
          .toString('hex'),
      );
    }
    assert.equal(ivs.size, 2000);
  });
});

describe('keyring', () => {
  it('derives the same pseudonyms and indexes from the same master key, others from another', () => {
    const a = new Keyring(masterKey);
    const b = new Keyring(new Uint8Array(32).fill(7));
    const other = new Keyring(new Uint8Array(32).fill(8));
    assert.equal(a.pseudonym('plate', '35OY123'), b.pseudonym('plate', '35OY123'));
    assert.notEqual(a.pseudonym('plate', '35OY123'), other.pseudonym('plate', '35OY123'));
    assert.equal(a.blindIndex('family_name', 'ptrsn'), b.blindIndex('family_name', 'ptrsn'));
    assert.notEqual(a.blindIndex('family_name', 'ptrsn'), other.blindIndex('family_name', 'ptrsn'));
    assert.equal(a.keyCheck(), b.keyCheck());
    assert.notEqual(a.keyCheck(), other.keyCheck());
  });

  it('keeps namespaces and fields apart', () => {
    const keyring = new Keyring(masterKey);
    assert.notEqual(keyring.pseudonym('plate', 'AB123'), keyring.pseudonym('document', 'AB123'));
    assert.notEqual(
      keyring.blindIndex('family_name', 'ptrsn'),
      keyring.blindIndex('full_name', 'ptrsn'),
    );
    assert.notEqual(keyring.blindIndex('document', 'x'), keyring.pseudonym('document', 'x'));
    assert.match(keyring.pseudonym('plate', 'AB123'), /^[A-Za-z0-9_-]{43}$/);
    assert.match(keyring.blindIndex('document', 'x'), /^[A-Za-z0-9_-]{22}$/);
  });

  it('gives one plate one pseudonym however it is typed', () => {
    const keyring = new Keyring(masterKey);
    const expected = keyring.plateHmac('35 OY 123');
    for (const typed of ['35OY123', '35-oy-123', ' 35 оу 123 ', '35 ОУ 123', '35.OY.123']) {
      assert.equal(keyring.plateHmac(typed), expected, typed);
    }
    assert.notEqual(keyring.plateHmac('35 OY 124'), expected);
  });

  it('refuses a master key that is not 32 bytes', () => {
    assert.throws(() => new Keyring(new Uint8Array(31)), RangeError);
  });

  it('wraps a data key that only its own id and master key unwrap', () => {
    const keyring = new Keyring(masterKey);
    const dataKey = randomBytes(32);
    const wrapped = keyring.wrapDataKey('key-1', dataKey);
    assert.deepEqual(keyring.unwrapDataKey('key-1', wrapped).export(), dataKey);
    assert.throws(() => keyring.unwrapDataKey('key-2', wrapped), AeadError);
    assert.throws(() => new Keyring(new Uint8Array(32)).unwrapDataKey('key-1', wrapped), AeadError);
    assert.throws(() => keyring.unwrapDataKey('key-1', ''), AeadError);
  });

  it('gives a secret box that survives a restart and refuses tampering', () => {
    const box = new Keyring(masterKey).createSecretBox();
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    assert.match(sealed, /^v1\./);
    assert.ok(!sealed.includes('JBSWY3DP'));
    assert.equal(new Keyring(masterKey).createSecretBox().open(sealed), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => new Keyring(new Uint8Array(32)).createSecretBox().open(sealed), AeadError);
    assert.throws(
      () => box.open(sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA')),
      AeadError,
    );
  });
});

describe('normaliseCode', () => {
  it('ignores case, separators and Cyrillic look-alikes', () => {
    assert.equal(normaliseCode(' an-049 8127 '), 'AN0498127');
    assert.equal(normaliseCode('АН 0498127'), 'AH0498127');
    assert.equal(normaliseCode('aze 7731/554'), 'AZE7731554');
    assert.equal(normaliseCode('ＡＮ０４９'), 'AN049'); // full-width, as some keyboards type
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (code) => {
        assert.equal(normaliseCode(normaliseCode(code)), normaliseCode(code));
      }),
      { numRuns: 2000 },
    );
  });
});
