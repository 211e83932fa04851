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
});
