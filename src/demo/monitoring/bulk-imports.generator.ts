// The media-monitoring spreadsheet an analyst imports as CSV every few evenings: social-media
// posts, press articles and the parties' official statements captured since the last import.
// Two of the imports also correct rows of the one before (place, time or type), which the
// import must apply to the existing items by id instead of duplicating them.
import type { BulkImportDraft, Collector, InfoItemDraft } from './monitoring.types.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { HOUR_MS, dayTime, isoAt } from './monitoring-world.ts';
import type { ItemBuild } from './item-ledger.ts';
import { freezeItem } from './item-ledger.ts';

/** Days (after D0) on whose evening (21:00) an import runs; posts up to then are in it. */
export const IMPORT_DAYS: readonly number[] = [-1, 1, 3, 5, 8, 11];
const IMPORT_HOUR = 21;
/** Imports (by index) that also correct rows of the previous import. */
const CORRECTING = new Set([2, 4]);

/** The schedule of imports, with reproducible ids. */
export interface ImportSchedule {
  readonly ids: readonly string[];
  readonly times: readonly number[];
  readonly by: string;
}

/** The import schedule of a world. */
export function importSchedule(world: MonitoringWorld): ImportSchedule {
  const rng = world.root.fork('bulk-import-ids');
  return {
    ids: IMPORT_DAYS.map(() => rng.uuid()),
    times: IMPORT_DAYS.map((day) => dayTime(world, day, IMPORT_HOUR)),
    by: world.team.analysts[world.team.analysts.length - 1] ?? 'analyst',
  };
}

/** The time of import `importId`. */
export function importedAt(schedule: ImportSchedule, importId: string): number {
  return schedule.times[schedule.ids.indexOf(importId)] ?? lastImportAt(schedule);
}

/** The last capture time a post can have and still be imported. */
export function lastImportAt(schedule: ImportSchedule): number {
  return schedule.times[schedule.times.length - 1] ?? 0;
}

function importIndex(schedule: ImportSchedule, capturedAt: number): number {
  const index = schedule.times.findIndex((t) => capturedAt < t);
  if (index < 0) throw new RangeError(`no import after ${isoAt(capturedAt)}`);
  return index;
}

/** Who collected an item captured at `capturedAt`: the import that brings it in. */
export function importCollector(schedule: ImportSchedule, capturedAt: number): Collector {
  const index = importIndex(schedule, capturedAt);
  return { kind: 'import', importId: schedule.ids[index] ?? '', login: schedule.by };
}

function corrected(item: InfoItemDraft, k: number): InfoItemDraft {
  // A row the media monitors fixed: the time a post really refers to, half a day earlier.
  if (k % 2 === 0 && item.occurredAt !== null) {
    return { ...item, occurredAt: isoAt(Date.parse(item.occurredAt) - 12 * HOUR_MS) };
  }
  return { ...item, language: item.language === 'en' ? 'ru' : 'en' };
}

/**
 * The imports, each with its rows; the correcting ones repeat a few rows of the previous import,
 * changed, under the same ids.
 *
 * @example const imports = bulkImports(schedule, ledger.all.filter(isImported));
 */
export function bulkImports(
  schedule: ImportSchedule,
  items: readonly ItemBuild[],
): BulkImportDraft[] {
  const rowsOf = schedule.ids.map((): InfoItemDraft[] => []);
  for (const item of items) {
    if (item.collectedBy.kind !== 'import') continue;
    rowsOf[importIndex(schedule, item.receivedAt)]?.push(freezeItem(item));
  }
  return schedule.ids.map((id, index): BulkImportDraft => {
    const own = rowsOf[index] ?? [];
    const previous = rowsOf[index - 1] ?? [];
    const updates = CORRECTING.has(index) ? previous.slice(0, 5).map(corrected) : [];
    return {
      id,
      at: isoAt(schedule.times[index] ?? 0),
      by: schedule.by,
      fileName: `media-monitoring-${isoAt(schedule.times[index] ?? 0).slice(0, 10)}.csv`,
      rows: [...own, ...updates],
      updatedIds: updates.map((row) => row.id),
    };
  });
}
