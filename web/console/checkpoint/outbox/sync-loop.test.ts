// The sync loop drains now when asked, again with growing delays after failures, resets the
// delay after a success, stops trying once the device is refused, and never runs two drains at
// once (a request during a drain runs one more drain after it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelay } from './backoff.ts';
import type { DrainResult } from './outbox.ts';
import { SyncLoop } from './sync-loop.ts';
import type { SyncState, Timers } from './sync-loop.ts';

function fakeTimers() {
  const pending: { run: () => void; ms: number }[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      const timer = { run, ms };
      pending.push(timer);
      return timer;
    },
    clear: (handle) => {
      const index = pending.findIndex((timer) => timer === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return { timers, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sync loop', () => {
  it('retries with growing delays, then settles once everything is sent', async () => {
    const { timers, pending } = fakeTimers();
    const answers: DrainResult[] = [
      { kind: 'retry', sent: 0 },
      { kind: 'retry', sent: 0 },
      { kind: 'done', sent: 2 },
    ];
    const states: SyncState[] = [];
    const loop = new SyncLoop({
      drain: () => Promise.resolve(answers.shift() ?? { kind: 'done', sent: 0 }),
      onState: (state) => states.push(state),
      timers,
      random: () => 0.999,
      now: () => 1_000_000,
    });
    loop.kick();
    await settle();
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.ms, retryDelay(0, 0.999));
    pending.shift()?.run();
    await settle();
    assert.equal(pending[0]!.ms, retryDelay(1, 0.999));
    assert.ok(retryDelay(1, 0.999) > retryDelay(0, 0.999));
    pending.shift()?.run();
    await settle();
    assert.equal(pending.length, 0, 'nothing more to try');
    assert.deepEqual(states.at(-1), { kind: 'idle', lastSentAt: 1_000_000 });
    assert.deepEqual(states[1], { kind: 'waiting', retryAt: 1_000_000 + retryDelay(0, 0.999) });
  });

  it('starts the backoff over when the network comes back', async () => {
    const { timers, pending } = fakeTimers();
    const loop = new SyncLoop({
      drain: () => Promise.resolve({ kind: 'retry', sent: 0 }),
      onState: () => undefined,
      timers,
      random: () => 0.999,
    });
    for (let attempt = 0; attempt < 4; attempt++) {
      loop.kick();
      await settle();
    }
    assert.equal(pending.at(-1)?.ms, retryDelay(3, 0.999));
    loop.kick(true);
    await settle();
    assert.equal(pending.at(-1)?.ms, retryDelay(0, 0.999));
    assert.equal(pending.length, 1, 'one timer at a time');
  });

  it('stops trying once the device is refused', async () => {
    const { timers, pending } = fakeTimers();
    const states: SyncState[] = [];
    const loop = new SyncLoop({
      drain: () => Promise.resolve({ kind: 'refused', code: 'unauthenticated', sent: 0 }),
      onState: (state) => states.push(state),
      timers,
    });
    loop.kick();
    await settle();
    assert.equal(pending.length, 0);
    assert.deepEqual(states.at(-1), { kind: 'refused', code: 'unauthenticated' });
  });

  it('runs one drain at a time, and once more for a request made meanwhile', async () => {
    const { timers } = fakeTimers();
    let running = 0;
    let most = 0;
    let drains = 0;
    let release: () => void = () => undefined;
    const loop = new SyncLoop({
      drain: async () => {
        drains += 1;
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        running -= 1;
        return { kind: 'done', sent: 0 };
      },
      onState: () => undefined,
      timers,
    });
    loop.kick();
    loop.kick();
    loop.kick();
    release();
    await settle();
    release();
    await settle();
    assert.equal(drains, 2);
    assert.equal(most, 1);
  });

  it('waits at least a second and at most a minute', () => {
    assert.equal(retryDelay(0, 0), 1_000);
    assert.equal(retryDelay(20, 0.999_999), 59_999);
    assert.ok(retryDelay(3, 0.5) <= 8_000);
  });
});
