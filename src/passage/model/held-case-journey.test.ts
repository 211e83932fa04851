import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyStepForHeldCase } from './held-case-journey.ts';
import { HELD_CASE_STATES } from './states.ts';

describe('the journey a held case moves', () => {
  it('takes a person pulled aside into custody, out of sight, or back to the road', () => {
    const steps = Object.fromEntries(
      HELD_CASE_STATES.map((state) => [state, journeyStepForHeldCase('held_secondary', state)]),
    );
    assert.deepEqual(steps, {
      reported: undefined,
      confirmed_held: 'detained',
      location_known: 'detained',
      icrc_access: 'detained',
      charged: 'detained',
      sentenced: 'detained',
      transferred: 'detained',
      whereabouts_unknown: 'unknown',
      released: 'released',
      died_in_custody: undefined,
    });
  });

  it('releases a detainee and finds a person whose whereabouts were unknown', () => {
    assert.equal(journeyStepForHeldCase('detained', 'released'), 'released');
    assert.equal(journeyStepForHeldCase('unknown', 'location_known'), 'detained');
    assert.equal(journeyStepForHeldCase('detained', 'whereabouts_unknown'), 'unknown');
  });

  it('leaves a journey already there, or moved on past what the case can undo', () => {
    assert.equal(journeyStepForHeldCase('detained', 'icrc_access'), undefined);
    assert.equal(journeyStepForHeldCase('arrived', 'confirmed_held'), undefined);
    assert.equal(journeyStepForHeldCase('turned_back', 'released'), undefined);
    assert.equal(journeyStepForHeldCase('registered_at_arrival', 'whereabouts_unknown'), undefined);
  });
});
