import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { concatBytes, toBase64 } from './bytes.ts';
import { isLedgerError } from './ledger-error.ts';
import {
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  checkSignerKey,
  formatSignerKey,
  formatVerifierKey,
  generateSignerKey,
  isValidKeyName,
  isValidNoteText,
  keyIdFor,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyOf,
} from './note-keys.ts';
import type { SignerKey } from './note-keys.ts';

// C2SP signed-note §"Verifier keys", Example.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
// The example key pair of golang.org/x/mod/sumdb/note's documentation (its base64 holds a `+`).
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';

const malformedKey = { name: 'LedgerError', code: 'MALFORMED_KEY' };
const invalidArgument = { name: 'LedgerError', code: 'INVALID_ARGUMENT' };

function vkeyText(name: string, id: string, type: number, key: Uint8Array): string {
  return `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(type), key))}`;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

describe('keyIdFor', () => {
  it('computes the key ID of the signed-note example key', () => {
    const key = parseVerifierKey(SPEC_VKEY);
    assert.equal(keyIdFor('example.com/foo', SIG_ED25519, key.publicKey), 0x530d903a);
  });

  it('gives a different key ID to the same key used for cosignatures', () => {
    const key = parseVerifierKey(SPEC_VKEY);
    assert.notEqual(keyIdFor(key.name, SIG_COSIGNATURE_V1, key.publicKey), key.keyId);
  });

  it('returns an unsigned 32-bit number', () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ minLength: 32, maxLength: 32 }), (name, key) => {
        const id = keyIdFor(name, SIG_ED25519, key);
        assert.ok(Number.isInteger(id) && id >= 0 && id <= 0xffffffff);
      }),
    );
  });

  it('refuses a signature type that is not a byte', () => {
    for (const type of [-1, 256, 1.5, Number.NaN]) {
      assert.throws(() => keyIdFor('a', type, new Uint8Array(32)), invalidArgument);
    }
  });
});

describe('parseVerifierKey', () => {
  it('parses the signed-note example vkey', () => {
    const key = parseVerifierKey(SPEC_VKEY);
    assert.equal(key.name, 'example.com/foo');
    assert.equal(key.keyId, 0x530d903a);
    assert.equal(key.type, SIG_ED25519);
    assert.equal(key.publicKey.length, 32);
    assert.equal(key.text, SPEC_VKEY);
  });

  it('parses a cosignature/v1 vkey', () => {
    const { verifierKey } = generateSignerKey('witness.example/w1', SIG_COSIGNATURE_V1);
    assert.equal(parseVerifierKey(verifierKey).type, SIG_COSIGNATURE_V1);
  });

  it('rejects a key ID that does not match the key', () => {
    assert.throws(() => parseVerifierKey(SPEC_VKEY.replace('530d903a', '530d903b')), malformedKey);
  });

  it('rejects a key renamed without recomputing its key ID', () => {
    assert.throws(() => parseVerifierKey(SPEC_VKEY.replace('foo', 'bar')), malformedKey);
  });

  it('rejects malformed names, key IDs and encodings', () => {
    const key = parseVerifierKey(SPEC_VKEY).publicKey;
    const bad = [
      '',
      'example.com/foo',
      'example.com/foo+530d903a',
      '+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
      'example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
      'example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
      'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2',
      'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k ',
      vkeyText('a b', hex8(keyIdFor('a b', 1, key)), 1, key),
      vkeyText('a\u00a0b', hex8(keyIdFor('a\u00a0b', 1, key)), 1, key),
      vkeyText('a\u3000b', hex8(keyIdFor('a\u3000b', 1, key)), 1, key),
      vkeyText('a\u0007b', hex8(keyIdFor('a\u0007b', 1, key)), 1, key),
      vkeyText('a\ud800', hex8(keyIdFor('a\ud800', 1, key)), 1, key),
    ];
    for (const text of bad) assert.throws(() => parseVerifierKey(text), malformedKey, text);
  });

  it('rejects unsupported signature types and key lengths', () => {
    const key = parseVerifierKey(SPEC_VKEY).publicKey;
    const short = key.subarray(0, 31);
    const long = concatBytes(key, Uint8Array.of(0));
    for (const [type, material] of [
      [0x02, key],
      [0x06, key],
      [0x01, short],
      [0x01, long],
    ] as const) {
      const text = vkeyText('a', hex8(keyIdFor('a', type, material)), type, material);
      assert.throws(() => parseVerifierKey(text), malformedKey);
    }
  });

  it('rejects 32 bytes that are not an Ed25519 point', () => {
    const notPoint = new Uint8Array(32).fill(0xff);
    const text = vkeyText('a', hex8(keyIdFor('a', 1, notPoint)), 1, notPoint);
    assert.throws(() => parseVerifierKey(text), malformedKey);
  });

  it('round-trips formatVerifierKey for any valid name and key', () => {
    const name = fc
      .string({ unit: 'binary', minLength: 1 })
      .filter((s) => isValidKeyName(s) && s.isWellFormed());
    const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const type = fc.constantFrom(SIG_ED25519, SIG_COSIGNATURE_V1);
    fc.assert(
      fc.property(name, seed, type, (n, s, t) => {
        const publicKey = ed25519.getPublicKey(s);
        const key = parseVerifierKey(formatVerifierKey(n, t, publicKey));
        assert.deepEqual(key, {
          name: n,
          keyId: keyIdFor(n, t, publicKey),
          type: t,
          publicKey,
          text: key.text,
        });
      }),
    );
  });

  it('throws nothing but LedgerError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assertOnlyLedgerError(() => parseVerifierKey(text));
        assertOnlyLedgerError(() => parseVerifierKey(`${SPEC_VKEY.slice(0, 25)}${text}`));
        assertOnlyLedgerError(() => parseSignerKey(`PRIVATE+KEY+${text}`));
      }),
    );
  });
});

describe('formatVerifierKey', () => {
  it('formats the signed-note example vkey', () => {
    const key = parseVerifierKey(SPEC_VKEY);
    assert.equal(formatVerifierKey(key.name, key.type, key.publicKey), SPEC_VKEY);
  });

  it('refuses invalid names, types and key lengths', () => {
    const key = parseVerifierKey(SPEC_VKEY).publicKey;
    assert.throws(() => formatVerifierKey('a+b', 1, key), invalidArgument);
    assert.throws(() => formatVerifierKey('a', 2, key), invalidArgument);
    assert.throws(() => formatVerifierKey('a', 1, key.subarray(1)), invalidArgument);
  });
});

describe('signer keys', () => {
  it('round-trips the Go signer key format and derives the Go verifier key', () => {
    const signer = parseSignerKey(GO_SKEY);
    assert.equal(signer.name, 'PeterNeumann');
    assert.equal(signer.keyId, 0xc74f20a3);
    assert.equal(signer.type, SIG_ED25519);
    assert.equal(formatSignerKey(signer), GO_SKEY);
    assert.equal(verifierKeyOf(signer).text, GO_VKEY);
    assert.deepEqual(verifierKeyOf(signer), parseVerifierKey(GO_VKEY));
  });

  it('generates matching Ed25519 key pairs by default', () => {
    const { signerKey, verifierKey } = generateSignerKey('example.com/log');
    const signer = parseSignerKey(signerKey);
    assert.equal(signer.type, SIG_ED25519);
    assert.equal(verifierKeyOf(signer).text, verifierKey);
    assert.notEqual(generateSignerKey('example.com/log').signerKey, signerKey);
  });

  it('generates cosignature/v1 key pairs', () => {
    const { signerKey, verifierKey } = generateSignerKey('w.example', SIG_COSIGNATURE_V1);
    assert.equal(parseSignerKey(signerKey).type, SIG_COSIGNATURE_V1);
    assert.equal(parseVerifierKey(verifierKey).type, SIG_COSIGNATURE_V1);
  });

  it('refuses to generate keys with invalid names or types', () => {
    assert.throws(() => generateSignerKey('has space'), invalidArgument);
    assert.throws(() => generateSignerKey('a', 0x02), invalidArgument);
  });

  it('rejects signer keys without the PRIVATE+KEY prefix', () => {
    assert.throws(() => parseSignerKey(GO_SKEY.slice('PRIVATE+KEY+'.length)), malformedKey);
    assert.throws(() => parseSignerKey(GO_SKEY.replace('PRIVATE', 'private')), malformedKey);
  });

  it('rejects a signer key whose key ID does not match its seed', () => {
    assert.throws(() => parseSignerKey(GO_SKEY.replace('c74f20a3', 'c74f20a4')), malformedKey);
  });

  it('rejects a signer key with a bad seed encoding', () => {
    assert.throws(() => parseSignerKey(GO_SKEY.slice(0, -1)), malformedKey);
    assert.throws(() => parseSignerKey(`${GO_SKEY}AAAA`), malformedKey);
  });

  it('refuses to use a signer key whose fields disagree', () => {
    const signer = parseSignerKey(GO_SKEY);
    const other = parseSignerKey(generateSignerKey('PeterNeumann').signerKey);
    const bad: SignerKey[] = [
      { ...signer, publicKey: other.publicKey },
      { ...signer, keyId: signer.keyId ^ 1 },
      { ...signer, type: SIG_COSIGNATURE_V1 },
      { ...signer, secretKey: signer.secretKey.subarray(1) },
      { ...signer, name: '' },
    ];
    for (const key of bad) {
      assert.throws(() => {
        checkSignerKey(key);
      }, invalidArgument);
      assert.throws(() => formatSignerKey(key), invalidArgument);
      assert.throws(() => verifierKeyOf(key), invalidArgument);
    }
  });

  it('checks a key again once a field has changed since it passed', () => {
    // A copy of its own: the library may hand out the bytes it keeps for this key.
    const signer = {
      ...parseSignerKey(GO_SKEY),
      publicKey: parseSignerKey(GO_SKEY).publicKey.slice(),
    };
    const other = parseSignerKey(generateSignerKey('PeterNeumann').signerKey);
    checkSignerKey(signer);
    signer.publicKey.set(other.publicKey);
    assert.throws(() => {
      checkSignerKey(signer);
    }, invalidArgument);
    const renamed = parseSignerKey(GO_SKEY);
    checkSignerKey(renamed);
    renamed.keyId += 1;
    assert.throws(() => {
      checkSignerKey(renamed);
    }, invalidArgument);
    renamed.keyId -= 1;
    checkSignerKey(renamed);
  });
});

describe('isValidNoteText', () => {
  it('accepts text ending in a newline, with blank lines and non-ASCII', () => {
    assert.ok(isValidNoteText('a\n\nè — \u007f\n'));
  });

  it('rejects a missing final newline, control characters and invalid Unicode', () => {
    for (const text of ['', 'a', 'a\r\n', 'a\tb\n', '\u0000\n', 'a\ud800\n']) {
      assert.equal(isValidNoteText(text), false, JSON.stringify(text));
    }
  });
});

function assertOnlyLedgerError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    assert.ok(isLedgerError(error), String(error));
  }
}
