// Synthetic document numbers, phone numbers and plates. Each kind has a counter passed through a
// bijection n → (n·A + B) mod M (A coprime to M), so numbers look scattered yet never repeat:
// document search tests can rely on one number meaning one person. Formats are invented
// ('ZP' passports, the unassigned +999 country code), so none can belong to a real person.
import type { Random } from './random.ts';

interface Counter {
  next: number;
  readonly modulus: number;
  readonly multiplier: number;
  readonly offset: number;
}

function counter(rng: Random, modulus: number, multiplier: number): Counter {
  return { next: 0, modulus, multiplier, offset: rng.int(0, modulus - 1) };
}

function draw(c: Counter, what: string): number {
  if (c.next >= c.modulus) throw new RangeError(`synthetic ${what} numbers exhausted`);
  const n = c.next++;
  // n·A stays below 2^53 for every modulus used here, so the product is exact.
  return (n * c.multiplier + c.offset) % c.modulus;
}

const LETTERS = 'ABCEHKMOPTXZ';
const PASSPORT_SERIES = ['ZP', 'ZR', 'ZS', 'ZT'] as const;

function digits(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A source of unique synthetic numbers for one scenario.
 *
 * @example
 * const numbers = new SyntheticNumbers(rng.fork('numbers'));
 * numbers.passport(); // 'ZS4810273'
 */
export class SyntheticNumbers {
  readonly #passport: Counter;
  readonly #idCard: Counter;
  readonly #birthCertificate: Counter;
  readonly #phone: Counter;
  readonly #plate: Counter;

  constructor(rng: Random) {
    // Multipliers have no factor 2, 3 or 5, so they are coprime to every modulus below.
    this.#passport = counter(rng, 10_000_000, 7_368_787);
    this.#idCard = counter(rng, 1_000_000_000, 982_451);
    this.#birthCertificate = counter(rng, 10_000_000, 5_463_461);
    this.#phone = counter(rng, 100_000_000, 3_571_429);
    // Plates: 12² letter pairs × 10^5 digit strings = 14,400,000 = 2^9·3^2·5^5.
    this.#plate = counter(rng, 14_400_000, 7_368_787);
  }

  /** 'ZP1234567': a series and seven digits. */
  passport(): string {
    const n = draw(this.#passport, 'passport');
    return `${PASSPORT_SERIES[n % PASSPORT_SERIES.length] ?? 'ZP'}${digits(n, 7)}`;
  }

  /** Nine digits. */
  idCard(): string {
    return digits(draw(this.#idCard, 'id card'), 9);
  }

  /** 'BC-1234567'. */
  birthCertificate(): string {
    return `BC-${digits(draw(this.#birthCertificate, 'birth certificate'), 7)}`;
  }

  /** '+999 12 345678' (+999 is not assigned to any country). */
  phone(): string {
    const n = digits(draw(this.#phone, 'phone'), 8);
    return `+999 ${n.slice(0, 2)} ${n.slice(2)}`;
  }

  /** '12 AB 345': two digits, two letters, three digits. */
  plate(): string {
    const n = draw(this.#plate, 'plate');
    const letters = Math.floor(n / 100_000);
    const first = LETTERS.charAt(Math.floor(letters / LETTERS.length));
    const second = LETTERS.charAt(letters % LETTERS.length);
    return `${digits(Math.floor(n / 1000) % 100, 2)} ${first}${second} ${digits(n % 1000, 3)}`;
  }
}
