import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventFamilyOf, localEventTypeOf } from './event-family.ts';

describe('eventFamilyOf', () => {
  it('relates local sub-types that cross to the same ACLED sub-type', () => {
    assert.equal(eventFamilyOf('checkpoint_detention'), eventFamilyOf('arrests'));
    assert.equal(eventFamilyOf('removal_from_convoy'), 'Strategic developments/Arrests');
    assert.equal(eventFamilyOf('mines_or_uxo'), eventFamilyOf('remote_explosive_landmine_ied'));
    assert.notEqual(eventFamilyOf('checkpoint_detention'), eventFamilyOf('confiscation'));
  });

  it('relates nothing through the catch-all, an unknown code or no type', () => {
    assert.equal(eventFamilyOf('death_in_queue'), null);
    assert.equal(eventFamilyOf('no_such_type'), null);
    assert.equal(eventFamilyOf('toString'), null, 'an inherited key is not a code');
    assert.equal(eventFamilyOf(null), null);
  });
});

describe('localEventTypeOf', () => {
  it('groups sub-types under the local event type, and knows no unknown code', () => {
    assert.equal(localEventTypeOf('death_in_queue'), 'safe_passage');
    assert.equal(localEventTypeOf('armed_clash'), 'battles');
    assert.equal(localEventTypeOf('no_such_type'), undefined);
  });
});
