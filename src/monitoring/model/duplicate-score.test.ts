import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  MIN_SUGGESTION_SCORE,
  SIGNAL_WEIGHTS,
  prepareCandidate,
  scoreDuplicate,
} from './duplicate-score.ts';
import type { DuplicateCandidateInput } from './duplicate-score.ts';

const BRIDGE = { lat: 39.5123, lon: 46.3412 };

function aReport(overrides: Partial<DuplicateCandidateInput> = {}): DuplicateCandidateInput {
  return {
    occurredStart: '2023-09-25T18:30:00.000Z',
    occurredEnd: null,
    timePrecision: 1,
    placeId: 'bridge',
    lat: BRIDGE.lat,
    lon: BRIDGE.lon,
    geoPrecision: 1,
    eventType: 'checkpoint_detention',
    eventFamily: 'violence_against_civilians',
    text: 'Two men detained at the bridge checkpoint during screening',
    ...overrides,
  };
}

const score = (a: DuplicateCandidateInput, b: DuplicateCandidateInput) =>
  scoreDuplicate(prepareCandidate(a), prepareCandidate(b));

describe('scoreDuplicate on known pairs', () => {
  it('scores one record against itself 1, with every reason', () => {
    const verdict = score(aReport(), aReport());
    assert.equal(verdict.score, 1);
    assert.deepEqual(verdict.signals, { time: 1, place: 1, type: 1, text: 1 });
    assert.deepEqual(verdict.reasons, [
      'overlapping_time',
      'same_place',
      'same_event_type',
      'similar_text',
    ]);
    assert.equal(verdict.hoursApart, 0);
    assert.equal(verdict.kmApart, 0);
  });

  it('suggests a hotline call and a monitor report of one detention, in different words', () => {
    const call = aReport({
      occurredStart: '2023-09-25T20:00:00.000Z',
      placeId: null,
      lat: 39.52,
      lon: 46.35,
      geoPrecision: 2,
      text: 'two men were detained at the bridge checkpoint, screening',
    });
    const verdict = score(aReport(), call);
    assert.ok(verdict.score >= MIN_SUGGESTION_SCORE, JSON.stringify(verdict));
    assert.deepEqual(verdict.reasons, [
      'overlapping_time',
      'nearby_place',
      'same_event_type',
      'similar_text',
    ]);
  });

  it('does not suggest an unrelated event a week later in another town', () => {
    const other = aReport({
      occurredStart: '2023-10-02T09:00:00.000Z',
      placeId: 'goris',
      lat: 39.5111,
      lon: 46.8,
      eventType: 'denial_of_services',
      eventFamily: 'strategic_developments',
      text: 'Water shortage at the reception centre',
    });
    const verdict = score(aReport(), other);
    assert.ok(verdict.score < MIN_SUGGESTION_SCORE);
    assert.deepEqual(verdict.reasons, []);
    assert.deepEqual(verdict.signals, { time: 0, place: 0, type: 0, text: verdict.signals.text });
    assert.ok(verdict.hoursApart !== null && verdict.hoursApart > 72);
    assert.ok(verdict.kmApart !== null && verdict.kmApart > 30);
  });

  it('names nearness that is not sameness, and a related type', () => {
    const verdict = score(
      aReport(),
      aReport({
        occurredStart: '2023-09-27T06:30:00.000Z',
        placeId: 'post-2',
        lat: BRIDGE.lat + 0.02,
        eventType: 'ill_treatment_at_checkpoint',
        text: '',
      }),
    );
    assert.deepEqual(verdict.reasons, ['close_in_time', 'nearby_place', 'related_event_type']);
    assert.equal(verdict.signals.type, 0.5);
    assert.equal(verdict.signals.text, 0);
    assert.equal(verdict.hoursApart, 12, 'a day apart, less half a day of precision each side');
  });

  it('matches on the place id alone when a side has no coordinates', () => {
    const verdict = score(aReport(), aReport({ lat: null, lon: null, text: 'x' }));
    assert.equal(verdict.kmApart, null);
    assert.equal(verdict.signals.place, 1);
    assert.ok(verdict.reasons.includes('same_place'));
  });

  it('counts a coarse time or place for less, however well it matches', () => {
    const monthOnly = score(aReport({ timePrecision: 3 }), aReport({ timePrecision: 3 }));
    assert.equal(monthOnly.signals.time, 0.5);
    const regionOnly = score(aReport({ geoPrecision: 3 }), aReport());
    assert.equal(regionOnly.signals.place, 0.5);
    // A week-precision date ten days from a day-precision one still overlaps once widened.
    const week = score(
      aReport({ timePrecision: 2, occurredStart: '2023-09-22T00:00:00.000Z' }),
      aReport({ occurredStart: '2023-09-25T12:00:00.000Z' }),
    );
    assert.equal(week.signals.time, 0.75);
    assert.equal(week.hoursApart, 0);
  });

  it('uses the whole occurred span, and ignores an end before the start', () => {
    const span = aReport({
      occurredStart: '2023-09-20T00:00:00.000Z',
      occurredEnd: '2023-09-26T00:00:00.000Z',
    });
    assert.equal(score(span, aReport()).hoursApart, 0);
    const backwards = aReport({
      occurredStart: '2023-09-20T00:00:00.000Z',
      occurredEnd: '2023-09-10T00:00:00.000Z',
    });
    assert.ok((score(backwards, aReport()).hoursApart ?? 0) > 100);
  });

  it('treats an unknown or unreadable time, place or type as no evidence', () => {
    const blank = aReport({
      occurredStart: 'not a time',
      occurredEnd: 'nor this',
      placeId: null,
      lat: Number.NaN,
      lon: 1,
      eventType: null,
      eventFamily: null,
      text: '',
    });
    const verdict = score(blank, aReport());
    assert.deepEqual(verdict, {
      score: 0,
      signals: { time: 0, place: 0, type: 0, text: 0 },
      reasons: [],
      hoursApart: null,
      kmApart: null,
    });
    assert.equal(score(aReport({ occurredStart: null }), aReport()).hoursApart, null);
    assert.equal(score(aReport({ lon: null }), aReport()).kmApart, null);
  });

  it('weighs the signals to a total of 1', () => {
    const total =
      SIGNAL_WEIGHTS.time + SIGNAL_WEIGHTS.place + SIGNAL_WEIGHTS.type + SIGNAL_WEIGHTS.text;
    assert.equal(total, 1);
  });
});

const WORDS = ['detained', 'checkpoint', 'задержаны', 'КПП', 'կալանավորված', 'անցակետ', 'bridge'];
const instant = fc
  .integer({ min: Date.UTC(2023, 8, 1), max: Date.UTC(2023, 10, 1) })
  .map((ms) => new Date(ms).toISOString());
const candidate: fc.Arbitrary<DuplicateCandidateInput> = fc.record({
  occurredStart: fc.oneof(instant, fc.constant(null), fc.constant('garbage')),
  occurredEnd: fc.option(instant, { nil: null }),
  timePrecision: fc.constantFrom(1, 2, 3),
  placeId: fc.option(fc.constantFrom('bridge', 'goris', 'post-2'), { nil: null }),
  lat: fc.option(fc.double({ min: 39.3, max: 39.7, noNaN: true }), { nil: null }),
  lon: fc.option(fc.double({ min: 46.1, max: 46.6, noNaN: true }), { nil: null }),
  geoPrecision: fc.constantFrom(1, 2, 3),
  eventType: fc.option(fc.constantFrom('detention', 'shelling', 'denial'), { nil: null }),
  eventFamily: fc.option(fc.constantFrom('violence', 'strategic'), { nil: null }),
  text: fc.oneof(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(' ')),
    fc.string(),
  ),
});

describe('scoreDuplicate properties', () => {
  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(candidate, candidate, (a, b) => {
        const forward = score(a, b);
        assert.deepEqual(forward, score(b, a));
        assert.ok(forward.score >= 0 && forward.score <= 1);
        for (const signal of Object.values(forward.signals)) assert.ok(signal >= 0 && signal <= 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('never scores a pair above a candidate compared with itself', () => {
    fc.assert(
      fc.property(candidate, candidate, (a, b) => {
        assert.ok(score(a, a).score >= score(a, b).score);
      }),
      { numRuns: 2000 },
    );
  });
});
