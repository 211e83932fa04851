// The fatalities of the incidents dataset and the `killed` column of casualties_agg come from
// the same incidents: the aggregate of a day and area is the sum of that day's incidents there.
// Disclosed apart, a reader could subtract the exact figures of the other incidents from the
// aggregate and recover one published as "<5". So each day and area is one table: a row per
// incident, one column, its total the aggregate. The disclosure module hides what it must —
// another incident's figure or the aggregate, marked "x" — and publishes the rest exactly.
import type { Cell } from './dataset-definition.ts';
import { discloseColumnWithTotal } from './open-data.disclosure.ts';

/** Area under which casualties_agg lists incidents published without a first-level division. */
export const UNKNOWN_AREA = 'unknown';

/** One incident of a day: its published area and best estimate of the dead (null: unreadable). */
export interface IncidentToll {
  readonly area: string;
  readonly killed: number | null;
}

/** What may be published: each incident's fatalities (in order) and each area's aggregate. */
export interface DisclosedFatalities {
  readonly perIncident: Cell[];
  readonly perArea: ReadonlyMap<string, Cell>;
}

/**
 * The fatalities of one day's incidents, disclosed together with the day's aggregate per area.
 * An unreadable toll counts as 0 in the aggregate (as it always has) and is published as empty.
 */
export function discloseDayFatalities(incidents: readonly IncidentToll[]): DisclosedFatalities {
  const perIncident: Cell[] = incidents.map(() => null);
  const perArea = new Map<string, Cell>();
  const areas = [...new Set(incidents.map((incident) => incident.area))].sort();
  for (const area of areas) {
    const members = incidents.flatMap((incident, index) =>
      incident.area === area ? [{ index, killed: incident.killed }] : [],
    );
    const { cells, total } = discloseColumnWithTotal(members.map((m) => m.killed ?? 0));
    members.forEach((member, k) => {
      perIncident[member.index] = member.killed === null ? null : (cells[k] ?? null);
    });
    perArea.set(area, total);
  }
  return { perIncident, perArea };
}
