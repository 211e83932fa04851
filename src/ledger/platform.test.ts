import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as node from './platform.node.ts';
import * as web from './platform.web.ts';

describe('platform primitives', () => {
  it('hash identically in Node and in the browser build', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        assert.deepEqual(web.sha256(data), node.sha256(data));
      }),
    );
  });

  it('give the FIPS 180-4 digest of "abc"', () => {
    const abc = new TextEncoder().encode('abc');
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.equal(Buffer.from(web.sha256(abc)).toString('hex'), expected);
    assert.equal(Buffer.from(node.sha256(abc)).toString('hex'), expected);
  });

  it('encode base64 identically, including inputs longer than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (data) => {
        assert.equal(web.encodeBase64(data), node.encodeBase64(data));
      }),
      { numRuns: 40 },
    );
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    assert.equal(node.encodeBase64(view), 'AQID');
  });

  it('sign with Ed25519 identically (RFC 8032 signatures are deterministic)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 500 }),
        (seed, message) => {
          assert.deepEqual(node.ed25519Sign(message, seed), web.ed25519Sign(message, seed));
          // A second signature by the same key object gives the same bytes.
          assert.deepEqual(node.ed25519Sign(message, seed), web.ed25519Sign(message, seed));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('sign the RFC 8032 test vector 1 (empty message)', () => {
    const seed = Buffer.from(
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      'hex',
    );
    const expected =
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
      '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
    assert.equal(Buffer.from(node.ed25519Sign(new Uint8Array(), seed)).toString('hex'), expected);
    assert.equal(Buffer.from(web.ed25519Sign(new Uint8Array(), seed)).toString('hex'), expected);
  });
});
