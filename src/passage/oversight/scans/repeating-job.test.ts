import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { startRepeatingJob } from './repeating-job.ts';

describe('repeating job', () => {
  it('never overlaps a run that outlasts the interval', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const stop = startRepeatingJob({
      what: 'slow job',
      intervalMs: 2,
      firstDelayMs: 0,
      run: async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(15);
        running--;
        runs++;
      },
      logError: () => assert.fail('nothing fails'),
    });
    await sleep(100);
    await stop();
    assert.equal(mostAtOnce, 1);
    assert.ok(runs >= 3, `ran ${runs} times`);
  });

  it('logs a failing run and keeps running', async () => {
    const logged: string[] = [];
    let runs = 0;
    const stop = startRepeatingJob({
      what: 'failing job',
      intervalMs: 2,
      firstDelayMs: 0,
      run: () => {
        runs++;
        return Promise.reject(new Error('database gone'));
      },
      logError: (error, what) => {
        logged.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
    await sleep(50);
    await stop();
    assert.ok(runs >= 2, `ran ${runs} times`);
    assert.equal(logged.length, runs);
    assert.equal(logged[0], 'failing job: database gone');
  });

  it('waits for the run in flight when stopped, and runs no more', async () => {
    let finished = false;
    let started = 0;
    let release: () => void = () => undefined;
    const stop = startRepeatingJob({
      what: 'job',
      intervalMs: 1,
      firstDelayMs: 0,
      run: async () => {
        started++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        finished = true;
      },
      logError: () => assert.fail('nothing fails'),
    });
    await sleep(10);
    const stopping = stop();
    assert.equal(finished, false);
    release();
    await stopping;
    assert.equal(finished, true);
    await sleep(10);
    assert.equal(started, 1);
  });

  it('survives a logger that throws', async () => {
    let runs = 0;
    const stop = startRepeatingJob({
      what: 'job',
      intervalMs: 1,
      firstDelayMs: 0,
      run: () => {
        runs++;
        return Promise.reject(new Error('fails'));
      },
      logError: () => {
        throw new Error('logger down');
      },
    });
    await sleep(20);
    await stop();
    assert.ok(runs >= 2, `ran ${runs} times`);
  });
});
