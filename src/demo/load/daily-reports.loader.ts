// The demo's public products: every reporting day of the scenario drafted from the loaded data
// at its cut-off, its narrative written by the demo analyst, approved and published by the demo
// coordinator an hour later; then, the morning after the last, a release of every open dataset
// by the coordinator — as the mission would, so that the public site, the feeds and the open
// data have something to show. Run after the data is loaded, each at its own time.
import { DEFAULT_BULLETIN_SETTINGS } from '../../transparency/bulletins/bulletin-settings.ts';
import { cutoffOn, shiftDate } from '../../transparency/bulletins/bulletin-schedule.ts';
import { BulletinService } from '../../transparency/bulletins/bulletin.service.ts';
import { ReportingDays } from '../../transparency/bulletins/reporting-days.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { SealLog } from '../../seal/sealer.ts';
import { DEFAULT_OPEN_DATA_POLICY } from '../../transparency/open-data/dataset-definition.ts';
import { companionsOf, DATASET_NAMES } from '../../transparency/open-data/open-data.datasets.ts';
import type { DatasetName } from '../../transparency/open-data/open-data.datasets.ts';
import { OpenDataService } from '../../transparency/open-data/open-data.service.ts';
import type { LoadContext } from './sealed-write.ts';

const HOUR_MS = 3_600_000;

/** Who writes and who publishes the reports, and the days to report. */
export interface DailyReportsLoad {
  sealLog: SealLog;
  analystId: string;
  coordinatorId: string;
  /** The first and the last instant the reports must cover. */
  from: string;
  to: string;
}

const NARRATIVE =
  'Synthetic demonstration data. The figures below were drafted from the records at the ' +
  'information cut-off and checked by a second person before publication.';

/** The reporting days from the one holding `from` to the last complete at `to`. */
export function reportingDaysBetween(from: string, to: string): string[] {
  const days = new ReportingDays(DEFAULT_BULLETIN_SETTINGS.cutoff);
  const last = shiftDate(days.dayOf(to), -1);
  const out: string[] = [];
  for (let day = days.dayOf(from); day <= last; day = shiftDate(day, 1)) out.push(day);
  return out;
}

/**
 * Drafts, writes, approves and publishes the daily report of each reporting day in the load's
 * range, then releases the open datasets; answers how many reports were published.
 */
export async function loadDailyReports(
  context: LoadContext,
  input: DailyReportsLoad,
): Promise<number> {
  const settings = DEFAULT_BULLETIN_SETTINGS;
  const dates = reportingDaysBetween(input.from, input.to);
  context.progress.stage('daily reports and open data', dates.length);
  for (const date of dates) {
    const at = new Date(cutoffOn(date, settings.cutoff).getTime() + HOUR_MS);
    const now = () => at;
    const service = new BulletinService({
      db: context.passage.db,
      sealer: new Sealer(input.sealLog, now),
      now,
      settings,
    });
    const draft = await service.create({ product: 'daily', date }, input.analystId);
    const written = await service.edit(
      draft.id,
      { version: draft.version, language: 'en', text: NARRATIVE },
      input.analystId,
    );
    const approved = await service.approve(
      draft.id,
      { version: written.version },
      input.coordinatorId,
    );
    await service.publish(draft.id, { version: approved.version }, input.coordinatorId);
    context.progress.advance(1);
  }
  const last = dates.at(-1);
  if (last !== undefined) {
    // The morning after the last report: every day it covers is complete.
    const at = new Date(cutoffOn(shiftDate(last, 1), settings.cutoff).getTime() - 8 * HOUR_MS);
    await loadOpenDataReleases(context, { ...input, at });
  }
  return dates.length;
}

/**
 * Releases every open dataset once, at `at` (incidents and casualties_agg together); answers
 * the datasets released.
 */
export async function loadOpenDataReleases(
  context: LoadContext,
  input: { sealLog: SealLog; coordinatorId: string; at: Date },
): Promise<DatasetName[]> {
  const now = () => input.at;
  const service = new OpenDataService({
    db: context.passage.db,
    sealer: new Sealer(input.sealLog, now),
    keyring: context.passage.keyring,
    now,
    policy: DEFAULT_OPEN_DATA_POLICY,
  });
  const released = new Set<DatasetName>();
  for (const dataset of DATASET_NAMES) {
    if (released.has(dataset)) continue;
    await service.createRelease(dataset, input.coordinatorId);
    for (const name of [dataset, ...companionsOf(dataset)]) released.add(name);
  }
  return [...released];
}
