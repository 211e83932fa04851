// checkpoint_daily: people and vehicles crossing each checkpoint per reporting day and
// direction — the days of the daily report (the 24 h to the cut-off), and only days whose daily
// report is published. The people are that report's published figures, cell for cell, so the
// report and the dataset can never be set against each other; vehicles, which no report
// publishes, are disclosed as a table of their own per day. Movement counts are rounded to 10
// and small ones suppressed (DOMAIN.md §6).
import { DIRECTIONS } from '../../passage/database/passage-vocabulary.ts';
import { checkpointNames } from '../bulletins/bulletin-counts.kysely.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import { flowsByReportingDay } from './checkpoint-flows.kysely.ts';
import type { DayFlows } from './checkpoint-flows.kysely.ts';
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { carryForwardDays } from './earlier-release.ts';
import { loadGazetteer, publishedDailyPassages } from './open-data-sources.kysely.ts';
import { cellOf, discloseGrid } from './open-data.disclosure.ts';

type ReportRows = { names: Record<string, string> | undefined; cells: PublishedCell[] }[];

const WITHHELD: Cell = 'x';

function layoutOf(flows: DayFlows): string[] {
  return [...new Set([...flows.keys()].map((key) => key.split('|')[0] ?? ''))].sort();
}

/**
 * The people cells the day's report published, on `layout`; all withheld when the report's rows
 * are no longer the day's checkpoints (records added since it was drafted, a renamed
 * checkpoint): its figures cannot then be placed, and are not guessed.
 */
function reportedPeople(
  report: ReportRows,
  layout: readonly string[],
  names: ReadonlyMap<string, Record<string, string>>,
): Cell[][] {
  const same =
    report.length === layout.length &&
    layout.every(
      (id, r) => JSON.stringify(names.get(id)) === JSON.stringify(report[r]?.names ?? null),
    );
  return layout.map((_, r) =>
    DIRECTIONS.map((_direction, d) => {
      const cell = report[r]?.cells[d];
      return same && cell !== undefined ? cellOf(cell) : WITHHELD;
    }),
  );
}

async function* freshRows(source: DatasetSource): AsyncGenerator<readonly Cell[]> {
  const [gazetteer, flowsByDay, reports] = await Promise.all([
    loadGazetteer(source.db),
    flowsByReportingDay(source),
    publishedDailyPassages(source.db),
  ]);
  const names = await checkpointNames(source.db, [
    ...new Set([...flowsByDay.values()].flatMap(layoutOf)),
  ]);
  for (const day of [...flowsByDay.keys()].sort()) {
    const report = reports.get(day);
    const flows = flowsByDay.get(day);
    if (report === undefined || flows === undefined) continue;
    const layout = layoutOf(flows);
    const people = reportedPeople(report, layout, names);
    const vehicles = discloseGrid({
      counts: layout.map((id) => DIRECTIONS.map((d) => flows.get(`${id}|${d}`)?.[1] ?? 0)),
      kind: 'movement',
    });
    for (const [r, id] of layout.entries()) {
      const place = gazetteer.byId.get(id);
      for (const [d, direction] of DIRECTIONS.entries()) {
        if (!flows.has(`${id}|${direction}`)) continue;
        const at = [place?.adminCode ?? null, place?.lat ?? null, place?.lon ?? null];
        const counts = [people[r]?.[d] ?? WITHHELD, vehicles[r]?.[d] ?? WITHHELD];
        yield [day, place?.name ?? null, id, ...at, direction, ...counts];
      }
    }
  }
}

/** The checkpoint_daily dataset. */
export const CHECKPOINT_DAILY_DATASET: DatasetDefinition = {
  name: 'checkpoint_daily',
  title: 'Passages per checkpoint, reporting day and direction',
  columns: [
    column('date', '#date', 'Reporting day: the 24 hours to the cut-off on this local date'),
    column('checkpoint', '#loc+name', 'Checkpoint name (gazetteer, English)'),
    column('checkpoint_code', '#loc+code', 'Checkpoint id in the public gazetteer'),
    column('admin1', '#adm1+code', 'ISO 3166-2 first-level division'),
    column('latitude', '#geo+lat', 'Latitude of the checkpoint (public gazetteer)'),
    column('longitude', '#geo+lon', 'Longitude of the checkpoint (public gazetteer)'),
    column('direction', '#meta+direction', 'out (leaving) or in (entering)'),
    column('people', '#indicator+num+people', "People crossing, as the day's daily report"),
    column('vehicles', '#indicator+num+vehicles', 'Vehicles crossing, rounded to 10'),
  ],
  geo: { lat: 4, lon: 5 },
  dayColumn: 0,
  methodologyVersion: '3',
  rules: [
    "Reporting days (the daily report's: the 24 hours that end at the information cut-off, named by its local date), complete before the release, and only those whose daily report is published.",
    'Device-logged passages and interval counts add up, as in the daily report.',
    'people: the figures the daily report of that day published, per checkpoint and direction (rounded to 10, "<5" for 1–4, "x" for a figure hidden to protect one); "x" throughout when records added since the report changed the checkpoints of the day.',
    'vehicles: rounded to the nearest 10; 1–4 published as "<5", with secondary suppression ("x") within each day.',
    'A day, once released, is released again exactly as first published: records that arrive later for it are left out, so that no two releases differ on it (a revision is announced in the corrections log).',
  ],
  build(source) {
    return carryForwardDays(freshRows(source), source.earlier('checkpoint_daily'), 0);
  },
};
