// Incidents that could help someone find or target a person are published only after a delay
// (DOMAIN.md §6: 48–72 h). The delays are data: a table by category and sub-type.
import { refuseInput } from './invalid-input.ts';

/** One delay: for a category, optionally narrowed to one sub-type. */
export interface DelayRule {
  readonly category: string;
  readonly subType?: string;
  readonly hours: number;
}

/** The delay table: the most specific rule wins; otherwise `defaultHours`. */
export interface DelayTable {
  readonly defaultHours: number;
  readonly rules: readonly DelayRule[];
}

/** What the delay needs to know of an item. */
export interface DelayedItem {
  readonly category: string;
  readonly subType?: string;
  /** ISO-8601 instant the incident happened (or was reported, if the time is unknown). */
  readonly at: string;
}

const HOUR_MS = 3_600_000;

function checkHours(hours: number): void {
  if (!Number.isFinite(hours) || hours < 0) {
    throw refuseInput('bad_policy', `a delay of ${hours} h is not a duration`);
  }
}

function instantOf(iso: string): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw refuseInput('bad_time', `${iso} is not a time`);
  return at;
}

/** The delay in hours for `item`: sub-type rule, else category rule, else the default. */
export function delayHoursFor(item: Omit<DelayedItem, 'at'>, table: DelayTable): number {
  checkHours(table.defaultHours);
  table.rules.forEach((rule) => {
    checkHours(rule.hours);
  });
  const sameCategory = table.rules.filter((rule) => rule.category === item.category);
  const exact = sameCategory.find(
    (rule) => rule.subType !== undefined && rule.subType === item.subType,
  );
  const general = sameCategory.find((rule) => rule.subType === undefined);
  return (exact ?? general)?.hours ?? table.defaultHours;
}

/**
 * The earliest ISO instant `item` may be published. Throws `invalid_request` (bad_time,
 * bad_policy) for an unreadable time or a negative delay.
 *
 * @example earliestPublication({ category: 'detention', at: '2023-09-25T18:00:00Z' }, table)
 * // '2023-09-27T18:00:00.000Z' with a 48 h rule for detentions
 */
export function earliestPublication(item: DelayedItem, table: DelayTable): string {
  return new Date(instantOf(item.at) + delayHoursFor(item, table) * HOUR_MS).toISOString();
}

/**
 * The items that may be published at `now` (an ISO instant), in their order.
 *
 * @example publishableAt(incidents, table, '2023-09-28T00:00:00Z')
 */
export function publishableAt<T extends DelayedItem>(
  items: readonly T[],
  table: DelayTable,
  now: string,
): T[] {
  const at = instantOf(now);
  return items.filter((item) => Date.parse(earliestPublication(item, table)) <= at);
}
