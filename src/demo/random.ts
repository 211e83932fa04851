// A small seeded PRNG for the synthetic demo scenario: xoshiro128** (Blackman & Vigna 2018)
// seeded through splitmix32. Everything is 32-bit arithmetic (Math.imul, >>> 0) because JS bit
// operators truncate to 32 bits; a 64-bit generator would need BigInt and be far slower.
// Same seed → same sequence on every engine, so the same seed gives the same scenario, byte for
// byte. Streams are forked by label from the root key, so adding draws to one part of the
// generator does not shift the numbers another part sees.

/** A seed: any finite number or a string (hashed). */
export type Seed = number | string;

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;
// Φ⁻¹(0.95): turns a (median, 95th percentile) pair into a log-normal sigma.
const Z95 = 1.6448536269514722;

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_CODES: number[] = new Array<number>(36).fill(48);

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** FNV-1a over UTF-16 code units: a cheap, stable 32-bit hash for seeds and labels. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32 finaliser: spreads a 32-bit value so close seeds give unrelated states. */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function seedWords(seed: Seed): [number, number] {
  if (typeof seed === 'string') return [fnv1a(seed), 0x5eed];
  if (!Number.isFinite(seed)) throw new RangeError('seed must be finite');
  const whole = Math.trunc(Math.abs(seed));
  // The sign goes into the high word so that 7 and -7 are different seeds.
  return [whole >>> 0, (Math.floor(whole / TWO_POW_32) ^ (seed < 0 ? 0x80000000 : 0)) >>> 0];
}

/**
 * A deterministic random stream.
 *
 * @example
 * const rng = Random.fromSeed(42).fork('households');
 * const size = rng.int(1, 9);
 */
export class Random {
  readonly #key: readonly number[];
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  private constructor(key: readonly number[]) {
    this.#key = key;
    this.#a = key[0] ?? 1;
    this.#b = key[1] ?? 2;
    this.#c = key[2] ?? 3;
    this.#d = key[3] ?? 4;
    // xoshiro must never start from the all-zero state.
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** The root stream of a seed. */
  static fromSeed(seed: Seed): Random {
    const [lo, hi] = seedWords(seed);
    let s = mix32(lo ^ mix32(hi));
    const key: number[] = [];
    for (let i = 0; i < 4; i++) {
      s = mix32(s + i);
      key.push(s);
    }
    return new Random(key);
  }

  /** An independent stream named by `label`; depends only on this stream's key and the label. */
  fork(label: string): Random {
    const h = fnv1a(label);
    return new Random(this.#key.map((word, i) => mix32(word ^ mix32(h + i))));
  }

  /** The next 32-bit unsigned integer (xoshiro128**). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.#b << 9) >>> 0;
    this.#c = (this.#c ^ this.#a) >>> 0;
    this.#d = (this.#d ^ this.#b) >>> 0;
    this.#b = (this.#b ^ this.#c) >>> 0;
    this.#a = (this.#a ^ this.#d) >>> 0;
    this.#c = (this.#c ^ t) >>> 0;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.uint32() >>> 5;
    const low = this.uint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range ${min}..${max}`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One element with probability proportional to its weight (weights ≥ 0, not all 0). */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      const item = items[i];
      if (r < 0 && item !== undefined) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('pickWeighted from an empty list');
    return last;
  }

  /** A normal deviate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float(); // (0, 1]: log(0) must not happen
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal deviate with the given median and log-scale sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A log-normal deviate whose median is p50 and whose 95th percentile is p95. */
  lognormalFromQuantiles(p50: number, p95: number): number {
    return this.lognormal(p50, Math.log(p95 / p50) / Z95);
  }

  /** A Poisson count (Knuth for small means, a rounded normal for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const a = items[i];
      const b = items[j];
      if (a === undefined || b === undefined) continue;
      items[i] = b;
      items[j] = a;
    }
    return items;
  }

  /** A random (version 4 shaped) UUID drawn from this stream, so it is reproducible. */
  uuid(): string {
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    // Version 4, variant 10xx, as RFC 9562 §5.4 lays them out.
    words[1] = (((words[1] ?? 0) & 0xffff0fff) | 0x4000) >>> 0;
    words[2] = (((words[2] ?? 0) & 0x3fffffff) | 0x80000000) >>> 0;
    const codes = UUID_CODES;
    let at = 0;
    for (let i = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = 45; // '-'
      const word = words[i >>> 3] ?? 0;
      codes[at++] = HEX_CODES[(word >>> (28 - 4 * (i & 7))) & 15] ?? 48;
    }
    // One flat string: concatenation would leave a tree of string pieces per id for the GC.
    return String.fromCharCode(...codes);
  }
}

/**
 * Draws indexes 0…n-1 with probability proportional to fixed weights, in O(log n) per draw
 * (cumulative sums and a binary search), for the hot loops over people.
 *
 * @example
 * const sizes = new WeightedIndex([0.1, 0.2, 0.7]);
 * const i = sizes.draw(rng); // 2 most of the time
 */
export class WeightedIndex {
  readonly #cumulative: Float64Array;
  readonly #total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError('no weights');
    this.#cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.#cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.#total = sum;
  }

  /** One index. */
  draw(rng: Random): number {
    const r = rng.float() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Zipf-like weights 1/(rank+1)^exponent: a few very common names and a long tail. */
export function zipfWeights(count: number, exponent: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}
