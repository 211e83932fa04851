import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from './disclosure.fixtures.ts';
import { delayHoursFor, earliestPublication, publishableAt } from './publication-delay.ts';
import type { DelayTable } from './publication-delay.ts';

const TABLE: DelayTable = {
  defaultHours: 0,
  rules: [
    { category: 'detention', hours: 48 },
    { category: 'detention', subType: 'checkpoint_detention', hours: 72 },
  ],
};

describe('publication delay', () => {
  it('takes the sub-type rule, else the category rule, else the default', () => {
    assert.equal(
      delayHoursFor({ category: 'detention', subType: 'checkpoint_detention' }, TABLE),
      72,
    );
    assert.equal(delayHoursFor({ category: 'detention', subType: 'arrests' }, TABLE), 48);
    assert.equal(delayHoursFor({ category: 'detention' }, TABLE), 48);
    assert.equal(delayHoursFor({ category: 'shelling' }, TABLE), 0);
    const onlySubType: DelayTable = {
      defaultHours: 24,
      rules: [{ category: 'a', subType: 'b', hours: 1 }],
    };
    assert.equal(delayHoursFor({ category: 'a' }, onlySubType), 24);
  });

  it('gives the earliest publication time', () => {
    const item = { category: 'detention', at: '2023-09-25T18:00:00Z' };
    assert.equal(earliestPublication(item, TABLE), '2023-09-27T18:00:00.000Z');
  });

  it('keeps only the items publishable now, in order', () => {
    const items = [
      { id: 1, category: 'detention', at: '2023-09-25T18:00:00Z' },
      { id: 2, category: 'shelling', at: '2023-09-26T10:00:00Z' },
      { id: 3, category: 'detention', subType: 'checkpoint_detention', at: '2023-09-25T18:00:00Z' },
    ];
    const ids = (now: string) => publishableAt(items, TABLE, now).map((item) => item.id);
    assert.deepEqual(ids('2023-09-27T17:59:59Z'), [2]);
    assert.deepEqual(ids('2023-09-27T18:00:00Z'), [1, 2]);
    assert.deepEqual(ids('2023-09-28T18:00:00Z'), [1, 2, 3]);
  });

  it('refuses unreadable times and negative delays', () => {
    assert.throws(() => publishableAt([], TABLE, 'soon'), refusal('bad_time'));
    assert.throws(
      () => earliestPublication({ category: 'x', at: 'yesterday' }, TABLE),
      refusal('bad_time'),
    );
    const negative = { defaultHours: -1, rules: [] };
    assert.throws(() => delayHoursFor({ category: 'x' }, negative), refusal('bad_policy'));
    const infinite = { defaultHours: 0, rules: [{ category: 'x', hours: Infinity }] };
    assert.throws(() => delayHoursFor({ category: 'x' }, infinite), refusal('bad_policy'));
  });
});
