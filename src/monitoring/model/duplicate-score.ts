// How likely two records describe the same event (issue 4: "time, place, type, text similarity
// … suggested for merging, never merged silently"). Each signal is a number in [0, 1] that an
// analyst can read; the score is their weighted sum, and the reasons name the signals that
// matched, so a suggestion always says why. Coarse precision (ACLED time precision 2–3, geo
// precision 2–3) both widens what counts as "the same" and caps how much the match may count:
// "some day that month, somewhere in the region" is weak evidence of sameness.
import { haversineKm } from './geo-distance.ts';
import { trigramSimilarity, trigramsOf } from './text-similarity.ts';
import type { Trigrams } from './text-similarity.ts';
import type { GeoPrecision, TimePrecision } from './vocabulary.ts';

/** One side of a comparison: an incident, or an information item, as the scorer sees it. */
export interface DuplicateCandidateInput {
  /** When it happened (ISO-8601), null when unknown. */
  occurredStart: string | null;
  occurredEnd: string | null;
  timePrecision: TimePrecision;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision;
  /** The local taxonomy sub-type code, null when not yet typed. */
  eventType: string | null;
  /** The broader type it belongs to (its ACLED event type), null when unknown. */
  eventFamily: string | null;
  /** The account or narrative, already opened (and transliterated by the caller if wished). */
  text: string;
}

/** A candidate with its time interval and trigrams computed once, for scoring many pairs. */
export interface DuplicateCandidate {
  /** The widened interval [from, to] in epoch ms; null when the time is unknown. */
  interval: readonly [number, number] | null;
  timePrecision: TimePrecision;
  placeId: string | null;
  point: { lat: number; lon: number } | null;
  geoPrecision: GeoPrecision;
  eventType: string | null;
  eventFamily: string | null;
  trigrams: Trigrams;
}

/** A signal that matched, as shown to an analyst. */
export type DuplicateReason =
  | 'overlapping_time'
  | 'close_in_time'
  | 'same_place'
  | 'nearby_place'
  | 'same_event_type'
  | 'related_event_type'
  | 'similar_text';

/** The signals of one pair, each in [0, 1]. */
export interface DuplicateSignals {
  time: number;
  place: number;
  type: number;
  text: number;
}

/** The verdict on one pair. */
export interface DuplicateScore {
  /** In [0, 1], rounded to 4 decimals; higher is more likely the same event. */
  score: number;
  signals: DuplicateSignals;
  reasons: DuplicateReason[];
  /** Hours between the two (widened) times, 0 when they overlap; null when either is unknown. */
  hoursApart: number | null;
  /** Kilometres between the two points; null when either has no coordinates. */
  kmApart: number | null;
}

/** Below this a pair is not suggested. */
export const MIN_SUGGESTION_SCORE = 0.5;

/** How much each signal counts; they sum to 1. */
export const SIGNAL_WEIGHTS: Readonly<DuplicateSignals> = {
  time: 0.3,
  place: 0.3,
  type: 0.15,
  text: 0.25,
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How far a time of each precision may lie from the stated one, each side. */
export const TIME_WIDENING_MS: Readonly<Record<TimePrecision, number>> = {
  1: DAY_MS / 2,
  2: 3.5 * DAY_MS,
  3: 15 * DAY_MS,
};
/** Beyond this gap between the widened times, time says nothing. */
export const TIME_WINDOW_MS = 3 * DAY_MS;
/** The largest widening any precision adds, for windows built before a candidate is known. */
export const MAX_TIME_WIDENING_MS = TIME_WIDENING_MS[3];
const TIME_WEIGHT_BY_PRECISION: Readonly<Record<TimePrecision, number>> = { 1: 1, 2: 0.75, 3: 0.5 };
/** Beyond this distance (km), at the coarser geo precision of the two, place says nothing. */
const RADIUS_KM: Readonly<Record<GeoPrecision, number>> = { 1: 5, 2: 15, 3: 60 };
/** The largest radius of any precision, for areas built before a candidate is known. */
export const MAX_RADIUS_KM = RADIUS_KM[3];
const PLACE_WEIGHT_BY_PRECISION: Readonly<Record<GeoPrecision, number>> = { 1: 1, 2: 0.8, 3: 0.5 };
/** Points this close count as the same place. */
const SAME_PLACE_KM = 1;
/** Trigram Jaccard this high counts as fully similar: two accounts of one event rarely share more. */
const FULL_TEXT_JACCARD = 0.5;
/** From this text signal on, the texts are named as a reason. */
const SIMILAR_TEXT_SIGNAL = 0.4;

function intervalOf(input: DuplicateCandidateInput): readonly [number, number] | null {
  const start = input.occurredStart === null ? Number.NaN : Date.parse(input.occurredStart);
  if (!Number.isFinite(start)) return null;
  const parsedEnd = input.occurredEnd === null ? Number.NaN : Date.parse(input.occurredEnd);
  const end = Number.isFinite(parsedEnd) && parsedEnd > start ? parsedEnd : start;
  const widening = TIME_WIDENING_MS[input.timePrecision];
  return [start - widening, end + widening];
}

function pointOf(input: DuplicateCandidateInput): { lat: number; lon: number } | null {
  const { lat, lon } = input;
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return { lat, lon };
}

/**
 * Parses times and builds trigrams once; an unparsable time counts as unknown.
 *
 * @example const a = prepareCandidate({ ...incident, text: narrative });
 */
export function prepareCandidate(input: DuplicateCandidateInput): DuplicateCandidate {
  return {
    interval: intervalOf(input),
    timePrecision: input.timePrecision,
    placeId: input.placeId,
    point: pointOf(input),
    geoPrecision: input.geoPrecision,
    eventType: input.eventType,
    eventFamily: input.eventFamily,
    trigrams: trigramsOf(input.text),
  };
}

/** The coarser of two precisions: both ACLED scales run 1–3, a larger number coarser. */
function coarser<P extends TimePrecision>(a: P, b: P): P {
  return a >= b ? a : b;
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

function timeSignal(a: DuplicateCandidate, b: DuplicateCandidate): [number, number | null] {
  if (a.interval === null || b.interval === null) return [0, null];
  const gap = Math.max(0, b.interval[0] - a.interval[1], a.interval[0] - b.interval[1]);
  const weight = TIME_WEIGHT_BY_PRECISION[coarser(a.timePrecision, b.timePrecision)];
  return [weight * Math.max(0, 1 - gap / TIME_WINDOW_MS), gap / HOUR_MS];
}

function placeSignal(a: DuplicateCandidate, b: DuplicateCandidate): [number, number | null] {
  const precision = coarser(a.geoPrecision, b.geoPrecision);
  const isSamePlaceId = a.placeId !== null && a.placeId === b.placeId;
  const km = a.point === null || b.point === null ? null : haversineKm(a.point, b.point);
  const closeness = km === null ? 0 : Math.max(0, 1 - km / RADIUS_KM[precision]);
  return [PLACE_WEIGHT_BY_PRECISION[precision] * Math.max(isSamePlaceId ? 1 : 0, closeness), km];
}

function typeSignal(a: DuplicateCandidate, b: DuplicateCandidate): number {
  if (a.eventType !== null && a.eventType === b.eventType) return 1;
  if (a.eventFamily !== null && a.eventFamily === b.eventFamily) return 0.5;
  return 0;
}

function reasonsOf(
  signals: DuplicateSignals,
  measures: { hoursApart: number | null; kmApart: number | null; isSamePlaceId: boolean },
): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (signals.time > 0)
    reasons.push(measures.hoursApart === 0 ? 'overlapping_time' : 'close_in_time');
  if (signals.place > 0) {
    const isSame =
      measures.isSamePlaceId || (measures.kmApart !== null && measures.kmApart <= SAME_PLACE_KM);
    reasons.push(isSame ? 'same_place' : 'nearby_place');
  }
  if (signals.type === 1) reasons.push('same_event_type');
  if (signals.type === 0.5) reasons.push('related_event_type');
  if (signals.text >= SIMILAR_TEXT_SIGNAL) reasons.push('similar_text');
  return reasons;
}

/**
 * How likely `a` and `b` are the same event: symmetric, in [0, 1], and no pair scores above a
 * candidate compared with itself.
 *
 * @example scoreDuplicate(prepareCandidate(report), prepareCandidate(incident)).reasons
 *          // ['overlapping_time', 'same_place', 'same_event_type']
 */
export function scoreDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateScore {
  const [time, hoursApart] = timeSignal(a, b);
  const [place, kmApart] = placeSignal(a, b);
  const type = typeSignal(a, b);
  const text = Math.min(1, trigramSimilarity(a.trigrams, b.trigrams) / FULL_TEXT_JACCARD);
  const signals = { time, place, type, text };
  const weighted =
    SIGNAL_WEIGHTS.time * time +
    SIGNAL_WEIGHTS.place * place +
    SIGNAL_WEIGHTS.type * type +
    SIGNAL_WEIGHTS.text * text;
  const isSamePlaceId = a.placeId !== null && a.placeId === b.placeId;
  return {
    score: round(Math.min(1, weighted), 4),
    signals: {
      time: round(time, 4),
      place: round(place, 4),
      type,
      text: round(text, 4),
    },
    reasons: reasonsOf(signals, { hoursApart, kmApart, isSamePlaceId }),
    hoursApart: hoursApart === null ? null : round(hoursApart, 1),
    kmApart: kmApart === null ? null : round(kmApart, 2),
  };
}
