// What the latest earlier release of a dataset published, so that a new release repeats it.
// A reader holds every release: if a day's table were disclosed afresh after late records
// changed it, the difference between two releases would give away what "<5" hid (DOMAIN.md §6).
// So a day, once released, is released again exactly as it was — its rows copied, not rebuilt —
// and only days never released are disclosed afresh. Late records for a released day stay out of
// the open data; a coordinator who must revise a day says so in the corrections log.
import type { Cell } from './dataset-definition.ts';
import type { OpenDataRepository, ReleaseRecord } from './open-data.kysely.ts';

type Row = readonly Cell[];

function appendTo(map: Map<string, Row[]>, key: string, row: Row): void {
  const rows = map.get(key);
  if (rows === undefined) map.set(key, [row]);
  else rows.push(row);
}

/** The rows of the latest earlier release of one dataset. */
export interface EarlierRelease {
  /** Its version; null when the dataset was never released. */
  readonly version: number | null;
  /** The days it published, in its order (ascending). */
  days(): readonly string[];
  hasDay(day: string): boolean;
  /** Its rows of `day`, in its order; none for a day it did not publish. */
  rowsOfDay(day: string): readonly Row[];
  /** The row it published for the record `internalId` (found by that release's public id). */
  rowOf(internalId: string): Row | undefined;
}

/** The earlier release of a dataset never released. */
export const NO_EARLIER_RELEASE: EarlierRelease = {
  version: null,
  days: () => [],
  hasDay: () => false,
  rowsOfDay: () => [],
  rowOf: () => undefined,
};

/**
 * Reads `release` back (its rows are already disclosed cells). `dayColumn` is the dataset's
 * date column; `publicIdOf` gives that release's public id of a record (its salt is derived
 * again from the master key), which its first column holds.
 */
export async function loadEarlierRelease(
  repository: Pick<OpenDataRepository, 'pages'>,
  release: ReleaseRecord | undefined,
  options: { dayColumn: number; publicIdOf: (internalId: string) => string },
): Promise<EarlierRelease> {
  if (release === undefined) return NO_EARLIER_RELEASE;
  const byDay = new Map<string, Row[]>();
  const byPublicId = new Map<string, Row>();
  for await (const page of repository.pages(release.id)) {
    for (const row of page) {
      appendTo(byDay, String(row[options.dayColumn]), row);
      byPublicId.set(String(row[0]), row);
    }
  }
  return {
    version: release.version,
    days: () => [...byDay.keys()],
    hasDay: (day) => byDay.has(day),
    rowsOfDay: (day) => byDay.get(day) ?? [],
    rowOf: (internalId) => byPublicId.get(options.publicIdOf(internalId)),
  };
}

/**
 * The rows of a release of a dataset whose tables are days: every day the earlier release
 * published, exactly as published, and the new days from `fresh` (rows of released days are
 * dropped from it), by day.
 */
export async function* carryForwardDays(
  fresh: AsyncIterable<Row>,
  earlier: EarlierRelease,
  dayColumn: number,
): AsyncGenerator<Row> {
  const newDays = new Map<string, Row[]>();
  for await (const row of fresh) {
    const day = String(row[dayColumn]);
    if (!earlier.hasDay(day)) appendTo(newDays, day, row);
  }
  const days = [...new Set([...earlier.days(), ...newDays.keys()])].sort();
  for (const day of days) {
    yield* earlier.hasDay(day) ? earlier.rowsOfDay(day) : (newDays.get(day) ?? []);
  }
}
