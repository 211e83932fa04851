// The full audit (`--full`): fetch every entry bundle, re-hash every entry, rebuild every tile
// from the entries and compare it byte for byte with the tile the log serves, and finally the
// root with the checkpoint's. Nothing the log serves is taken on trust.
import { concatBytes, equalBytes } from '../ledger/bytes.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { HASH_SIZE } from '../ledger/hash.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { TileIntegrator } from '../ledger/tile-integrator.ts';
import type { TileData } from '../ledger/tile-integrator.ts';
import {
  decodeEntryBundle,
  formatEntryBundlePath,
  formatTilePath,
  TILE_WIDTH,
} from '../ledger/tiles.ts';
import type { LogSource } from './log-source.ts';
import { fetchTile } from './read-nodes.ts';
import { VerificationError } from './verification-error.ts';

/** How many resources are fetched at once. */
const CONCURRENCY = 32;
/** Bundles integrated per call while auditing. */
const BUNDLES_PER_INTEGRATION = 32;

/**
 * Fetches entry bundle `index` at `width` and decodes it; fails verification unless it holds
 * exactly `width` entries.
 */
export async function fetchBundle(
  source: LogSource,
  index: number,
  width: number,
): Promise<Uint8Array[]> {
  const path = formatEntryBundlePath({ index, width });
  const data = await source.get(path);
  if (data === undefined) throw new VerificationError(`entries ${path}`, 'missing');
  let entries: Uint8Array[];
  try {
    entries = decodeEntryBundle(data);
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new VerificationError(`entries ${path}`, error.message, { cause: error });
  }
  if (entries.length !== width) {
    throw new VerificationError(`entries ${path}`, `${entries.length} entries, expected ${width}`);
  }
  return entries;
}

async function compareTile(source: LogSource, tile: TileData): Promise<void> {
  const width = tile.data.length / 32;
  const served = await fetchTile(source, { level: tile.level, index: tile.index, width });
  if (!equalBytes(served, tile.data)) {
    const path = formatTilePath({ level: tile.level, index: tile.index, width });
    throw new VerificationError(`tile ${path}`, 'differs from the hashes of the entries');
  }
}

// A prefetched promise may reject before it is awaited; mark it handled so Node does not treat
// that as an unhandled rejection. Awaiting it later still throws.
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function takeBundle(bundles: Map<number, Promise<Uint8Array[]>>, i: number) {
  const bundle = bundles.get(i);
  if (bundle === undefined) throw new Error(`bundle ${i} was never fetched`);
  bundles.delete(i); // let the fetched bytes go once integrated
  return bundle;
}

// Waits for all `checks`, then throws the failure of the earliest one: the report names the
// first differing tile in log order, whichever fetch happened to answer first.
async function firstFailure(checks: readonly Promise<void>[]): Promise<void> {
  for (const result of await Promise.allSettled(checks)) {
    if (result.status === 'rejected') throw result.reason;
  }
}

/** Sees each audited entry with its index, in log order (to re-derive the public items). */
export type EntryObserver = (entry: Uint8Array, index: number) => void;

/**
 * Re-hashes the whole log up to `checkpoint`, showing each entry to `observe` on the way;
 * returns the number of entries checked.
 */
export async function auditEntries(
  source: LogSource,
  checkpoint: Checkpoint,
  observe?: EntryObserver,
): Promise<number> {
  const { size } = checkpoint;
  const integrator = new TileIntegrator();
  const bundleCount = Math.ceil(size / TILE_WIDTH);
  const widthOf = (i: number) => Math.min(TILE_WIDTH, size - i * TILE_WIDTH);
  const bundles = new Map<number, Promise<Uint8Array[]>>();
  const comparisons: Promise<void>[] = [];
  const prefetch = (i: number) => {
    if (i < bundleCount) bundles.set(i, started(fetchBundle(source, i, widthOf(i))));
  };
  for (let i = 0; i < Math.min(CONCURRENCY, bundleCount); i++) prefetch(i);
  let pending: Uint8Array[] = [];
  for (let i = 0; i < bundleCount; i++) {
    const entries = await takeBundle(bundles, i);
    entries.forEach((entry, k) => observe?.(entry, i * TILE_WIDTH + k));
    pending.push(...entries);
    prefetch(i + CONCURRENCY);
    // Integrating a few bundles at a time: each call also computes a root and the partial
    // tiles, work that is wasted in the middle of an audit.
    if (pending.length < BUNDLES_PER_INTEGRATION * TILE_WIDTH && i + 1 < bundleCount) continue;
    const integration = integrator.integrate(pending);
    pending = [];
    for (const tile of integration.tiles) {
      if (tile.data.length === TILE_WIDTH * HASH_SIZE) {
        comparisons.push(started(compareTile(source, tile)));
      }
    }
    // Keep fetching bundles while older comparisons finish; wait only when too many are open.
    if (comparisons.length >= 4 * CONCURRENCY) {
      await firstFailure(comparisons.splice(0, 2 * CONCURRENCY));
    }
  }
  const edge = integrator.snapshot();
  edge.partialTiles.forEach((hashes, level) => {
    if (hashes.length === 0) return;
    const index = Math.floor(size / TILE_WIDTH ** (level + 1));
    comparisons.push(compareTile(source, { level, index, data: concatBytes(...hashes) }));
  });
  await firstFailure(comparisons);
  const root = integrator.integrate([]).root;
  if (!equalBytes(root, checkpoint.rootHash)) {
    throw new VerificationError('root', `the entries hash to a different root at size ${size}`);
  }
  return size;
}
