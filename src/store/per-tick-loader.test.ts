import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perTickLoader } from './per-tick-loader.ts';

/** A table of `rows` behind a loader that records every query it runs. */
function table(rows: Map<string, number>) {
  const queries: string[][] = [];
  const loader = perTickLoader((keys: readonly string[]) => {
    queries.push([...keys]);
    return Promise.resolve(
      new Map(keys.flatMap((key) => (rows.has(key) ? [[key, rows.get(key) ?? 0]] : []))),
    );
  });
  return { queries, loader };
}

describe('perTickLoader', () => {
  it('answers the lookups of one turn with one query, undefined for a key not found', async () => {
    const { queries, loader } = table(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    const answers = await Promise.all([
      loader.load('a'),
      loader.loadMany(['b', 'x']),
      loader.load('a'),
    ]);
    assert.deepEqual(answers, [1, [2, undefined], 1]);
    assert.equal(queries.length, 1);
    assert.deepEqual([...(queries[0] ?? [])].sort(), ['a', 'a', 'b', 'x']);
  });

  it('batches lookups made in separate callbacks of one turn, as requests read together are', async () => {
    const { queries, loader } = table(new Map([['k', 7]]));
    // Two timers due at once run in one timers phase, each a callback of its own with its
    // promise jobs run in between — as two requests read in one I/O phase are.
    const answers = await Promise.all(
      [0, 1].map(
        () =>
          new Promise((resolve) => {
            setTimeout(() => {
              resolve(loader.load('k'));
            }, 0);
          }),
      ),
    );
    assert.deepEqual(answers, [7, 7]);
    assert.equal(queries.length, 1);
  });

  it('caches nothing: a lookup after a change sees the change', async () => {
    const rows = new Map([['a', 1]]);
    const { queries, loader } = table(rows);
    assert.equal(await loader.load('a'), 1);
    rows.set('a', 2);
    assert.equal(await loader.load('a'), 2);
    assert.equal(queries.length, 2);
  });

  it('rejects every lookup of a turn whose query fails, and answers the next turn again', async () => {
    let fail = true;
    const loader = perTickLoader((keys: readonly string[]) =>
      fail
        ? Promise.reject(new Error('database gone'))
        : Promise.resolve(new Map(keys.map((k) => [k, k]))),
    );
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    fail = false;
    assert.equal(await loader.load('a'), 'a');
  });

  it('splits a turn of more than 500 keys into queries of at most 500', async () => {
    const { queries, loader } = table(new Map());
    await loader.loadMany(Array.from({ length: 1_200 }, (_, i) => String(i)));
    assert.deepEqual(
      queries.map((keys) => keys.length),
      [500, 500, 200],
    );
  });
});
