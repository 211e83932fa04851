// Household reference codes (a family checks a journey with the code and a birth year): 12
// symbols of Crockford's base32 carrying 60 random bits, then one check symbol, shown as
// `XXXX-XXXX-XXXX-C`. The input to `normaliseReferenceCode` is typed by the public, often on a
// phone, often in another keyboard layout: it is attacker-controlled and read with care.
//
// The check symbol is Damm's algorithm over the quasigroup x∘y = 2·x ⊕ y in GF(2^5) (modulus
// x^5 + x^2 + 1), not Crockford's mod-37 check: that one needs five extra symbols (* ~ $ = U) a
// family cannot be asked to type. Over 13 symbols the check equals Σ 2^(12-i)·d_i in GF(32);
// since 2 generates the field's 31-element multiplicative group, it detects every single-symbol
// substitution and every transposition of two different symbols at any distance within the code.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 12;
const RANDOM_BYTES = 8;
/** Longest input worth reading: 13 symbols with generous separators. */
const MAX_INPUT_LENGTH = 64;

// Crockford's decoding aliases, plus Cyrillic and Greek capitals that look like Latin ones (a
// family in Armenia or Russia may type on a Cyrillic layout). NFKC first folds full-width forms.
const LOOK_ALIKES = 'АA ВB ЕE КK МM НH О0 РP СC ТT ХX ΑA ΒB ΕE ΖZ ΗH ΚK ΜM ΝN Ο0 ΡP ΤT ΧX';
const ALIASES = new Map<string, string>([
  ['O', '0'],
  ['I', '1'],
  ['L', '1'],
  ...LOOK_ALIKES.split(' ').map((pair): [string, string] => [pair.charAt(0), pair.charAt(1)]),
]);
const SEPARATORS = /[\s\-‐‑‒–—―−_.]/gu;

// Multiplication by 2 in GF(2^5) modulo x^5 + x^2 + 1.
function double(value: number): number {
  return value & 0b10000 ? (value << 1) ^ 0b100101 : value << 1;
}

/** The Damm interim digit after `digits`; the check symbol makes it 0. */
function interim(digits: readonly number[]): number {
  let state = 0;
  for (const digit of digits) state = double(state) ^ digit;
  return state;
}

function display(digits: readonly number[]): string {
  const text = digits.map((d) => ALPHABET.charAt(d)).join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12)}`;
}

/**
 * A new reference code from caller-supplied random bytes (at least 8, from
 * `crypto.getRandomValues`; the first 60 bits are used), so the function itself is pure.
 * Throws RangeError with fewer than 8 bytes: that is a bug in the caller, not bad input.
 *
 * @example formatReferenceCode(crypto.getRandomValues(new Uint8Array(8))) // 'K3F9-0QZT-7M2A-W'
 */
export function formatReferenceCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < RANDOM_BYTES) {
    throw new RangeError(`a reference code needs ${RANDOM_BYTES} random bytes`);
  }
  const digits: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of randomBytes.subarray(0, RANDOM_BYTES)) {
    buffer = ((buffer << 8) | byte) & 0x1fff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5 && digits.length < SYMBOLS) {
      bits -= 5;
      digits.push((buffer >>> bits) & 31);
    }
  }
  digits.push(double(interim(digits)));
  return display(digits);
}

/**
 * The canonical form `XXXX-XXXX-XXXX-C` of a typed code, or undefined when it is not a valid code
 * (wrong length, a symbol outside the alphabet, or a failed check). Accepts lower case, spaces,
 * dashes and dots anywhere, O for 0, I and L for 1, full-width forms and Cyrillic or Greek
 * look-alike capitals.
 *
 * @example normaliseReferenceCode('k3f9 oqzt 7m2a w') // 'K3F9-0QZT-7M2A-W' if the check holds
 */
export function normaliseReferenceCode(input: string): string | undefined {
  if (input.length > MAX_INPUT_LENGTH) return undefined;
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (compact.length !== SYMBOLS + 1) return undefined;
  const digits: number[] = [];
  for (const symbol of compact) {
    const digit = ALPHABET.indexOf(ALIASES.get(symbol) ?? symbol);
    if (digit < 0) return undefined;
    digits.push(digit);
  }
  return interim(digits) === 0 ? display(digits) : undefined;
}
