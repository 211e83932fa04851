// What the dashboard's first screen reads: whether the data is a synthetic demo, the latest
// daily reports and the passages release with the gazetteer naming its checkpoints. main.tsx
// asks for them as soon as the script runs, before i18next starts and the page is first drawn,
// so the network works meanwhile; the sections read the same requests (fetchOnce) when they
// mount. Sections further down ask for theirs when the reader comes near them.
import type { BulletinEntry, Place } from './data.ts';
import { fetchOnce, latestRelease, loadPlaces } from './data.ts';

/** What the server says of itself: whether its data is a synthetic demo. */
export const loadServer = () => fetchOnce<{ dataset?: string }>('/api/v1');

/** The latest seven daily reports. */
export const loadReports = async () =>
  (await fetchOnce<{ bulletins: BulletinEntry[] }>('/api/v1/bulletins?limit=7')).bulletins;

/**
 * The passages release, with the gazetteer that names its checkpoints in the reader's language
 * (without it, the released names): fetched together, drawn once. Null without a release.
 */
export const loadPassages = async () => {
  const [release, places] = await Promise.all([
    latestRelease('checkpoint_daily'),
    loadPlaces().catch((): Place[] => []),
  ]);
  return release === null ? null : { release, places };
};

/** Starts the first screen's requests; a failure shows in its section, which asks again. */
export function askFirstScreen(): void {
  for (const load of [loadServer, loadReports, loadPassages]) {
    load().catch(() => undefined);
  }
}
