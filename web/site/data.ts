// What the public site reads, and the plain summaries it draws from it. Every figure comes from a
// published product — an open data release or a daily report — exactly as published; the site
// counts records (incidents, restrictions), which are public one by one, and never adds up
// suppressed or rounded cells into new figures.

/** A row of an open data release in JSON (column → published cell). */
export type Row = Readonly<Record<string, string | number | null>>;

/** The open data catalogue's view of one dataset. */
export interface DatasetEntry {
  name: string;
  latest: { version: number } | null;
}

/** One published release, as its JSON export. */
export interface Release {
  version: number;
  rows: Row[];
}

/** A published bulletin as listed. */
export interface BulletinEntry {
  id: string;
  product: string;
  periodTo: string;
}

/** A commitment of the public register. */
export interface Commitment {
  id: string;
  party: string;
  text: string;
  translations: Record<string, string>;
  madeOn: string;
  sourceRef: string;
  scope: string;
  version: number;
}

/** One version of a commitment, as its public history lists it. */
export interface CommitmentVersion {
  version: number;
  text: string;
  translations: Record<string, string>;
  madeOn: string;
  reason: string;
  at: string;
}

/** Fetches JSON from this server; throws on any answer but 200. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${String(response.status)}`);
  return (await response.json()) as T;
}

const once = new Map<string, Promise<unknown>>();

/** Fetches `url` once per page load: sections that read the same product share one request. */
export function fetchOnce<T>(url: string): Promise<T> {
  const known = once.get(url);
  if (known !== undefined) return known as Promise<T>;
  const loading = fetchJson<T>(url);
  once.set(url, loading);
  void loading.catch(() => once.delete(url));
  return loading;
}

/** The latest release of `name`, or null when it has none. */
export async function latestRelease(name: string): Promise<Release | null> {
  const catalogue = await fetchOnce<{ datasets: DatasetEntry[] }>('/api/v1/open-data');
  const version = catalogue.datasets.find((d) => d.name === name)?.latest?.version;
  if (version === undefined) return null;
  const release = await fetchOnce<{ rows: Row[] }>(`/open-data/${name}/${String(version)}.json`);
  return { version, rows: release.rows };
}

/** A place of the published gazetteer. */
export interface Place {
  id: string;
  kind: string;
  names: Partial<Record<string, string>> & { en: string };
  lat: number;
  lon: number;
  adminCode: string | null;
}

/** The published gazetteer's places. */
export async function loadPlaces(): Promise<Place[]> {
  return (await fetchOnce<{ places: Place[] }>('/api/v1/places')).places;
}

/** A place's name in `language`, else in English. */
export const placeName = (place: Place, language: string) =>
  place.names[language] ?? place.names.en;

/** The rows of the last `days` distinct values of `column` (dates sort as text), newest first. */
export function lastDays(rows: readonly Row[], column: string, days: number): Row[] {
  const dates = [...new Set(rows.map((row) => String(row[column])))].sort().reverse();
  const kept = new Set(dates.slice(0, days));
  return rows
    .filter((row) => kept.has(String(row[column])))
    .sort((a, b) => String(b[column]).localeCompare(String(a[column])));
}

/** How many rows have each value of `column`, most first (ties by value). */
export function countBy(rows: readonly Row[], column: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = String(row[column] ?? '');
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Per value of `column`: how many rows have each value of `split` (e.g. event type × status). */
export function countByPair(
  rows: readonly Row[],
  column: string,
  split: string,
): { key: string; counts: Record<string, number> }[] {
  return countBy(rows, column).map(([key]) => {
    const counts: Record<string, number> = {};
    for (const row of rows) {
      if (String(row[column] ?? '') !== key) continue;
      const value = String(row[split] ?? '');
      counts[value] = (counts[value] ?? 0) + 1;
    }
    return { key, counts };
  });
}
