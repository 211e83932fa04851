// `vigil verify log --full --server URL`: the mission's server must publish exactly what its
// log holds. Its public lists of bulletins and open data releases are read and compared with
// the items re-derived from the log: an item served but not logged, logged but not served, or
// served with other content (period, languages, log index, file hashes) fails. Items the server
// lists at a log index beyond the audited checkpoint were published since; they are not judged.
import { concatBytes, fromUtf8 } from '../ledger/bytes.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import { SourceError } from './log-source.ts';
import type { PublicItem } from './public-items.ts';
import { VerificationError } from './verification-error.ts';

const FETCH_TIMEOUT_MS = 30_000;
/** A list page is a few hundred kilobytes; anything far larger is not a Vigil answer. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** The server's largest page of the bulletin list (bulletin.routes.ts MAX_BULLETINS). */
const PAGE = 200;

// Reads the untrusted answer with a cap, so a huge or endless body cannot exhaust memory.
async function fetchJson(url: URL): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (cause) {
    throw new SourceError(`cannot fetch ${url.href}`, { cause });
  }
  if (!response.ok) throw new SourceError(`${url.href}: HTTP ${String(response.status)}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read !== undefined && !read.done;) {
    total += read.value.length;
    if (total > MAX_JSON_BYTES) {
      await reader?.cancel();
      throw new SourceError(`${url.href}: answer too large`);
    }
    chunks.push(read.value);
    read = await reader?.read();
  }
  try {
    return JSON.parse(fromUtf8(concatBytes(...chunks))) as unknown;
  } catch (cause) {
    throw new VerificationError(`server ${url.pathname}`, 'not JSON', { cause });
  }
}

type Json = Record<string, unknown>;
const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];

/** What the server says of one item, and what the log says: compared as canonical text. */
interface Listing {
  key: string;
  logIndex: number;
  facts: unknown;
}

// Key order and absent fields must not matter, only the values: compare canonical JSON.
const canonical = (value: unknown) => canonicalJson(JSON.parse(JSON.stringify(value ?? null)));

function compareListings(what: string, served: Listing[], logged: Listing[], size: number) {
  const unindexed = served.find((item) => !Number.isSafeInteger(item.logIndex));
  if (unindexed !== undefined) {
    throw new VerificationError(`server ${what}`, `${unindexed.key} shows no log index`);
  }
  const judged = served.filter((item) => item.logIndex < size);
  const byKey = new Map(logged.map((item) => [item.key, item]));
  for (const item of judged) {
    const log = byKey.get(item.key);
    if (log === undefined) {
      throw new VerificationError(`server ${what}`, `${item.key} is published but not logged`);
    }
    if (canonical(log.facts) !== canonical(item.facts) || log.logIndex !== item.logIndex) {
      throw new VerificationError(`server ${what}`, `${item.key} differs from its log entry`);
    }
  }
  const servedKeys = new Set(judged.map((item) => item.key));
  const missing = logged.find((item) => !servedKeys.has(item.key));
  if (missing !== undefined) {
    throw new VerificationError(`server ${what}`, `${missing.key} is logged but not published`);
  }
}

async function servedBulletins(server: URL): Promise<Listing[]> {
  const listings: Listing[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const url = new URL(`api/v1/bulletins?limit=${String(PAGE)}&offset=${String(offset)}`, server);
    const page = asList(((await fetchJson(url)) as Json | null)?.['bulletins']);
    for (const b of page) {
      const { id, product, periodFrom, periodTo, languages, corrects, logIndex } = b;
      const facts = { product, periodFrom, periodTo, languages, corrects };
      listings.push({ key: `bulletin ${String(id)}`, logIndex: Number(logIndex), facts });
    }
    if (page.length < PAGE) return listings;
  }
}

async function servedReleases(server: URL): Promise<Listing[]> {
  const catalogue = (await fetchJson(new URL('api/v1/open-data', server))) as Json | null;
  return asList(catalogue?.['datasets']).flatMap((dataset) =>
    asList(dataset['releases']).map((r) => ({
      key: `release ${String(r['dataset'])} ${String(r['version'])}`,
      logIndex: Number(r['logIndex']),
      facts: { rowCount: r['rowCount'], sha256: r['sha256'] },
    })),
  );
}

function loggedListings(items: readonly PublicItem[], kind: string): Listing[] {
  return items
    .filter((item) => item.kind === kind)
    .map((item) => {
      const b = item.body as Json;
      if (kind === 'bulletin.published') {
        const { product, periodFrom, periodTo, languages, corrects } = b;
        const facts = { product, periodFrom, periodTo, languages, corrects };
        return { key: `bulletin ${item.id}`, logIndex: item.logIndex, facts };
      }
      const key = `release ${String(b['dataset'])} ${String(b['version'])}`;
      return {
        key,
        logIndex: item.logIndex,
        facts: { rowCount: b['rowCount'], sha256: b['sha256'] },
      };
    });
}

/**
 * Compares the server at `serverUrl` with the public items re-derived from a log of `size`
 * entries; answers how many served items were checked.
 */
export async function compareWithServer(
  serverUrl: string,
  items: readonly PublicItem[],
  size: number,
): Promise<number> {
  const server = new URL(serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
  const bulletins = await servedBulletins(server);
  compareListings('bulletins', bulletins, loggedListings(items, 'bulletin.published'), size);
  const releases = await servedReleases(server);
  compareListings('open data', releases, loggedListings(items, 'open_data.release'), size);
  return bulletins.length + releases.length;
}
