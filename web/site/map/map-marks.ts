// What the map draws, from released rows only. Incidents are placed where the release places
// them — already coarsened to a settlement (geo_precision 2) or only to a district, with no point
// (geo_precision 3): those are listed beside the map, never put on it, since the gazetteer's
// point for a district code would be a guess or the very site the coarsening hid. A casualty
// cell is drawn as released: a number sized by itself, a marker ("<5", "x") with no size at all.
import type { Row } from '../data.ts';
import { plottable } from '../series.ts';

/** One area's released figure: a number, or a suppression marker. */
export type MarkValue = { count: number } | { marker: string };

/** A figure at a released point. */
export interface PlacedMark {
  adminCode: string;
  /** The place name as released (the table shows the gazetteer's name in the reader's language). */
  location: string;
  lat: number;
  lon: number;
  value: MarkValue;
}

/** A figure whose area has no released point (a district). */
export interface UnplacedMark {
  adminCode: string;
  value: MarkValue;
}

/** The map's marks and the figures it lists without a point. */
export interface Marks {
  placed: PlacedMark[];
  unplaced: UnplacedMark[];
}

const text = (value: Row[string] | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The released point of each area code: a row's coarsened latitude and longitude. */
export function releasedPoints(rows: readonly Row[]): Map<string, Omit<PlacedMark, 'value'>> {
  const points = new Map<string, Omit<PlacedMark, 'value'>>();
  for (const row of rows) {
    const lat = row['latitude'];
    const lon = row['longitude'];
    const adminCode = text(row['admin1']);
    if (typeof lat !== 'number' || typeof lon !== 'number' || points.has(adminCode)) continue;
    points.set(adminCode, { adminCode, location: text(row['location']), lat, lon });
  }
  return points;
}

const byCode = (a: { adminCode: string }, b: { adminCode: string }) =>
  a.adminCode.localeCompare(b.adminCode);

function split(
  values: ReadonlyMap<string, MarkValue>,
  points: ReadonlyMap<string, Omit<PlacedMark, 'value'>>,
): Marks {
  const placed: PlacedMark[] = [];
  const unplaced: UnplacedMark[] = [];
  for (const [adminCode, value] of values) {
    const point = points.get(adminCode);
    if (point === undefined) unplaced.push({ adminCode, value });
    else placed.push({ ...point, value });
  }
  return { placed: placed.sort(byCode), unplaced: unplaced.sort(byCode) };
}

/** Released incidents per area: how many records the release places there (exact counts). */
export function incidentMarks(incidents: readonly Row[]): Marks {
  const counts = new Map<string, MarkValue>();
  for (const row of incidents) {
    const code = text(row['admin1']);
    const before = counts.get(code);
    counts.set(code, { count: (before !== undefined && 'count' in before ? before.count : 0) + 1 });
  }
  return split(counts, releasedPoints(incidents));
}

/**
 * One reporting day's released casualty cells (`column`: killed, injured…) per area, at the
 * points the incidents release gives those areas; suppressed cells stay markers.
 */
export function casualtyMarks(
  casualties: readonly Row[],
  incidents: readonly Row[],
  options: { date: string; column: string },
): Marks {
  const values = new Map<string, MarkValue>();
  for (const row of casualties) {
    if (text(row['date']) !== options.date) continue;
    const cell = row[options.column];
    const count = plottable(cell);
    values.set(text(row['admin1']), count === null ? { marker: text(cell) } : { count });
  }
  return split(values, releasedPoints(incidents));
}

/** The days of a casualties release, newest first. */
export function casualtyDays(casualties: readonly Row[]): string[] {
  return [...new Set(casualties.map((row) => text(row['date'])))].sort().reverse();
}

/**
 * The radius of a mark for `count` when the largest count drawn is `largest`: the area is
 * proportional to the count, down to a smallest ring that stays visible (and marks a zero).
 */
export function radiusOf(count: number, largest: number): number {
  const smallest = 3;
  const biggest = 22;
  if (count <= 0 || largest <= 0) return smallest;
  return Math.max(smallest, biggest * Math.sqrt(count / largest));
}
