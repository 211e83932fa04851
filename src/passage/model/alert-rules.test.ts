import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import {
  headcountMismatch,
  HELD_PATTERN_P_VALUE,
  heldPatternDeparts,
  heldPerson,
  MIN_HELD_FOR_PATTERN,
  overdueJourneys,
  possibleEnforcedDisappearance,
  welfareContactMissed,
} from './alert-rules.ts';
import type { SexAgeCounts } from './held-pattern.ts';
import { JOURNEY_STATES } from './states.ts';

const now = new Date('2023-09-27T12:00:00Z');
const minutesAgo = (m: number): Date => new Date(now.getTime() - m * 60_000);

// 10,000 people passing with the shape of DOMAIN.md §7: 52% female, 31% under 18, men 18–45 15%.
const PASSING: SexAgeCounts = {
  female: { '0-4': 300, '5-17': 1250, '18-45': 1900, '46-64': 800, '65+': 950 },
  male: { '0-4': 300, '5-17': 1250, '18-45': 1500, '46-64': 900, '65+': 850 },
};

describe('overdueJourneys', () => {
  it('raises one warning per journey on the road past its expected time', () => {
    const alerts = overdueJourneys(
      [
        { id: 'late', state: 'passed', expectedBy: minutesAgo(90), vehicleId: 'v1' },
        { id: 'due-now', state: 'passed', expectedBy: now },
        { id: 'arrived', state: 'arrived', expectedBy: minutesAgo(90) },
        { id: 'held', state: 'detained', expectedBy: minutesAgo(90) },
        { id: 'no-time', state: 'boarded' },
        { id: 'released', state: 'released', expectedBy: minutesAgo(1), operationId: 'op' },
      ],
      now,
    );
    assert.deepEqual(alerts, [
      {
        type: 'journey_overdue',
        severity: 'warning',
        subjectType: 'journey',
        subjectId: 'late',
        dedupeKey: 'journey_overdue:late',
        details: {
          state: 'passed',
          expectedBy: '2023-09-27T10:30:00.000Z',
          overdueMinutes: 90,
          vehicleId: 'v1',
          operationId: null,
        },
      },
      {
        type: 'journey_overdue',
        severity: 'warning',
        subjectType: 'journey',
        subjectId: 'released',
        dedupeKey: 'journey_overdue:released',
        details: {
          state: 'released',
          expectedBy: '2023-09-27T11:59:00.000Z',
          overdueMinutes: 1,
          vehicleId: null,
          operationId: 'op',
        },
      },
    ]);
  });

  it('alerts only for boarded, passed or released journeys, whatever the times', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...JOURNEY_STATES),
        fc.integer({ min: -600, max: 600 }),
        (state, m) => {
          const alerts = overdueJourneys([{ id: 'j', state, expectedBy: minutesAgo(m) }], now);
          const onTheRoad = state === 'boarded' || state === 'passed' || state === 'released';
          assert.equal(alerts.length, onTheRoad && m > 0 ? 1 : 0);
        },
      ),
    );
  });
});

describe('heldPerson', () => {
  const at = new Date('2023-09-26T08:15:00Z');

  it('warns when a person is sent to secondary screening', () => {
    const alert = heldPerson({ journeyId: 'j1', state: 'held_secondary', checkpointId: 'cp', at });
    assert.deepEqual(alert, {
      type: 'person_held',
      severity: 'warning',
      subjectType: 'journey',
      subjectId: 'j1',
      dedupeKey: 'person_held:j1:held_secondary',
      details: { state: 'held_secondary', checkpointId: 'cp', at: '2023-09-26T08:15:00.000Z' },
    });
  });

  it('is critical for a detention or unknown whereabouts, under a new dedupe key', () => {
    const detained = heldPerson({ journeyId: 'j1', state: 'detained', at });
    assert.equal(detained?.severity, 'critical');
    assert.equal(detained.dedupeKey, 'person_held:j1:detained');
    assert.equal(detained.details.checkpointId, null);
    assert.equal(heldPerson({ journeyId: 'j1', state: 'unknown', at })?.severity, 'critical');
  });

  it('says nothing for a state that is not held', () => {
    for (const state of ['passed', 'released', 'turned_back', 'arrived'] as const) {
      assert.equal(heldPerson({ journeyId: 'j1', state, at }), undefined);
    }
  });
});

describe('headcountMismatch', () => {
  const check = { vehicleId: 'bus-7', checkpointId: 'bridge' };

  it('is critical when fewer people are counted than the manifest lists', () => {
    assert.deepEqual(headcountMismatch({ ...check, declared: 48, counted: 47 }), {
      type: 'headcount_mismatch',
      severity: 'critical',
      subjectType: 'vehicle',
      subjectId: 'bus-7',
      dedupeKey: 'headcount_mismatch:bus-7:bridge',
      details: { checkpointId: 'bridge', declared: 48, counted: 47, difference: -1 },
    });
  });

  it('warns when more people are counted than declared', () => {
    const alert = headcountMismatch({ ...check, declared: 45, counted: 47 });
    assert.equal(alert?.severity, 'warning');
    assert.equal(alert.details.difference, 2);
  });

  it('says nothing when the counts agree', () => {
    assert.equal(headcountMismatch({ ...check, declared: 45, counted: 45 }), undefined);
  });

  it('refuses counts that are not non-negative integers', () => {
    for (const [declared, counted] of [
      [-1, 3],
      [3, 2.5],
      [Number.NaN, 1],
    ] as const) {
      assert.throws(
        () => headcountMismatch({ ...check, declared, counted }),
        (e) => e instanceof DomainError && e.code === 'invalid_request',
      );
    }
  });
});

describe('heldPatternDeparts', () => {
  it('alerts on a Srebrenica-like pattern: almost everyone held is a man 18-45', () => {
    const held = { male: { '5-17': 3, '18-45': 38, '46-64': 4 } };
    const alert = heldPatternDeparts({
      held,
      passing: PASSING,
      subject: { type: 'checkpoint', id: 'bridge' },
      period: '2023-09-26',
    });
    assert.ok(alert !== undefined);
    assert.equal(alert.severity, 'warning');
    assert.equal(alert.subjectType, 'checkpoint');
    assert.equal(alert.subjectId, 'bridge');
    assert.equal(alert.dedupeKey, 'held_pattern:checkpoint:bridge:2023-09-26');
    assert.deepEqual(alert.details.triggeredBy, ['screening_band', 'chi_square']);
    assert.equal(alert.details.held, 45);
    assert.equal(alert.details.screeningBand.expectedShare, 0.15);
    assert.ok(Math.abs(alert.details.screeningBand.heldShare - 38 / 45) < 1e-12);
    assert.ok(alert.details.chiSquare !== null && alert.details.chiSquare.degreesOfFreedom >= 1);
    const men = alert.details.cells.find((c) => c.sex === 'male' && c.ageBand === '18-45');
    assert.deepEqual(men && [men.held, men.expectedShare], [38, 0.15]);
  });

  it('alerts on as few as ten held, all men 18-45, through the exact test', () => {
    assert.equal(MIN_HELD_FOR_PATTERN, 10);
    const ten = heldPatternDeparts({ held: { male: { '18-45': 10 } }, passing: PASSING });
    assert.deepEqual(ten?.details.triggeredBy, ['screening_band']);
    assert.equal(ten.details.chiSquare, null); // too sparse for chi-square: nothing to pool with
    assert.equal(ten.subjectType, 'mission');
    assert.equal(ten.dedupeKey, 'held_pattern:mission:all:all');
  });

  it('stays silent below ten held, however skewed', () => {
    assert.equal(
      heldPatternDeparts({ held: { male: { '18-45': 9 } }, passing: PASSING }),
      undefined,
    );
  });

  it('stays silent when the held are proportional to the passing', () => {
    const held: SexAgeCounts = {
      female: { '0-4': 3, '5-17': 12, '18-45': 19, '46-64': 8, '65+': 10 },
      male: { '0-4': 3, '5-17': 13, '18-45': 15, '46-64': 9, '65+': 8 },
    };
    assert.equal(heldPatternDeparts({ held, passing: PASSING }), undefined);
  });

  it('alerts through chi-square alone when old women are held out of proportion', () => {
    // 40 held, all women over 65: the share of men 18-45 (0 of 40) is unremarkable at p > 0.001.
    const alert = heldPatternDeparts({ held: { female: { '65+': 40 } }, passing: PASSING });
    assert.deepEqual(alert?.details.triggeredBy, ['chi_square']);
    assert.ok(alert.details.screeningBand.pValue >= HELD_PATTERN_P_VALUE);
  });

  it('stays silent when nobody passed to compare with', () => {
    assert.equal(heldPatternDeparts({ held: { male: { '18-45': 50 } }, passing: {} }), undefined);
  });

  it('rarely alerts when the held are drawn from the passing at random', () => {
    // 200 draws of 60 held from the passing distribution: at p < 0.001 per test, an alert in
    // more than 3 of them would mean the tests are miscalibrated.
    const cells = Object.entries(PASSING).flatMap(([sex, bands]) =>
      Object.entries(bands).map(([band, n]) => ({ sex, band, n })),
    );
    let seed = 42;
    const random = (): number => {
      // mulberry32: a small seeded generator, so the test is the same on every run.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let alerts = 0;
    for (let run = 0; run < 200; run++) {
      const held: Record<string, Record<string, number>> = {};
      for (let i = 0; i < 60; i++) {
        let pick = random() * 10_000;
        const cell = cells.find((c) => (pick -= c.n) < 0) ?? cells.at(-1)!;
        const bands = (held[cell.sex] ??= {});
        bands[cell.band] = (bands[cell.band] ?? 0) + 1;
      }
      if (heldPatternDeparts({ held, passing: PASSING }) !== undefined) alerts++;
    }
    assert.ok(alerts <= 3, `${alerts} false alarms in 200`);
  });
});

describe('welfareContactMissed', () => {
  it('warns about the household whose contact was missed', () => {
    const dueAt = new Date('2023-10-08T09:00:00Z');
    assert.deepEqual(
      welfareContactMissed({ id: 'c1', householdId: 'h1', dueAt, mode: 'check_in' }),
      {
        type: 'welfare_contact_missed',
        severity: 'warning',
        subjectType: 'welfare_contact',
        subjectId: 'c1',
        dedupeKey: 'welfare_contact_missed:c1',
        details: { householdId: 'h1', dueAt: '2023-10-08T09:00:00.000Z', mode: 'check_in' },
      },
    );
  });
});

describe('possibleEnforcedDisappearance', () => {
  it('raises a critical alert on the held case, with whole days since the report', () => {
    const reportedAt = new Date(now.getTime() - (8 * 24 + 5) * 3_600_000);
    assert.deepEqual(
      possibleEnforcedDisappearance({ id: 'hc1', state: 'whereabouts_unknown', reportedAt }, now),
      {
        type: 'possible_enforced_disappearance',
        severity: 'critical',
        subjectType: 'held_case',
        subjectId: 'hc1',
        dedupeKey: 'possible_enforced_disappearance:hc1',
        details: { state: 'whereabouts_unknown', reportedAt: reportedAt.toISOString(), days: 8 },
      },
    );
  });
});
