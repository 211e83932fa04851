import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Random, WeightedIndex, zipfWeights } from './random.ts';

function draws(rng: Random, n: number): number[] {
  return Array.from({ length: n }, () => rng.uint32());
}

function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] ?? NaN;
}

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    assert.deepEqual(draws(Random.fromSeed(42), 100), draws(Random.fromSeed(42), 100));
    assert.notDeepEqual(draws(Random.fromSeed(42), 100), draws(Random.fromSeed(43), 100));
    assert.notDeepEqual(draws(Random.fromSeed(7), 10), draws(Random.fromSeed(-7), 10));
    assert.notDeepEqual(draws(Random.fromSeed(1), 10), draws(Random.fromSeed(2 ** 32 + 1), 10));
    assert.deepEqual(draws(Random.fromSeed('demo'), 10), draws(Random.fromSeed('demo'), 10));
    assert.notDeepEqual(draws(Random.fromSeed('demo'), 10), draws(Random.fromSeed('dem0'), 10));
  });

  it('keeps its output fixed across versions (a change would alter every demo scenario)', () => {
    assert.deepEqual(draws(Random.fromSeed(2023), 3), [3027194081, 3483475327, 2696375180]);
    assert.equal(Random.fromSeed(2023).float(), 0.70482355215445);
    assert.equal(Random.fromSeed('demo').uint32(), 1923049096);
    assert.equal(Random.fromSeed(1).uuid(), '26d3688f-d775-43ad-a6ca-0274de3dd960');
  });

  it('forks streams that depend only on the label, not on what the parent drew', () => {
    const a = Random.fromSeed(9);
    const b = Random.fromSeed(9);
    draws(b, 1000);
    assert.deepEqual(draws(a.fork('cars'), 20), draws(b.fork('cars'), 20));
    assert.notDeepEqual(draws(a.fork('cars'), 20), draws(a.fork('buses'), 20));
    assert.notDeepEqual(draws(a.fork('cars'), 20), draws(a, 20));
  });

  it('refuses seeds that are not finite numbers', () => {
    assert.throws(() => Random.fromSeed(Number.NaN), RangeError);
    assert.throws(() => Random.fromSeed(Infinity), RangeError);
  });

  it('draws floats in [0, 1) and integers within inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.nat(50),
        (seed, lo, w) => {
          const rng = Random.fromSeed(seed);
          const f = rng.float();
          const i = rng.int(lo, lo + w);
          return f >= 0 && f < 1 && Number.isInteger(i) && i >= lo && i <= lo + w;
        },
      ),
    );
    const rng = Random.fromSeed(3);
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(1, 4)));
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4]);
    assert.throws(() => rng.int(2, 1), RangeError);
  });

  it('picks by weight, never an item of weight zero', () => {
    const rng = Random.fromSeed(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[rng.pickWeighted(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    assert.equal(counts.c, 0);
    assert.ok(Math.abs(counts.b / 20_000 - 0.75) < 0.02, `b share ${counts.b / 20_000}`);
    assert.throws(() => rng.pick([]), RangeError);
    assert.throws(() => rng.pickWeighted([], []), RangeError);
  });

  it('draws normal, log-normal and Poisson values with the asked-for parameters', () => {
    const rng = Random.fromSeed(11);
    const normals = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length);
    assert.ok(Math.abs(mean - 10) < 0.1 && Math.abs(sd - 2) < 0.1, `${mean} ${sd}`);
    const logs = Array.from({ length: 20_000 }, () => rng.lognormalFromQuantiles(60, 240));
    assert.ok(Math.abs(quantile(logs, 0.5) / 60 - 1) < 0.05, `median ${quantile(logs, 0.5)}`);
    assert.ok(Math.abs(quantile(logs, 0.95) / 240 - 1) < 0.08, `p95 ${quantile(logs, 0.95)}`);
    for (const lambda of [0.5, 4, 100]) {
      const counts = Array.from({ length: 10_000 }, () => rng.poisson(lambda));
      const m = counts.reduce((a, b) => a + b, 0) / counts.length;
      assert.ok(Math.abs(m / lambda - 1) < 0.05, `poisson ${lambda}: ${m}`);
      assert.ok(counts.every((c) => Number.isInteger(c) && c >= 0));
    }
    assert.equal(rng.poisson(0), 0);
  });

  it('shuffles into a permutation of the same items', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
        const shuffled = Random.fromSeed(seed).shuffle([...items]);
        return JSON.stringify([...shuffled].sort()) === JSON.stringify([...items].sort());
      }),
    );
    const order = Random.fromSeed(1).shuffle(Array.from({ length: 20 }, (_, i) => i));
    assert.notDeepEqual(
      order,
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('draws version-4 UUIDs that do not repeat', () => {
    const rng = Random.fromSeed(8);
    const ids = Array.from({ length: 50_000 }, () => rng.uuid());
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;
    assert.ok(ids.every((id) => pattern.test(id)));
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('WeightedIndex', () => {
  it('draws indexes in proportion to their weights', () => {
    const rng = Random.fromSeed(4);
    const index = new WeightedIndex([0, 1, 0, 3]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[index.draw(rng)]! += 1;
    assert.equal(counts[0], 0);
    assert.equal(counts[2], 0);
    assert.ok(Math.abs(counts[3]! / 20_000 - 0.75) < 0.02);
  });

  it('refuses no weights or only zero weights', () => {
    assert.throws(() => new WeightedIndex([]), RangeError);
    assert.throws(() => new WeightedIndex([0, 0]), RangeError);
  });

  it('builds Zipf weights that fall with rank', () => {
    const weights = zipfWeights(5, 1);
    assert.deepEqual(weights, [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5]);
  });
});
