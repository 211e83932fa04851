// Incident statistics for analysts and coordinators (issue 4): counts by event type, state, ISO
// week and area over a period, with optional filters. Internal figures (no disclosure control:
// public outputs apply DOMAIN.md §6 on their own). Event types come from the local taxonomy's
// crosswalk (a sub-type the taxonomy does not know counts under its own code); weeks are ISO weeks
// (the first and last may be cut by the period); an area is the place's admin code, else the
// place itself.
import { DomainError } from '../../errors/domain-error.ts';
import { localEventTypeOf } from '../model/event-family.ts';
import { isoWeekRanges } from '../model/iso-week.ts';
import type { WeekCount } from '../model/iso-week.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { KyselyIncidentStatistics } from './incident-statistics.kysely.ts';
import type { IncidentStatisticsFilter, KeyCount } from './incident-statistics.kysely.ts';

/** The longest period one request may cover (five years of days, folded in process). */
export const MAX_PERIOD_DAYS = 5 * 366;

/** How an area is named: an admin code, a place id (no admin code), or none (no place). */
export type AreaKind = 'admin_area' | 'place' | 'none';

/** The statistics of one period. */
export interface IncidentStatistics {
  period: { from: string; to: string };
  total: number;
  byEventType: { eventType: string; count: number }[];
  bySubEventType: { subEventType: string; count: number }[];
  byState: { state: string; count: number }[];
  byWeek: WeekCount[];
  byArea: { area: string | null; kind: AreaKind; count: number }[];
}

/** Sums counts by `keyOf`, largest first (ties by key). */
function regroup<K extends string | null>(
  counts: readonly KeyCount[],
  keyOf: (key: string | null) => K,
): [K, number][] {
  const sums = new Map<K, number>();
  for (const { key, count } of counts) {
    const group = keyOf(key);
    sums.set(group, (sums.get(group) ?? 0) + count);
  }
  return [...sums.entries()].sort(([a, x], [b, y]) => y - x || String(a).localeCompare(String(b)));
}

/** Counts incidents. */
export class IncidentStatisticsService {
  readonly #context: Pick<AnalysisContext, 'db'>;

  constructor(context: Pick<AnalysisContext, 'db'>) {
    this.#context = context;
  }

  /** The statistics of `filter`; 'invalid_request' for an empty or too long period. */
  async count(filter: IncidentStatisticsFilter): Promise<IncidentStatistics> {
    const spanDays = (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000;
    if (!(spanDays > 0 && spanDays <= MAX_PERIOD_DAYS)) {
      throw new DomainError('invalid_request', 'the period must run forward, at most five years', {
        details: [{ path: 'to', code: 'bad_period' }],
      });
    }
    const store = new KyselyIncidentStatistics(this.#context.db);
    const weeks = isoWeekRanges(filter.from, filter.to);
    const counts = await store.counts(filter, weeks);
    const placeIds = counts.byPlace.flatMap(({ key }) => (key === null ? [] : [key]));
    const adminCodes = await store.adminCodes(placeIds);
    const areaOf = (placeId: string | null) =>
      placeId === null ? NO_AREA : tagArea(adminCodes.get(placeId), placeId);
    return {
      period: { from: filter.from, to: filter.to },
      total: counts.byState.reduce((sum, { count }) => sum + count, 0),
      byEventType: regroup(counts.bySubEventType, (key) =>
        key === null ? 'unknown' : (localEventTypeOf(key) ?? key),
      ).map(([eventType, count]) => ({ eventType, count })),
      bySubEventType: regroup(counts.bySubEventType, (key) => key ?? 'unknown').map(
        ([subEventType, count]) => ({ subEventType, count }),
      ),
      byState: regroup(counts.byState, (key) => key ?? 'unknown').map(([state, count]) => ({
        state,
        count,
      })),
      byWeek: weeks.flatMap(({ week }, index) => {
        const count = counts.byWeek[index] ?? 0;
        return count === 0 ? [] : [{ week, count }];
      }),
      byArea: regroup(counts.byPlace, areaOf).map(([area, count]) => areaEntry(area, count)),
    };
  }
}

// Areas are regrouped under tagged keys, so that an admin code can never be taken for a place id.
const NO_AREA = 'none:';
const PLACE_TAG = 'place:';
const ADMIN_TAG = 'admin:';

function tagArea(adminCode: string | undefined, placeId: string): string {
  return adminCode === undefined ? `${PLACE_TAG}${placeId}` : `${ADMIN_TAG}${adminCode}`;
}

function areaEntry(area: string, count: number): IncidentStatistics['byArea'][number] {
  if (area.startsWith(PLACE_TAG))
    return { area: area.slice(PLACE_TAG.length), kind: 'place', count };
  if (area.startsWith(ADMIN_TAG)) {
    return { area: area.slice(ADMIN_TAG.length), kind: 'admin_area', count };
  }
  return { area: null, kind: 'none', count };
}
