// Every use this slice makes of the disclosure module (src/transparency/disclosure,
// docs/disclosure.md), in one file so that a change of its API is one edit here: tables and
// figures (thresholds "<5"/"<10", secondary suppression, movement rounding), place coarsening,
// the publication delay and per-release public ids. What is ours is only the glue: the
// gazetteer has no parent links, so a site's settlement is the nearest one within a radius.
import { haversineKm } from '../../monitoring/model/geo-distance.ts';
import type { PublishedElsewhere } from '../disclosure/count-table.ts';
import { discloseTable } from '../disclosure/disclose-table.ts';
import { coarsenPlace as coarsenToLevel } from '../disclosure/place-coarsening.ts';
import type { Gazetteer as LevelGazetteer, PlaceLevel } from '../disclosure/place-coarsening.ts';
import { earliestPublication } from '../disclosure/publication-delay.ts';
import type { DelayTable } from '../disclosure/publication-delay.ts';
import { publicIdFor } from '../disclosure/public-id.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import { formatCell } from '../disclosure/published-cell.ts';
import type { Cell } from './dataset-definition.ts';

/** How a published cell is written in a dataset: the count itself, or "<5", "<10", "x". */
export function cellOf(published: PublishedCell): Cell {
  return published.kind === 'count' ? published.value : formatCell(published, 'en');
}

/** The counts of one table to disclose, with optional categories (e.g. 'detention'). */
export interface CountGrid {
  readonly counts: readonly (readonly number[])[];
  readonly kind?: 'count' | 'movement';
  readonly rowCategories?: readonly (string | undefined)[];
  readonly columnCategories?: readonly (string | undefined)[];
  /** Totals another output (the day's bulletin) publishes: the reader knows them exactly. */
  readonly publishedElsewhere?: PublishedElsewhere;
}

/**
 * The cells of `grid` as they may be published: small counts suppressed, complements hidden
 * so that totals a reader can form from other outputs do not give them away, movements rounded.
 */
export function discloseGrid(grid: CountGrid): Cell[][] {
  return discloseGridWithTotals(grid).cells;
}

/** Like discloseGrid, with the row totals as they may be published too. */
export function discloseGridWithTotals(grid: CountGrid): { cells: Cell[][]; rowTotals: Cell[] } {
  // A CountGrid is a CountTable as this slice writes it: passed on as it is.
  const table = discloseTable(grid);
  return {
    cells: table.cells.map((row) => row.map(cellOf)),
    rowTotals: table.rowTotals.map(cellOf),
  };
}

/**
 * This release's public id of an internal id: `publicIdFor` under the release's salt (fresh
 * per release, so ids cannot be linked across releases), behind an optional prefix.
 */
export function publicIds(prefix: string, releaseSalt: Uint8Array): (internalId: string) => string {
  return (internalId) => prefix + publicIdFor(internalId, releaseSalt);
}

/** What the delay knows of an incident: its local event type, sub-type and end. */
export interface DelayedIncident {
  readonly category: string;
  readonly subType: string;
  readonly endedAt: string;
}

/** True when `incident` may be published at `now` under `delays`. */
export function isPastDelay(incident: DelayedIncident, now: Date, delays: DelayTable): boolean {
  const item = { category: incident.category, subType: incident.subType, at: incident.endedAt };
  return Date.parse(earliestPublication(item, delays)) <= now.getTime();
}

/** The shortest delay of the table: no incident that started later can be due. */
export function shortestDelayHours(delays: DelayTable): number {
  return Math.min(delays.defaultHours, ...delays.rules.map((rule) => rule.hours));
}

/** A gazetteer place as the open datasets read it. */
export interface GazetteerPlace {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly adminCode: string | null;
}

/** The gazetteer by id, and its settlements. */
export interface Gazetteer {
  readonly byId: ReadonlyMap<string, GazetteerPlace>;
  readonly settlements: readonly GazetteerPlace[];
}

/** A place as published: a settlement (name and its own coordinates) or only its district. */
export interface CoarsePlace {
  readonly location: string | null;
  readonly admin1: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** 1 the settlement itself, 2 near a settlement, 3 only the district (ACLED geo_precision). */
  readonly precision: 1 | 2 | 3;
}

const NOWHERE: CoarsePlace = { location: null, admin1: null, lat: null, lon: null, precision: 3 };
const DISTRICT = 'district:';

// Settlement coordinates are public gazetteer data; three decimals (~100 m) are plenty for a
// settlement and keep a republished file from carrying false precision.
const round3 = (value: number) => Math.round(value * 1000) / 1000;

function nearestSettlement(
  at: { lat: number; lon: number },
  gazetteer: Gazetteer,
  radiusKm: number,
): GazetteerPlace | undefined {
  let best: GazetteerPlace | undefined;
  let bestKm = radiusKm;
  for (const settlement of gazetteer.settlements) {
    const km = haversineKm(at, settlement);
    if (km <= bestKm) [best, bestKm] = [settlement, km];
  }
  return best;
}

const levelGazetteers = new WeakMap<Gazetteer, LevelGazetteer>();

/** The gazetteer as the disclosure module reads it: levels and parents (built once per release). */
function levelsOf(gazetteer: Gazetteer, radiusKm: number): LevelGazetteer {
  const known = levelGazetteers.get(gazetteer);
  if (known !== undefined) return known;
  const levels = new Map<string, { level: PlaceLevel; parentId?: string }>();
  const district = (code: string | null) => (code === null ? undefined : DISTRICT + code);
  for (const place of gazetteer.byId.values()) {
    const districtId = district(place.adminCode);
    if (districtId !== undefined) levels.set(districtId, { level: 'district' });
    const parentId =
      place.kind === 'settlement'
        ? districtId
        : (nearestSettlement(place, gazetteer, radiusKm)?.id ?? districtId);
    const level = place.kind === 'settlement' ? 'settlement' : 'site';
    levels.set(place.id, parentId === undefined ? { level } : { level, parentId });
  }
  levelGazetteers.set(gazetteer, levels);
  return levels;
}

function published(placeId: string, startId: string, gazetteer: Gazetteer): CoarsePlace {
  if (placeId.startsWith(DISTRICT)) {
    return { ...NOWHERE, admin1: placeId.slice(DISTRICT.length) };
  }
  const settlement = gazetteer.byId.get(placeId);
  if (settlement === undefined) return NOWHERE;
  return {
    location: settlement.name,
    admin1: settlement.adminCode,
    lat: round3(settlement.lat),
    lon: round3(settlement.lon),
    precision: placeId === startId ? 1 : 2,
  };
}

/**
 * The published place of an event at gazetteer place `place` (or at bare coordinates), at
 * settlement level at most (DOMAIN.md §6): a settlement as is; a site (a checkpoint, a centre,
 * a point) as its settlement — the nearest within `radiusKm` — else only its district; never
 * the precise coordinates.
 */
export function coarsenPlace(
  place: GazetteerPlace | { lat: number; lon: number } | undefined,
  gazetteer: Gazetteer,
  radiusKm: number,
): CoarsePlace {
  if (place === undefined) return NOWHERE;
  const startId = 'id' in place ? place.id : nearestSettlement(place, gazetteer, radiusKm)?.id;
  if (startId === undefined) return NOWHERE;
  try {
    const id = coarsenToLevel(startId, levelsOf(gazetteer, radiusKm), 'settlement');
    return published(id, 'id' in place ? startId : '', gazetteer);
  } catch {
    // A site with neither a settlement near it nor a district (bad_gazetteer): publish no place.
    return NOWHERE;
  }
}
