// casualties_agg: the dead, injured, detained and missing of the published incidents, by day and
// first-level division. The same incidents at the same places as the incidents dataset (same
// states, same delay, same coarsening). `killed` is disclosed together with the incidents'
// fatalities of that day and area (incident-fatalities.ts), since it is their sum; the other
// three columns, which no other dataset breaks down, form one table per day: "<5", "<10" for
// detentions, with secondary suppression.
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { carryForwardDays } from './earlier-release.ts';
import { killedBest, tollBests } from './incident-cells.ts';
import { discloseDayFatalities, UNKNOWN_AREA } from './incident-fatalities.ts';
import { loadGazetteer } from './open-data-sources.kysely.ts';
import type { IncidentRow } from './open-data-sources.kysely.ts';
import { GroupedCounts } from './grouped-counts.ts';
import { publishedPlace, releasableDays } from './releasable-incidents.ts';

// A day the incidents dataset released without this one (before the two were released
// together) has its fatalities published without an aggregate to match: hidden here.
const HIDDEN: Cell = 'x';

function killedByArea(
  day: string,
  incidents: readonly IncidentRow[],
  areas: readonly string[],
  source: DatasetSource,
): ReadonlyMap<string, Cell> {
  if (source.earlier('incidents').hasDay(day)) return new Map(areas.map((area) => [area, HIDDEN]));
  return discloseDayFatalities(
    incidents.map((incident, index) => ({
      area: areas[index] ?? UNKNOWN_AREA,
      killed: killedBest(incident.tolls),
    })),
  ).perArea;
}

async function* freshRows(source: DatasetSource): AsyncGenerator<readonly Cell[]> {
  const gazetteer = await loadGazetteer(source.db);
  const radiusKm = source.policy.settlementRadiusKm;
  for await (const { day, incidents } of releasableDays(source)) {
    const areas = incidents.map(
      (incident) => publishedPlace(incident, gazetteer, radiusKm).admin1 ?? UNKNOWN_AREA,
    );
    const killed = killedByArea(day, incidents, areas, source);
    const others = new GroupedCounts(3);
    incidents.forEach((incident, index) => {
      others.add(day, areas[index] ?? UNKNOWN_AREA, tollBests(incident.tolls).slice(1));
    });
    const columnCategories = [undefined, 'detention', undefined];
    // The daily report publishes the day's injured: that total is known to the reader.
    const publishedElsewhere = { columnTotals: [true, false, false] };
    for (const row of others.disclosed(() => ({ columnCategories, publishedElsewhere }))) {
      yield [row.day, row.key, killed.get(row.key) ?? null, ...row.cells];
    }
  }
}

/** The casualties_agg dataset. */
export const CASUALTIES_AGG_DATASET: DatasetDefinition = {
  name: 'casualties_agg',
  title: 'Casualties of published incidents by day and area',
  columns: [
    column('date', '#date', "Reporting day the incidents started in (incidents' reporting_date)"),
    column('admin1', '#adm1+code', 'ISO 3166-2 first-level division, or "unknown"'),
    column('killed', '#affected+killed', 'Best estimates of the dead, summed'),
    column('injured', '#affected+injured', 'Best estimates of the injured, summed'),
    column('detained', '#affected+detained', 'Best estimates of the detained, summed'),
    column('missing', '#affected+missing', 'Best estimates of the missing, summed'),
  ],
  dayColumn: 0,
  methodologyVersion: '4',
  rules: [
    "Sums over the incidents the incidents dataset may publish (verified, cleared, past the delay) with the same reporting_date, at the first-level division that dataset publishes for each. Reporting days are the daily report's: the 24 hours that end at the information cut-off, named by its local date.",
    'Counts of 1–4 are published as "<5"; detentions of 1–9 as "<10".',
    '"killed" is the sum of the fatalities the incidents dataset lists for that day and area: both are disclosed as one table with the day\'s dead (which the daily report publishes) taken as known, so that neither an aggregate, an incident\'s figure nor the report lets a reader work out a "<5" ("x" marks a figure hidden to protect one).',
    'injured, detained and missing: each day is one table; further cells are hidden ("x") so that a suppressed cell cannot be worked out from that day\'s totals, the day\'s injured (which the daily report publishes) taken as known.',
    'Released together with the incidents dataset. A day, once released, is released again exactly as first published: incidents published later for that day are in the incidents dataset only, so that no aggregate changes between releases.',
  ],
  build(source) {
    return carryForwardDays(freshRows(source), source.earlier('casualties_agg'), 0);
  },
};
