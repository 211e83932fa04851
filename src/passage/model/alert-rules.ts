// Pure detectors for the passage alerts of DOMAIN.md §4 and the issue: a journey overdue beyond
// its expected transit time; a person held back; a headcount that does not match the manifest;
// the sex and age pattern of the held departing from that of the passing; a missed welfare
// contact with a household that stays. Each returns candidates; the alert service stores and
// pushes them.
import { DomainError } from '../../errors/domain-error.ts';
import type { AlertCandidate } from './alert.ts';
import { analyseHeldPattern } from './held-pattern.ts';
import type { SexAgeCounts } from './held-pattern.ts';
import { journeyOutcomeOf } from './journey-outcome.ts';
import type { JourneySnapshot } from './journey-outcome.ts';
import type { HeldCaseState, JourneyState } from './states.ts';
import type { WelfareMode } from './welfare.ts';

/** The held-pattern alert needs at least this many people held: fewer say too little. */
export const MIN_HELD_FOR_PATTERN = 10;
/** The held-pattern alert fires below this p-value (each of its two tests). */
export const HELD_PATTERN_P_VALUE = 0.001;

const MINUTE_MS = 60_000;

/**
 * One alert per journey on the road (boarded, passed or released) whose expected arrival time
 * is before `now` (DOMAIN.md §5: "overdue when no arrival within the expected transit time").
 * Arrived, held, turned back, dead and not departed journeys are never overdue; a journey with no
 * expected time is not judged here (reconciliation lists it as unaccounted).
 *
 * @example overdueJourneys(journeysOnTheRoad, new Date()) // one candidate per late journey
 */
export function overdueJourneys(
  journeys: Iterable<JourneySnapshot>,
  now: Date,
): AlertCandidate<'journey_overdue'>[] {
  const alerts: AlertCandidate<'journey_overdue'>[] = [];
  const nowMs = now.getTime();
  for (const journey of journeys) {
    const expectedBy = journey.expectedBy?.getTime() ?? Number.NaN;
    if (!(expectedBy < nowMs) || journeyOutcomeOf(journey.state) !== 'en_route') continue;
    alerts.push({
      type: 'journey_overdue',
      severity: 'warning',
      subjectType: 'journey',
      subjectId: journey.id,
      dedupeKey: `journey_overdue:${journey.id}`,
      details: {
        state: journey.state,
        expectedBy: new Date(expectedBy).toISOString(),
        overdueMinutes: Math.floor((nowMs - expectedBy) / MINUTE_MS),
        vehicleId: journey.vehicleId ?? null,
        operationId: journey.operationId ?? null,
      },
    });
  }
  return alerts;
}

/** A journey that has just changed state at a checkpoint. */
export interface JourneyStateEvent {
  readonly journeyId: string;
  readonly state: JourneyState;
  readonly checkpointId?: string | null | undefined;
  readonly at: Date;
}

/**
 * An alert when a person is held back: `held_secondary` (warning), `detained` or `unknown`
 * (critical: DOMAIN.md §4 asks the outcome of every person pulled aside). Undefined for any other
 * state. The key includes the state, so an escalation from secondary screening to detention
 * notifies again.
 *
 * @example heldPerson({ journeyId, state: 'detained', checkpointId, at: new Date() })
 */
export function heldPerson(event: JourneyStateEvent): AlertCandidate<'person_held'> | undefined {
  if (journeyOutcomeOf(event.state) !== 'held') return undefined;
  return {
    type: 'person_held',
    severity: event.state === 'held_secondary' ? 'warning' : 'critical',
    subjectType: 'journey',
    subjectId: event.journeyId,
    dedupeKey: `person_held:${event.journeyId}:${event.state}`,
    details: {
      state: event.state,
      checkpointId: event.checkpointId ?? null,
      at: event.at.toISOString(),
    },
  };
}

/** A vehicle's headcount at a checkpoint against its manifest. */
export interface HeadcountCheck {
  readonly vehicleId: string;
  readonly checkpointId: string;
  /** People on the manifest (or declared at departure). */
  readonly declared: number;
  /** People counted at the checkpoint. */
  readonly counted: number;
}

/**
 * An alert when a vehicle's headcount differs from its manifest (DOMAIN.md §4: "headcount per
 * vehicle"). Fewer counted than declared is critical — someone was removed on the way, as a
 * patient was taken from a humanitarian convoy at Lachin in July 2023; more is a warning (people
 * not on the manifest). Throws `invalid_request` unless both counts are non-negative integers.
 *
 * @example headcountMismatch({ vehicleId, checkpointId, declared: 48, counted: 47 }) // critical
 */
export function headcountMismatch(
  check: HeadcountCheck,
): AlertCandidate<'headcount_mismatch'> | undefined {
  for (const value of [check.declared, check.counted]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DomainError('invalid_request', `headcount ${value} is not a count`);
    }
  }
  if (check.declared === check.counted) return undefined;
  return {
    type: 'headcount_mismatch',
    severity: check.counted < check.declared ? 'critical' : 'warning',
    subjectType: 'vehicle',
    subjectId: check.vehicleId,
    dedupeKey: `headcount_mismatch:${check.vehicleId}:${check.checkpointId}`,
    details: {
      checkpointId: check.checkpointId,
      declared: check.declared,
      counted: check.counted,
      difference: check.counted - check.declared,
    },
  };
}

/** The people held and passing over one scope and period, by sex and age band. */
export interface HeldPatternInput {
  readonly held: SexAgeCounts;
  readonly passing: SexAgeCounts;
  /** What the counts cover; the whole mission when absent. */
  readonly subject?: { readonly type: 'checkpoint' | 'operation'; readonly id: string } | undefined;
  /** The period the counts cover (e.g. `2023-09-26`), part of the dedupe key. */
  readonly period?: string | undefined;
}

/**
 * An alert when the sex and age pattern of people held back departs from that of people passing
 * (DOMAIN.md §4; Srebrenica 1995): at least MIN_HELD_FOR_PATTERN held, and the exact binomial
 * test on the share of men 18–45 or the chi-square test of the whole table below
 * HELD_PATTERN_P_VALUE. Two tests at 0.001 keep the chance of a false alarm per evaluation
 * under 0.002. A warning: a pattern is a question for analysts, while each detention already
 * raises its own critical alert. The details hold observed against expected shares.
 *
 * @example heldPatternDeparts({ held, passing, subject: { type: 'checkpoint', id } })
 */
export function heldPatternDeparts(
  input: HeldPatternInput,
): AlertCandidate<'held_pattern'> | undefined {
  const analysis = analyseHeldPattern(input.held, input.passing);
  if (analysis === undefined || analysis.held < MIN_HELD_FOR_PATTERN) return undefined;
  const triggeredBy: ('screening_band' | 'chi_square')[] = [];
  if (analysis.screeningBand.pValue < HELD_PATTERN_P_VALUE) triggeredBy.push('screening_band');
  const chi = analysis.chiSquare;
  if (chi !== undefined && chi.pValue < HELD_PATTERN_P_VALUE) triggeredBy.push('chi_square');
  if (triggeredBy.length === 0) return undefined;
  const subjectType = input.subject?.type ?? 'mission';
  const subjectId = input.subject?.id ?? 'all';
  return {
    type: 'held_pattern',
    severity: 'warning',
    subjectType,
    subjectId,
    dedupeKey: `held_pattern:${subjectType}:${subjectId}:${input.period ?? 'all'}`,
    details: {
      held: analysis.held,
      passing: analysis.passing,
      triggeredBy,
      screeningBand: analysis.screeningBand,
      chiSquare:
        chi === undefined
          ? null
          : {
              statistic: chi.statistic,
              degreesOfFreedom: chi.degreesOfFreedom,
              pValue: chi.pValue,
            },
      cells: analysis.cells,
    },
  };
}

/** A welfare contact found missed (welfare.ts `missedContacts`). */
export interface MissedWelfareContact {
  readonly id: string;
  readonly householdId: string;
  readonly dueAt: Date;
  readonly mode: WelfareMode;
}

/**
 * An alert for a welfare contact not made in time with a household that stays under protection
 * (DOMAIN.md §4: "staying is protected"). A warning: the first step is to reach the household.
 *
 * @example missedContacts(contacts, now, 24).map(welfareContactMissed)
 */
export function welfareContactMissed(
  contact: MissedWelfareContact,
): AlertCandidate<'welfare_contact_missed'> {
  return {
    type: 'welfare_contact_missed',
    severity: 'warning',
    subjectType: 'welfare_contact',
    subjectId: contact.id,
    dedupeKey: `welfare_contact_missed:${contact.id}`,
    details: {
      householdId: contact.householdId,
      dueAt: contact.dueAt.toISOString(),
      mode: contact.mode,
    },
  };
}

/** A held case still reported, or with whereabouts unknown, as of a scan. */
export interface UnresolvedHeldCase {
  id: string;
  state: HeldCaseState;
  reportedAt: Date;
}

/**
 * The alert for a held case that may be an enforced disappearance (DOMAIN.md §5: flag it after
 * N days); the caller decides which cases qualify (held-case.machine.ts). Critical: the ICRC and
 * the coordinators must act on it.
 *
 * @example possibleEnforcedDisappearance({ id, state: 'whereabouts_unknown', reportedAt }, now)
 */
export function possibleEnforcedDisappearance(
  heldCase: UnresolvedHeldCase,
  now: Date,
): AlertCandidate<'possible_enforced_disappearance'> {
  return {
    type: 'possible_enforced_disappearance',
    severity: 'critical',
    subjectType: 'held_case',
    subjectId: heldCase.id,
    dedupeKey: `possible_enforced_disappearance:${heldCase.id}`,
    details: {
      state: heldCase.state,
      reportedAt: heldCase.reportedAt.toISOString(),
      days: Math.floor((now.getTime() - heldCase.reportedAt.getTime()) / 86_400_000),
    },
  };
}
