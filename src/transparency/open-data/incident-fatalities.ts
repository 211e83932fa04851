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
