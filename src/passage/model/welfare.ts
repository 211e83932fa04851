// Welfare contacts with a household that stays under protection. Those who stay are not forgotten
// (DOMAIN.md §4: "that leaving is voluntary and informed and staying is protected"): each such
// household gets contacts on a fixed rhythm — a monitor's visit or the household's own check-in
// through the portal — and a contact not made in time raises an alert.
import { DomainError } from '../../errors/domain-error.ts';
import type { WelfareContactState } from './states.ts';

/** How a contact is made: a monitor visits, or the household checks in itself. */
export const WELFARE_MODES = ['visit', 'check_in'] as const;
/** One of WELFARE_MODES. */
export type WelfareMode = (typeof WELFARE_MODES)[number];

/** A rhythm of contacts. */
export interface WelfareSchedule {
  /** Start of protection (the registration, itself a contact): the first contact is one period on. */
  readonly from: Date;
  /** Last moment a contact may be due (inclusive). */
  readonly until: Date;
  /** Days between contacts; fractions allowed (0.5 = twice a day). */
  readonly everyDays: number;
  readonly mode: WelfareMode;
}

/** One contact to be made. */
export interface WelfareContactDue {
  readonly dueAt: Date;
  readonly mode: WelfareMode;
}

/** What `missedContacts` reads from a stored contact. */
export interface WelfareContact {
  readonly dueAt: Date;
  readonly state: WelfareContactState;
}

/** At most this many contacts per schedule: a longer one is a mistake (or two years daily). */
export const MAX_WELFARE_CONTACTS = 1000;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The contacts due from `from` (exclusive) to `until` (inclusive), one every `everyDays`.
 * Throws `invalid_request` for an invalid date, a period that is not positive, or more than
 * MAX_WELFARE_CONTACTS contacts. An `until` before the first contact gives none.
 *
 * @example
 * scheduleWelfareContacts({ from, until, everyDays: 7, mode: 'visit' }) // weekly visits
 */
export function scheduleWelfareContacts(schedule: WelfareSchedule): WelfareContactDue[] {
  const from = schedule.from.getTime();
  const until = schedule.until.getTime();
  if (Number.isNaN(from) || Number.isNaN(until)) {
    throw new DomainError('invalid_request', 'a welfare schedule needs valid dates');
  }
  if (!Number.isFinite(schedule.everyDays) || schedule.everyDays <= 0) {
    throw new DomainError('invalid_request', `every ${schedule.everyDays} days is not a period`);
  }
  const period = schedule.everyDays * DAY_MS;
  if ((until - from) / period > MAX_WELFARE_CONTACTS) {
    throw new DomainError('invalid_request', `more than ${MAX_WELFARE_CONTACTS} welfare contacts`);
  }
  const due: WelfareContactDue[] = [];
  // Multiply rather than add, so a fractional period does not drift over many contacts.
  for (let k = 1; from + k * period <= until; k++) {
    due.push({ dueAt: new Date(from + k * period), mode: schedule.mode });
  }
  return due;
}

/**
 * The contacts still `scheduled` more than `graceHours` after they were due. Throws
 * `invalid_request` when `graceHours` is negative or not finite.
 *
 * @example missedContacts(contacts, new Date(), 24) // to raise a missed-contact alert for each
 */
export function missedContacts<T extends WelfareContact>(
  contacts: readonly T[],
  now: Date,
  graceHours: number,
): T[] {
  if (!Number.isFinite(graceHours) || graceHours < 0) {
    throw new DomainError('invalid_request', `grace of ${graceHours} hours is not a duration`);
  }
  const cutoff = now.getTime() - graceHours * HOUR_MS;
  return contacts.filter((c) => c.state === 'scheduled' && c.dueAt.getTime() < cutoff);
}
