import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InfoItem } from '../shared/desk-types.ts';
import { contentOf, draftFromItem, instantOfLocalInput, localInputOf } from './incident-draft.ts';

const item: InfoItem = {
  id: '13cf7113-3564-4c5a-8891-5d9d6fe64678',
  channel: 'resident_report',
  sourceId: null,
  proximity: 'eyewitness',
  credibility: 6,
  language: 'en',
  receivedAt: '2023-10-04T21:55:42.226Z',
  occurredAt: '2023-10-04T20:36:19.598Z',
  placeId: '60059b9d-dc96-4825-a293-23d0bd8c0bb8',
  eventType: 'checkpoint_detention',
  status: 'new',
  statusReason: null,
  version: 1,
};
const NOW = new Date('2023-10-05T08:00:00Z');

describe('a new incident drafted from an item', () => {
  it('takes the item’s sub-type, time and place, at day and town precision', () => {
    const draft = draftFromItem(item, NOW);
    assert.equal(draft.subEventType, 'checkpoint_detention');
    assert.equal(draft.occurredStart, item.occurredAt);
    assert.equal(draft.timePrecision, 1);
    assert.equal(draft.placeId, item.placeId);
    assert.equal(draft.geoPrecision, 2);
  });

  it('falls back to other, now (month precision) and no place when the item does not say', () => {
    const draft = draftFromItem(
      { ...item, eventType: 'not_a_taxonomy_code', occurredAt: null, placeId: null },
      NOW,
    );
    assert.equal(draft.subEventType, 'other');
    assert.equal(draft.occurredStart, NOW.toISOString());
    assert.equal(draft.timePrecision, 3);
    assert.equal(draft.placeId, null);
    assert.equal(draft.geoPrecision, 3);
  });

  it('sends each figure as low = best = high and an empty summary as none', () => {
    const draft = { ...draftFromItem(item, NOW), narrative: 'what was said' };
    draft.tolls.detained = 2;
    const content = contentOf(draft);
    assert.deepEqual(content.tolls.detained, { low: 2, best: 2, high: 2 });
    assert.deepEqual(content.tolls.killed, { low: 0, best: 0, high: 0 });
    assert.equal(content.publicSummary, null);
    assert.equal(
      contentOf({ ...draft, publicSummary: '  held for an hour ' }).publicSummary,
      'held for an hour',
    );
    assert.deepEqual(
      [content.actors, content.victims, content.lat, content.lon],
      [[], [], null, null],
    );
  });

  it('turns a datetime-local value into the same instant and back', () => {
    const local = localInputOf('2023-10-04T20:36:19.598Z');
    assert.match(local, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    assert.equal(instantOfLocalInput(local), '2023-10-04T20:36:00.000Z');
    assert.equal(instantOfLocalInput(''), undefined);
    assert.equal(instantOfLocalInput('2023-10-04'), undefined);
  });
});
