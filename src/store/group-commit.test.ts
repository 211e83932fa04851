import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from './group-commit.ts';

/** A write that records each group and fails any group holding `bad`. */
function recorder(bad?: string) {
  const groups: string[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const write = async (items: readonly string[]) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    groups.push([...items]);
    if (bad !== undefined && items.includes(bad)) throw new Error(`refused ${bad}`);
  };
  return { groups, write, mostInFlight: () => mostInFlight };
}

describe('GroupCommit', () => {
  it('writes the submissions of one moment together, in order', async () => {
    const r = recorder();
    const commits = new GroupCommit({ write: r.write });
    await Promise.all([commits.submit(['a']), commits.submit(['b', 'c']), commits.submit(['d'])]);
    assert.deepEqual(r.groups, [['a', 'b', 'c', 'd']]);
  });

  it('takes what arrives during a write into the next group', async () => {
    const r = recorder();
    const commits = new GroupCommit({ write: r.write });
    const first = commits.submit(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, commits.submit(['b']), commits.submit(['c'])]);
    assert.deepEqual(r.groups, [['a'], ['b', 'c']]);
  });

  it('never splits a submission and stops a group at maxItems', async () => {
    const r = recorder();
    const commits = new GroupCommit({ write: r.write, maxItems: 3 });
    await Promise.all([
      commits.submit(['a', 'b']),
      commits.submit(['c', 'd']),
      commits.submit(['e']),
    ]);
    assert.deepEqual(r.groups, [['a', 'b', 'c', 'd'], ['e']]);
  });

  it('retries each submission alone when the shared write fails, so only the bad one fails', async () => {
    const r = recorder('bad');
    const commits = new GroupCommit({ write: r.write });
    const results = await Promise.allSettled([
      commits.submit(['a']),
      commits.submit(['bad']),
      commits.submit(['c']),
    ]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(r.groups, [['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('rejects a lone submission with its own failure, without a retry', async () => {
    const r = recorder('bad');
    const commits = new GroupCommit({ write: r.write });
    await assert.rejects(commits.submit(['bad']), /refused bad/);
    assert.deepEqual(r.groups, [['bad']]);
  });

  it('runs at most `concurrency` groups at once', async () => {
    const r = recorder();
    const commits = new GroupCommit({ write: r.write, concurrency: 2, maxItems: 1 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => commits.submit([item])));
    assert.equal(r.mostInFlight(), 2);
    assert.deepEqual(r.groups.flat().sort(), ['a', 'b', 'c', 'd', 'e']);
  });
});
