// The incidents an open-data release may contain (verified, cleared for publication, past the
// delay), one reporting day at a time (the daily report's), and the place each is published at. The incidents dataset and
// casualties_agg read them from here, so both describe the same incidents at the same places:
// the fatalities they publish are disclosed together (incident-fatalities.ts).
import { crosswalkOf, isSubEventType } from '../../monitoring/model/event-taxonomy.ts';
import { ReportingDays } from '../bulletins/reporting-days.ts';
import type { DatasetSource } from './dataset-definition.ts';
import { publishableIncidents } from './open-data-sources.kysely.ts';
import type { IncidentRow } from './open-data-sources.kysely.ts';
import { coarsenPlace, isPastDelay, shortestDelayHours } from './open-data.disclosure.ts';
import type { CoarsePlace, Gazetteer } from './open-data.disclosure.ts';

/** The incidents a release of `source.now` may contain, by start: publishable, past the delay. */
export async function* releasableIncidents(source: DatasetSource): AsyncGenerator<IncidentRow> {
  const { now, policy } = source;
  const delays = policy.incidentDelays;
  const cutoff = new Date(now.getTime() - shortestDelayHours(delays) * 3_600_000).toISOString();
  for await (const incident of publishableIncidents(source.db, cutoff)) {
    const subType = incident.sub_event_type;
    const category = isSubEventType(subType) ? crosswalkOf(subType).eventType : 'unknown';
    const endedAt = incident.occurred_end ?? incident.occurred_start;
    if (isPastDelay({ category, subType, endedAt }, now, delays)) yield incident;
  }
}

/** The releasable incidents of one reporting day (that of their start). */
export interface IncidentDay {
  readonly day: string;
  readonly incidents: readonly IncidentRow[];
}

/**
 * The releasable incidents grouped by the reporting day they started in — the days of the
 * daily report, whose casualty figures are set against this data (casualties-agg.dataset.ts).
 * They come ordered by start, so one day is held in memory at a time, whatever the release.
 */
export async function* releasableDays(source: DatasetSource): AsyncGenerator<IncidentDay> {
  const days = new ReportingDays(source.policy.reportingDays);
  let current: { day: string; incidents: IncidentRow[] } | undefined;
  for await (const incident of releasableIncidents(source)) {
    const day = days.dayOf(incident.occurred_start);
    if (current !== undefined && current.day !== day) yield current;
    if (current?.day !== day) current = { day, incidents: [] };
    current.incidents.push(incident);
  }
  if (current !== undefined) yield current;
}

/** Where an incident is published: its gazetteer place, else its bare coordinates, coarsened. */
export function publishedPlace(
  incident: IncidentRow,
  gazetteer: Gazetteer,
  radiusKm: number,
): CoarsePlace {
  const place = incident.place_id === null ? undefined : gazetteer.byId.get(incident.place_id);
  if (place !== undefined) return coarsenPlace(place, gazetteer, radiusKm);
  if (incident.lat !== null && incident.lon !== null) {
    return coarsenPlace({ lat: incident.lat, lon: incident.lon }, gazetteer, radiusKm);
  }
  return coarsenPlace(undefined, gazetteer, radiusKm);
}
