import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson } from './canonical-json.ts';

const refuses = (value: unknown) => {
  assert.throws(() => canonicalJson(value), CanonicalJsonError);
};

describe('canonical JSON (RFC 8785)', () => {
  it('agrees with the canonicalize package on any JSON value, in any script', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        assert.equal(canonicalJson(value), canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('sorts keys by UTF-16 code units, integer-like keys included', () => {
    assert.equal(
      canonicalJson({ b: 1, a: 2, 10: 'x', 9: 'y', é: 0, '\u{1F600}': 1, '\uFB33': 2 }),
      '{"10":"x","9":"y","a":2,"b":1,"é":0,"\u{1F600}":1,"\uFB33":2}',
    );
  });

  it('sorts small and large objects alike, whatever order their keys come in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 40 }),
        (keys) => {
          const value = Object.fromEntries(keys.map((key, i) => [key, i]));
          assert.equal(canonicalJson(value), canonicalize(value));
        },
      ),
      { numRuns: 500 },
    );
    const reversed = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`k${String(29 - i).padStart(2, '0')}`, i]),
    );
    assert.equal(canonicalJson(reversed), canonicalize(reversed));
  });

  it('prints numbers as ECMAScript does (the RFC 8785 examples)', () => {
    assert.equal(
      canonicalJson([Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0]),
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0]',
    );
  });

  it('escapes strings as JSON does and keeps other characters as they are', () => {
    assert.equal(
      canonicalJson('\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/'),
      '"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"',
    );
  });

  it('drops undefined properties, writes undefined array items as null, and uses toJSON', () => {
    assert.equal(
      canonicalJson({ a: undefined, b: [undefined, true, false] }),
      '{"b":[null,true,false]}',
    );
    assert.equal(
      canonicalJson({ at: new Date('2023-09-24T00:00:00Z') }),
      '{"at":"2023-09-24T00:00:00.000Z"}',
    );
  });

  it('refuses what has no canonical form', () => {
    refuses(Number.NaN);
    refuses(Number.POSITIVE_INFINITY);
    refuses({ a: Number.NEGATIVE_INFINITY });
    refuses('\uD800');
    refuses({ ['x\uDC00']: 1 });
    refuses([10n]);
    refuses({ f: () => 1 });
    refuses(Symbol('s'));
    refuses(undefined);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    refuses(cycle);
  });

  it('refuses lone surrogates anywhere in a string', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string(),
        (before, surrogate, after) => {
          const text = before + String.fromCharCode(surrogate) + after;
          fc.pre(!text.isWellFormed());
          refuses({ text });
        },
      ),
    );
  });
});
