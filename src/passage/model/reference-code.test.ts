import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatReferenceCode, normaliseReferenceCode } from './reference-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const bytes = fc.uint8Array({ minLength: 8, maxLength: 16 });

// An independent oracle: the Damm quasigroup table built from generic GF(2^5) multiplication.
function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 4; bit >= 0; bit--) {
    product <<= 1;
    if (product & 0b100000) product ^= 0b100101;
    if ((b >> bit) & 1) product ^= a;
  }
  return product;
}
const TABLE = Array.from({ length: 32 }, (_, x) =>
  Array.from({ length: 32 }, (_, y) => gfMultiply(2, x) ^ y),
);
function dammOk(code: string): boolean {
  let state = 0;
  for (const symbol of code.replaceAll('-', '')) state = TABLE[state]![ALPHABET.indexOf(symbol)]!;
  return state === 0;
}

function symbolsOf(code: string): string[] {
  return Array.from(code.replaceAll('-', ''));
}
function displayed(symbols: readonly string[]): string {
  const t = symbols.join('');
  return `${t.slice(0, 4)}-${t.slice(4, 8)}-${t.slice(8, 12)}-${t.slice(12)}`;
}

describe('the check quasigroup', () => {
  it('is a Latin square and weakly totally anti-symmetric, as Damm requires', () => {
    for (const row of TABLE) assert.equal(new Set(row).size, 32);
    for (let y = 0; y < 32; y++) assert.equal(new Set(TABLE.map((row) => row[y])).size, 32);
    for (let c = 0; c < 32; c++) {
      for (let x = 0; x < 32; x++) {
        for (let y = 0; y < 32; y++) {
          const xy = TABLE[TABLE[c]![x]!]![y]!;
          const yx = TABLE[TABLE[c]![y]!]![x]!;
          if (x !== y) assert.notEqual(xy, yx);
        }
      }
    }
  });
});

describe('formatReferenceCode', () => {
  it('encodes the first 60 bits as 12 Crockford symbols and a check symbol', () => {
    assert.equal(formatReferenceCode(new Uint8Array(8)), '0000-0000-0000-0');
    assert.equal(formatReferenceCode(new Uint8Array(8).fill(0xff)), 'ZZZZ-ZZZZ-ZZZZ-R');
    assert.equal(formatReferenceCode(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9)), '0410-6105-0R3G-M');
  });

  it('gives a code the independent Damm table accepts, in groups of four', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = formatReferenceCode(random);
        assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}-[0-9A-HJKMNP-TV-Z]$/);
        assert.ok(dammOk(code));
      }),
    );
  });

  it('uses all 60 bits: codes from different first 60 bits differ', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 59 }), (random, bit) => {
        const flipped = Uint8Array.from(random);
        flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
        assert.notEqual(formatReferenceCode(flipped), formatReferenceCode(random));
      }),
    );
  });

  it('refuses fewer than 8 random bytes', () => {
    assert.throws(() => formatReferenceCode(new Uint8Array(7)), RangeError);
  });
});

describe('normaliseReferenceCode', () => {
  it('round-trips every code, typed in lower case with spaces or without separators', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = formatReferenceCode(random);
        assert.equal(normaliseReferenceCode(code), code);
        assert.equal(normaliseReferenceCode(code.toLowerCase().replaceAll('-', ' ')), code);
        assert.equal(normaliseReferenceCode(`  ${code.replaceAll('-', '')}\n`), code);
      }),
    );
  });

  it('detects every single-symbol typo', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const symbols = symbolsOf(formatReferenceCode(random));
        symbols.forEach((original, position) => {
          for (const typo of ALPHABET) {
            if (typo === original) continue;
            const typed = symbols.with(position, typo);
            assert.equal(normaliseReferenceCode(typed.join('')), undefined, typed.join(''));
          }
        });
      }),
      { numRuns: 50 },
    );
  });

  it('detects every swap of two different symbols', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const symbols = symbolsOf(formatReferenceCode(random));
        for (let i = 0; i < symbols.length; i++) {
          for (let j = i + 1; j < symbols.length; j++) {
            if (symbols[i] === symbols[j]) continue;
            const swapped = symbols.with(i, symbols[j]!).with(j, symbols[i]!);
            assert.equal(normaliseReferenceCode(swapped.join('')), undefined);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reads O as 0, I and L as 1, full-width forms and Cyrillic or Greek look-alikes', () => {
    const code = formatReferenceCode(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    assert.equal(code, '0410-6105-0R3G-M');
    assert.equal(normaliseReferenceCode('o4io-6Lo5-OR3G-m'), code);
    assert.equal(normaliseReferenceCode('０４１０－６１０５－０Ｒ３Ｇ－Ｍ'), code);
    assert.equal(normaliseReferenceCode('О410.6105_0R3G–M'), code); // Cyrillic О, en dash
    const greek = formatReferenceCode(
      Uint8Array.of(0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89),
    );
    const typed = greek.replaceAll('A', 'Α').replaceAll('B', 'Β').replaceAll('E', 'Ε');
    assert.equal(normaliseReferenceCode(typed), greek);
  });

  it('maps each look-alike to the symbol it resembles', () => {
    const cyrillic = 'АВЕКМНОРСТХ';
    const greek = 'ΑΒΕΖΗΚΜΝΟΡΤΧ';
    const expect = (lookAlike: string, latin: string) => {
      const symbols = symbolsOf(formatReferenceCode(new Uint8Array(8)));
      const base = symbols.with(0, latin);
      // Make the check hold for the Latin symbol, then type its look-alike instead.
      const check = Array.from(ALPHABET).find((c) => dammOk(displayed(base.with(12, c))))!;
      const withCheck = base.with(12, check);
      assert.equal(
        normaliseReferenceCode(withCheck.with(0, lookAlike).join('')),
        displayed(withCheck),
        lookAlike,
      );
    };
    Array.from(cyrillic).forEach((c, i) => {
      expect(c, 'ABEKMH0PCTX'.charAt(i));
    });
    Array.from(greek).forEach((c, i) => {
      expect(c, 'ABEZHKMN0PTX'.charAt(i));
    });
  });

  it('refuses a wrong length, a symbol outside the alphabet, and very long input', () => {
    assert.equal(normaliseReferenceCode('0410-6105-0R3G'), undefined);
    assert.equal(normaliseReferenceCode('0410-6105-0R3G-MM'), undefined);
    assert.equal(normaliseReferenceCode('0410-6105-0R3U-M'), undefined);
    assert.equal(normaliseReferenceCode('0410-6105-0R3G-*'), undefined);
    assert.equal(normaliseReferenceCode(`0410-6105-0R3G-M${' '.repeat(60)}`), undefined);
    assert.equal(normaliseReferenceCode(''), undefined);
  });
});
