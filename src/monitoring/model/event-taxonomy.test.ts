import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  crosswalkOf,
  isSubEventType,
  SUB_EVENT_TYPE_CODES,
  SUB_EVENT_TYPES,
} from './event-taxonomy.ts';

const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
];

describe('event taxonomy', () => {
  it("holds ACLED's 25 sub-types, each crossing to itself", () => {
    const acled = SUB_EVENT_TYPE_CODES.filter((code) => {
      const { eventType } = crosswalkOf(code);
      return eventType !== 'safe_passage' && eventType !== 'mission_access';
    });
    assert.equal(acled.length, 25);
    assert.equal(new Set(acled.map((code) => crosswalkOf(code).acled.subEventType)).size, 25);
  });

  it('holds the corridor sub-types of DOMAIN.md §3', () => {
    const corridor = SUB_EVENT_TYPE_CODES.map(
      (code) => [code, crosswalkOf(code).eventType] as const,
    ).filter(([, type]) => type === 'safe_passage' || type === 'mission_access');
    assert.equal(corridor.length, 16);
    assert.deepEqual(crosswalkOf('checkpoint_detention').acled, {
      disorderType: 'Strategic developments',
      eventType: 'Strategic developments',
      subEventType: 'Arrests',
    });
    assert.equal(crosswalkOf('restriction_of_monitors').eventType, 'mission_access');
  });

  it('crosses every sub-type to one of the six ACLED event types', () => {
    for (const code of SUB_EVENT_TYPE_CODES) {
      assert.ok(ACLED_EVENT_TYPES.includes(SUB_EVENT_TYPES[code].acled.eventType), code);
    }
  });

  it('knows its own codes and no inherited name', () => {
    assert.ok(isSubEventType('mass_casualty_accident'));
    assert.equal(isSubEventType('toString'), false);
    assert.equal(isSubEventType('Armed clash'), false);
  });
});
