import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkActors,
  checkOccurrence,
  checkTolls,
  checkVictims,
  interactionCode,
  NO_TOLLS,
} from './incident-content.ts';

describe('tolls', () => {
  it('accepts low ≤ best ≤ high counts', () => {
    assert.deepEqual(checkTolls({ ...NO_TOLLS, killed: { low: 170, best: 218, high: 220 } }), []);
  });

  it('names each figure out of order or not a count', () => {
    assert.deepEqual(
      checkTolls({
        killed: { low: 20, best: 18, high: 30 },
        injured: { low: 1, best: 5, high: 4 },
        detained: { low: -1, best: 0, high: 0 },
        missing: { low: 0, best: 1.5, high: 2 },
      }),
      [
        { path: 'tolls.killed', code: 'low_above_best' },
        { path: 'tolls.injured', code: 'best_above_high' },
        { path: 'tolls.detained', code: 'not_a_count' },
        { path: 'tolls.missing', code: 'not_a_count' },
      ],
    );
  });
});

describe('victims', () => {
  it('accepts counts by sex and age band with fewer refs than people', () => {
    assert.deepEqual(
      checkVictims([
        { sex: 'male', ageBand: '18-45', count: 3, personRefs: ['a', 'b'] },
        { sex: 'female', ageBand: '5-17', count: 1 },
      ]),
      [],
    );
  });

  it('refuses repeated groups, bad counts, extra or repeated refs', () => {
    assert.deepEqual(
      checkVictims([
        { sex: 'male', ageBand: '18-45', count: 1, personRefs: ['a', 'b'] },
        { sex: 'male', ageBand: '18-45', count: -2 },
        { sex: 'female', ageBand: '65+', count: 2, personRefs: ['a'] },
      ]),
      [
        { path: 'victims.0.personRefs', code: 'more_refs_than_count' },
        { path: 'victims.1', code: 'repeated_group' },
        { path: 'victims.1.count', code: 'not_a_count' },
        { path: 'victims.2.personRefs', code: 'repeated_ref' },
      ],
    );
  });
});

describe('actors', () => {
  it('accepts principals with their associates', () => {
    assert.deepEqual(
      checkActors([
        { name: 'State forces', actorType: 1, role: 'actor1' },
        { name: 'Police', actorType: 1, role: 'assoc1' },
        { name: 'Civilians', actorType: 7, role: 'actor2' },
        { name: 'Aid workers', actorType: 7, role: 'assoc2' },
      ]),
      [],
    );
  });

  it('refuses two principals in one column and associates alone', () => {
    assert.deepEqual(
      checkActors([
        { name: 'A', actorType: 1, role: 'actor2' },
        { name: 'B', actorType: 2, role: 'actor2' },
        { name: 'C', actorType: 3, role: 'assoc1' },
      ]),
      [
        { path: 'actors.0', code: 'repeated_principal' },
        { path: 'actors.1', code: 'repeated_principal' },
        { path: 'actors.2', code: 'associate_without_actor' },
      ],
    );
    assert.deepEqual(checkActors([{ name: 'D', actorType: 8, role: 'assoc2' }]), [
      { path: 'actors.0', code: 'associate_without_actor' },
    ]);
  });

  it("computes ACLED's interaction code", () => {
    const civilians = { name: 'Civilians', actorType: 7, role: 'actor2' } as const;
    const forces = { name: 'Forces', actorType: 1, role: 'actor1' } as const;
    const assoc = { name: 'Rebels', actorType: 2, role: 'assoc1' } as const;
    assert.equal(interactionCode([civilians, forces, assoc]), 17);
    assert.equal(interactionCode([forces]), 10);
    assert.equal(interactionCode([]), 0);
  });
});

describe('time and place', () => {
  const base = {
    occurredStart: '2023-09-25T18:00:00.000Z',
    occurredEnd: null,
    lat: 39.8,
    lon: 46.7,
  };

  it('accepts an open end and a full coordinate', () => {
    assert.deepEqual(checkOccurrence(base), []);
    assert.deepEqual(checkOccurrence({ ...base, lat: null, lon: null }), []);
  });

  it('refuses an end before the start and half a coordinate', () => {
    assert.deepEqual(
      checkOccurrence({ ...base, occurredEnd: '2023-09-25T17:00:00.000Z', lon: null }),
      [
        { path: 'occurredEnd', code: 'before_start' },
        { path: 'lat', code: 'lat_and_lon_together' },
      ],
    );
  });
});
