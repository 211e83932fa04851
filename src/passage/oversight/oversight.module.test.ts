import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCAN_INTERVAL_MS, scanIntervalOf } from './oversight.module.ts';

describe('scan interval', () => {
  it('takes the configured value first, then VIGIL_SCAN_INTERVAL_MS, then 15 s', () => {
    const fail = () => assert.fail('nothing to log');
    assert.equal(scanIntervalOf(2000, { VIGIL_SCAN_INTERVAL_MS: '5000' }, fail), 2000);
    assert.equal(scanIntervalOf(undefined, { VIGIL_SCAN_INTERVAL_MS: '5000' }, fail), 5000);
    assert.equal(scanIntervalOf(undefined, {}, fail), DEFAULT_SCAN_INTERVAL_MS);
    assert.equal(DEFAULT_SCAN_INTERVAL_MS, 15_000);
  });

  it('refuses an interval that could delay alerts past a minute, or is not a number', () => {
    for (const text of ['60000', 'soon', '0', '1.5', '-100']) {
      const logged: string[] = [];
      const interval = scanIntervalOf(undefined, { VIGIL_SCAN_INTERVAL_MS: text }, (_e, what) =>
        logged.push(what),
      );
      assert.equal(interval, DEFAULT_SCAN_INTERVAL_MS, text);
      assert.deepEqual(logged, ['scan interval'], text);
    }
  });
});
