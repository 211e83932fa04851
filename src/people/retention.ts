// Retention schedules (DOMAIN.md §6): identity is kept only as long as its purpose needs. Raw
// passage records (headcount sheets, manifests, plates) go 30–90 days after reconciliation;
// tracing and detention cases are kept until closed plus a set period; evidence under legal
// hold is kept until the hold is lifted. A record past its date is crypto-shredded.
// The durations are the mission's policy defaults; changing one changes only new dates.

/** The event a retention period counts from. */
export type RetentionAnchor = 'reconciliation' | 'recorded' | 'case_closed' | 'hold_lifted';

/** One line of the schedule: keep for `days` after `from`; null days = until further notice. */
export interface RetentionRule {
  days: number | null;
  from: RetentionAnchor;
  description: string;
}

/** Retention category → how long identity is kept. */
export const RETENTION_SCHEDULE = {
  passage_raw: {
    days: 90,
    from: 'reconciliation',
    description: 'people counted or listed at a checkpoint, manifests, plates',
  },
  registration: {
    days: 365,
    from: 'recorded',
    description: 'household registration on departure or arrival',
  },
  tracing_case: {
    days: 730,
    from: 'case_closed',
    description: 'sought persons and requesters of a tracing request',
  },
  detention_case: {
    days: 1825,
    from: 'case_closed',
    description: 'persons held back, detained or missing at a checkpoint',
  },
  legal_hold: {
    days: null,
    from: 'hold_lifted',
    description: 'evidence under legal hold with chain of custody',
  },
} as const satisfies Record<string, RetentionRule>;

/** A retention category. */
export type RetentionCategory = keyof typeof RETENTION_SCHEDULE;

/** True when `value` names a retention category. */
export function isRetentionCategory(value: string): value is RetentionCategory {
  return Object.hasOwn(RETENTION_SCHEDULE, value);
}

/** Every retention category. */
export const RETENTION_CATEGORIES: readonly RetentionCategory[] =
  Object.keys(RETENTION_SCHEDULE).filter(isRetentionCategory);

const DAY_MS = 86_400_000;

/**
 * When a record of `category` expires, as ISO-8601 UTC, counting from `anchorAt` (the event
 * named by the category's rule). Null while the anchor has not happened yet (an open case, a
 * passage not yet reconciled) and for categories kept until further notice.
 *
 * @example retainUntil('passage_raw', new Date('2023-10-01T00:00:00Z')) === '2023-12-30T00:00:00.000Z'
 */
export function retainUntil(
  category: RetentionCategory,
  anchorAt: Date | undefined,
): string | null {
  const { days } = RETENTION_SCHEDULE[category];
  if (days === null || anchorAt === undefined) return null;
  return new Date(anchorAt.getTime() + days * DAY_MS).toISOString();
}
