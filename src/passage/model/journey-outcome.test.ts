import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyOutcomeOf } from './journey-outcome.ts';
import { JOURNEY_STATES } from './states.ts';
import type { JourneyState } from './states.ts';

describe('journeyOutcomeOf', () => {
  it('puts every journey state in exactly the column DOMAIN.md §4 counts it in', () => {
    const columns = Object.fromEntries(JOURNEY_STATES.map((s) => [s, journeyOutcomeOf(s)]));
    assert.deepEqual(columns, {
      listed: 'not_departed',
      no_show: 'not_departed',
      boarded: 'en_route',
      passed: 'en_route',
      held_secondary: 'held',
      released: 'en_route',
      turned_back: 'turned_back',
      detained: 'held',
      unknown: 'held',
      died_en_route: 'died',
      medevac: 'arrived',
      arrived: 'arrived',
      registered_at_arrival: 'arrived',
    });
  });

  it('knows nothing of a state string from another version, even an inherited name', () => {
    for (const state of ['constructor', '__proto__', 'evacuated'] as unknown as JourneyState[]) {
      assert.equal(journeyOutcomeOf(state), undefined);
    }
  });
});
