// The alert candidates the passage rules raise (DOMAIN.md §4: "failures a system must make
// visible early"). A detector only says what is wrong; the alert service stores, dedupes by
// `dedupeKey` and pushes it (src/alerts). Details carry ids, states, counts and times only —
// never identity data, since alerts reach every coordinator's screen.
import type { HeldCaseState, JourneyState } from './states.ts';
import type { HeldPatternCell } from './held-pattern.ts';
import type { WelfareMode } from './welfare.ts';

/** How urgent an alert is. */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
/** One of ALERT_SEVERITIES. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** What each kind of alert carries. Times are ISO-8601 UTC text, absent ids null. */
export interface AlertDetailsByType {
  readonly journey_overdue: {
    readonly state: JourneyState;
    readonly expectedBy: string;
    readonly overdueMinutes: number;
    readonly vehicleId: string | null;
    readonly operationId: string | null;
  };
  readonly person_held: {
    readonly state: JourneyState;
    readonly checkpointId: string | null;
    readonly at: string;
  };
  readonly headcount_mismatch: {
    readonly checkpointId: string;
    readonly declared: number;
    readonly counted: number;
    /** counted − declared: negative when people are missing. */
    readonly difference: number;
  };
  readonly held_pattern: {
    readonly held: number;
    readonly passing: number;
    /** Which tests fell below the threshold. */
    readonly triggeredBy: readonly ('screening_band' | 'chi_square')[];
    readonly screeningBand: {
      readonly heldShare: number;
      readonly expectedShare: number;
      readonly pValue: number;
    };
    readonly chiSquare: {
      readonly statistic: number;
      readonly degreesOfFreedom: number;
      readonly pValue: number;
    } | null;
    /** Observed against expected shares, per sex and age band. */
    readonly cells: readonly HeldPatternCell[];
  };
  readonly possible_enforced_disappearance: {
    readonly state: HeldCaseState;
    readonly reportedAt: string;
    /** Days since the first report, whole. */
    readonly days: number;
  };
  readonly welfare_contact_missed: {
    readonly householdId: string;
    readonly dueAt: string;
    readonly mode: WelfareMode;
  };
}

/** The kinds of alert. */
export type AlertType = keyof AlertDetailsByType;

/** What an alert is about. */
export type AlertSubjectType =
  'journey' | 'vehicle' | 'checkpoint' | 'operation' | 'mission' | 'welfare_contact' | 'held_case';

/** One alert a detector raises; `T` narrows it to one kind. */
export interface AlertCandidate<T extends AlertType = AlertType> {
  readonly type: T;
  readonly severity: AlertSeverity;
  readonly subjectType: AlertSubjectType;
  readonly subjectId: string;
  /** Alerts with the same key are one alert: raising it again does not notify again. */
  readonly dedupeKey: string;
  readonly details: AlertDetailsByType[T];
}
