// The monitoring loader's batching: dependent steps keep their time order, unrelated steps share
// a batch (and so the sequencer's group commits).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchesOf } from './monitoring.loader.ts';
import type { Step } from './monitoring-steps.ts';

function step(at: string, keys: string[], needs: string[] = []): Step {
  return { at, keys, needs, run: () => Promise.resolve() };
}

const labels = (batches: Step[][]) => batches.map((batch) => batch.map((s) => s.at));

describe('batchesOf', () => {
  it('runs unrelated steps side by side and dependent ones one after the other', () => {
    const steps = [
      step('1', ['source:a']),
      step('2', ['source:b']),
      step('3', ['item:x'], ['source:a']),
      step('4', ['incident:i', 'item:x']),
      step('5', ['patrol:p']),
      step('6', ['incident:i']),
    ];
    assert.deepEqual(labels(batchesOf(steps)), [['1', '2', '5'], ['3'], ['4'], ['6']]);
  });

  it('keeps every step exactly once and splits a large batch', () => {
    const steps = Array.from({ length: 1100 }, (_, i) => step(String(i), [`hotline:${i}`]));
    const batches = batchesOf(steps);
    assert.deepEqual(
      batches.map((b) => b.length),
      [512, 512, 76],
    );
    assert.equal(new Set(batches.flat()).size, steps.length);
  });
});
