// Where the canary test reads: the concrete URLs of each public GET route of the route matrix.
// Routes without parameters are read as they are; a `:id` route is read for the ids its list
// route answers; the log is read whole. A route this file does not know answers no URL, and the
// canary test fails on it, so a new public route cannot escape the check.
import { formatEntryBundlePath, formatTilePath, TILE_WIDTH } from '../../src/ledger/tiles.ts';

/** Most ids read per list: enough to include what was planted, without reading everything. */
const IDS_PER_LIST = 25;

/** Every tile and entry bundle of the log at its current size, as URLs. */
async function logTiles(base: string): Promise<string[]> {
  const note = await (await fetch(`${base}/log/checkpoint`)).text();
  const size = Number(note.split('\n')[1]);
  const urls: string[] = [];
  for (let level = 0, width = size; width > 0; level++, width = Math.floor(width / TILE_WIDTH)) {
    for (let index = 0; index * TILE_WIDTH < width; index++) {
      const tileWidth = Math.min(TILE_WIDTH, width - index * TILE_WIDTH);
      urls.push(`${base}/log/${formatTilePath({ level, index, width: tileWidth })}`);
    }
  }
  for (let index = 0; index * TILE_WIDTH < size; index++) {
    const width = Math.min(TILE_WIDTH, size - index * TILE_WIDTH);
    urls.push(`${base}/log/${formatEntryBundlePath({ index, width })}`);
  }
  return urls;
}

/** The page's own assets (scripts and styles it links under `files`). */
async function pageAssets(base: string, page: string, files: string): Promise<string[]> {
  const html = await (await fetch(`${base}${page}`)).text();
  const links = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1] ?? '');
  return links.filter((link) => link.startsWith(`${files}/`)).map((link) => `${base}${link}`);
}

// Every value of an `id` or `publicId` key anywhere in a JSON answer.
function idsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if ((key === 'id' || key === 'publicId') && typeof field === 'string') into.push(field);
      else idsIn(field, into);
    }
  }
  return into;
}

async function idsOfList(base: string, listPath: string): Promise<string[]> {
  const response = await fetch(`${base}${listPath}`);
  if (!response.ok) return [];
  return [...new Set(idsIn(await response.json()))].slice(0, IDS_PER_LIST);
}

/** The working languages every public page is read in. */
const LANGUAGES = ['en', 'ru', 'hy', 'az'];

// Published bulletins: each one's page and PDF in every language, and its proof.
async function bulletinUrls(base: string, route: string): Promise<string[]> {
  const ids = await idsOfList(base, '/api/v1/bulletins');
  const path = route.replace('/bulletins/:id', '');
  return ids.flatMap((id) =>
    path === '/proof'
      ? [`${base}/bulletins/${id}/proof`]
      : LANGUAGES.map((lang) => `${base}/bulletins/${id}${path}?lang=${lang}`),
  );
}

const PRODUCTS = ['all', 'daily', 'weekly', 'spot'];
const OPEN_DATA_FORMATS = ['csv', 'json', 'geojson'];

// The proof of every correction of every dataset, by the log index its corrections log shows.
async function correctionProofUrls(base: string, names: readonly string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const name of names) {
    const response = await fetch(`${base}/open-data/${name}/corrections`);
    const { corrections } = (await response.json()) as { corrections: { proof: string }[] };
    urls.push(...corrections.map((correction) => `${base}${correction.proof}`));
  }
  return urls;
}

// Every open dataset's methodology and corrections, every release in every format, and the
// proofs of every release and correction.
async function openDataUrls(base: string, route: string): Promise<string[]> {
  const response = await fetch(`${base}/api/v1/open-data`);
  const { datasets } = (await response.json()) as {
    datasets: { name: string; versions: number[] }[];
  };
  if (route.endsWith('/corrections/:index/proof')) {
    return correctionProofUrls(
      base,
      datasets.map(({ name }) => name),
    );
  }
  return datasets.flatMap(({ name, versions }) => {
    if (route.endsWith('/:version/proof')) {
      return versions.map((version) => `${base}/open-data/${name}/${String(version)}/proof`);
    }
    if (!route.endsWith('/:file')) return [`${base}${route.replace(':dataset', name)}`];
    return versions.flatMap((version) =>
      OPEN_DATA_FORMATS.map((format) => `${base}/open-data/${name}/${String(version)}.${format}`),
    );
  });
}

/**
 * The URLs to read for `route` (a route-matrix path such as /api/v1/places/:id); `tokens` are
 * those of the links mailed to the planted subscriber.
 */
export async function publicUrlsOf(
  route: string,
  base: string,
  tokens: readonly string[],
): Promise<string[]> {
  if (route === '/log/tile/*') return logTiles(base);
  if (route.startsWith('/open-data/:dataset/')) return openDataUrls(base, route);
  if (route === '/feeds/:feed') {
    return PRODUCTS.flatMap((product) =>
      LANGUAGES.map((l) => `${base}/feeds/${product}.${l}.atom`),
    );
  }
  if (route.endsWith('/:token'))
    return tokens.map((token) => `${base}${route.replace(':token', token)}`);
  if (route.startsWith('/bulletins/:id')) return bulletinUrls(base, route);
  // The public site is at / with its files under /site/; other pages hold their own files.
  if (route === '/site/*') return pageAssets(base, '/', '/site');
  if (route.endsWith('/*')) return pageAssets(base, route.slice(0, -2), route.slice(0, -2));
  if (!route.includes(':')) return [`${base}${route}`];
  // `/x/:id` and `/x/:id/y` (a part of one record) are read for the ids `/x` lists.
  const generic = /^(.*)\/:id(\/[\w-]+)?$/.exec(route);
  const [, list, part = ''] = generic ?? [];
  if (list !== undefined && !list.includes(':')) {
    const ids = await idsOfList(base, list);
    return ids.map((id) => `${base}${list}/${encodeURIComponent(id)}${part}`);
  }
  return [];
}
