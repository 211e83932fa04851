// The fatalities of the incidents dataset and the `killed` column of casualties_agg come from
// the same incidents: the aggregate of a day and area is the sum of that day's incidents there.
// Disclosed apart, a reader could subtract the exact figures of the other incidents from the
// aggregate and recover one published as "<5"; and the daily report publishes the day's dead,
// the sum of the aggregates. So each day is one table (below). The disclosure module hides what
// it must — another incident's figure or an aggregate, marked "x" — and publishes the rest.
import type { Cell } from './dataset-definition.ts';
import { discloseGridWithTotals } from './open-data.disclosure.ts';

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
 * The fatalities of one day's incidents, disclosed together with each area's aggregate as one
 * table: a row per area, a column per incident (its figure in its area's row, zeros elsewhere),
 * so the row totals are the aggregates and the grand total is the day's. The daily report
 * publishes the day's dead: that total is taken as known to the reader. An unreadable toll
 * counts as 0 in the aggregate (as it always has) and is published as empty.
 */
export function discloseDayFatalities(incidents: readonly IncidentToll[]): DisclosedFatalities {
  const areas = [...new Set(incidents.map((incident) => incident.area))].sort();
  if (areas.length === 0) return { perIncident: [], perArea: new Map() };
  const { cells, rowTotals } = discloseGridWithTotals({
    counts: areas.map((area) =>
      incidents.map((incident) => (incident.area === area ? (incident.killed ?? 0) : 0)),
    ),
    publishedElsewhere: { grandTotal: true },
  });
  const perIncident = incidents.map((incident, i) =>
    incident.killed === null ? null : (cells[areas.indexOf(incident.area)]?.[i] ?? null),
  );
  return { perIncident, perArea: new Map(areas.map((area, a) => [area, rowTotals[a] ?? null])) };
}

/** An incident of a day an earlier release published, with the figure it published, if listed. */
export interface ReleasedIncidentToll extends IncidentToll {
  readonly released: { readonly cell: Cell } | undefined;
}

/**
 * The fatalities of a day already released (earlier-release.ts): an incident that release listed
 * keeps the figure it published, as its aggregate keeps its own; incidents published since for
 * that day (verified later, or their delay passed) are disclosed together per area, as a table
 * whose total is never published — so no aggregate moves and nothing can be subtracted.
 */
export function fatalitiesOfReleasedDay(incidents: readonly ReleasedIncidentToll[]): Cell[] {
  const late = incidents.flatMap((incident, index) =>
    incident.released === undefined ? [{ incident, index }] : [],
  );
  const lateCells = discloseDayFatalities(late.map(({ incident }) => incident)).perIncident;
  const cells = incidents.map((incident) => incident.released?.cell ?? null);
  late.forEach(({ index }, k) => {
    cells[index] = lateCells[k] ?? null;
  });
  return cells;
}
