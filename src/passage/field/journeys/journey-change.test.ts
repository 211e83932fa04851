import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../errors/domain-error.ts';
import { aJourney, hoursAfterD0 } from '../../database/passage.fixtures.ts';
import { aListedJourney } from '../field.fixtures.ts';
import {
  expectedByAfter,
  firstCheckpointProgress,
  planJourneyChange,
  statePath,
} from './journey-change.ts';

const change = {
  at: hoursAfterD0(12),
  placeId: 'bridge',
  actor: 'device-1',
  sourceItemId: 'item-1',
};

describe('statePath', () => {
  it('steps a listed or no-show journey through boarded only when asked', () => {
    assert.deepEqual(statePath('listed', 'passed', { boardFirst: true }), ['boarded', 'passed']);
    assert.deepEqual(statePath('no_show', 'held_secondary', { boardFirst: true }), [
      'boarded',
      'held_secondary',
    ]);
    assert.deepEqual(statePath('listed', 'passed'), ['passed']);
    assert.deepEqual(statePath('listed', 'no_show', { boardFirst: true }), ['no_show']);
    assert.deepEqual(statePath('no_show', 'boarded', { boardFirst: true }), ['boarded']);
  });

  it('steps a journey on the road through arrived before registration, when asked', () => {
    assert.deepEqual(statePath('passed', 'registered_at_arrival', { arriveFirst: true }), [
      'arrived',
      'registered_at_arrival',
    ]);
    assert.deepEqual(statePath('arrived', 'registered_at_arrival', { arriveFirst: true }), [
      'registered_at_arrival',
    ]);
    assert.deepEqual(statePath('medevac', 'registered_at_arrival', { arriveFirst: true }), [
      'registered_at_arrival',
    ]);
    assert.deepEqual(statePath('detained', 'registered_at_arrival', { arriveFirst: true }), [
      'registered_at_arrival',
    ]);
  });
});

describe('planJourneyChange', () => {
  it('chains versions and sets departure, last sighting and extra columns on the last step', () => {
    const journey = aListedJourney({ version: 4 });
    const planned = planJourneyChange(journey, {
      ...change,
      to: 'passed',
      boardFirst: true,
      progress: { vehicleId: 'car-1' },
    });
    assert.deepEqual(
      planned.transitions.map((step) => [step.from, step.to, step.expectedVersion]),
      [
        ['listed', 'boarded', 4],
        ['boarded', 'passed', 5],
      ],
    );
    assert.equal(planned.transitions[0]?.progress, undefined);
    assert.deepEqual(planned.transitions[1]?.progress, {
      lastSeenAt: change.at,
      lastPlaceId: 'bridge',
      departedAt: change.at,
      vehicleId: 'car-1',
    });
    assert.deepEqual([planned.after.state, planned.after.version], ['passed', 6]);
  });

  it('keeps an earlier departure and records arrival and registration times', () => {
    const journey = aJourney({ state: 'passed', departedAt: hoursAfterD0(3), arrivedAt: null });
    const planned = planJourneyChange(journey, {
      ...change,
      to: 'registered_at_arrival',
      arriveFirst: true,
    });
    assert.equal(planned.after.departedAt, hoursAfterD0(3));
    assert.equal(planned.after.arrivedAt, change.at);
    assert.equal(planned.after.registeredAt, change.at);
  });

  it('does not mark a no-show as departed', () => {
    const planned = planJourneyChange(aListedJourney(), { ...change, to: 'no_show' });
    assert.equal(planned.after.departedAt, null);
  });

  it('refuses an illegal step with invalid_transition naming the journey', () => {
    const journey = aJourney({ state: 'turned_back' });
    assert.throws(
      () => planJourneyChange(journey, { ...change, to: 'passed', boardFirst: true }),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'invalid_transition' &&
        JSON.stringify(error.details).includes(journey.id),
    );
  });
});

describe('the overdue clock', () => {
  it('counts the expected arrival from the passage', () => {
    assert.equal(expectedByAfter('2023-09-26T08:00:00.000Z', 240), '2023-09-26T12:00:00.000Z');
  });

  it('is started by the first checkpoint only', () => {
    assert.deepEqual(
      firstCheckpointProgress({ firstCheckpointId: null }, 'bridge', change.at, 60),
      {
        firstCheckpointId: 'bridge',
        expectedBy: hoursAfterD0(13),
      },
    );
    assert.deepEqual(
      firstCheckpointProgress({ firstCheckpointId: 'exit' }, 'bridge', change.at, 60),
      {},
    );
  });
});
