// Stages what a grown log adds to the mirror. The mirror does not copy the source's tiles: it
// resumes the tiled tree from its own right edge, integrates the source's new entries and
// stages the tiles and bundles that this computes, then demands that they hash to the root
// the log signed. A source serving entries or tiles that do not match its checkpoint thus
// cannot get anything into the mirror.
import { equalBytes, toBase64, concatBytes } from '../ledger/bytes.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { HASH_SIZE } from '../ledger/hash.ts';
import { TileIntegrator } from '../ledger/tile-integrator.ts';
import type { Integration, IntegratorState } from '../ledger/tile-integrator.ts';
import {
  encodeEntryBundle,
  formatEntryBundlePath,
  formatTilePath,
  TILE_WIDTH,
} from '../ledger/tiles.ts';
import { fetchBundle } from '../verifier/audit-entries.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import type { MirrorDirectory } from './mirror-dir.ts';

/** Bundles fetched ahead of the one being integrated. */
const PREFETCH = 16;
/** Bundles integrated per call: enough to amortise root computation, little memory. */
const BUNDLES_PER_INTEGRATION = 8;

/** What {@link stageGrowth} needs. */
export interface Growth {
  source: LogSource;
  mirror: MirrorDirectory;
  /** The mirror's right edge at its current checkpoint (empty for a new mirror). */
  edge: IntegratorState;
  /** The source's verified checkpoint, larger than the edge. */
  target: Checkpoint;
  signal?: AbortSignal | undefined;
}

/** Thrown when the run is stopped (SIGINT/SIGTERM) before anything was published. */
export class MirrorInterrupted extends Error {
  constructor() {
    super('interrupted before publishing');
    this.name = 'MirrorInterrupted';
  }
}

// A prefetched promise may reject before it is awaited; mark it handled so Node does not treat
// that as an unhandled rejection. Awaiting it later still throws.
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

// Full tiles and bundles are final the moment they fill: stage them as they come, all of one
// integration at once (each write waits for its fsync; in parallel those overlap). Returns
// their paths, whose partial versions become prunable once published.
async function stageFull(mirror: MirrorDirectory, integration: Integration): Promise<string[]> {
  const files: { path: string; data: Uint8Array }[] = [];
  for (const tile of integration.tiles) {
    if (tile.data.length !== TILE_WIDTH * HASH_SIZE) continue;
    const path = formatTilePath({ level: tile.level, index: tile.index, width: TILE_WIDTH });
    files.push({ path, data: tile.data });
  }
  for (const bundle of integration.bundles) {
    if ((bundle.index + 1) * TILE_WIDTH > integration.size) continue;
    const path = formatEntryBundlePath({ index: bundle.index, width: TILE_WIDTH });
    files.push({ path, data: bundle.data });
  }
  await Promise.all(files.map((file) => mirror.stage(file.path, file.data)));
  return files.map((file) => file.path);
}

// The right edge at the target size: partial tiles and the partial bundle (C2SP tlog-tiles
// "Partial Tiles"), staged unless the mirror already has that exact one (a level the new
// entries did not reach keeps its width).
async function stagePartials(growth: Growth, edge: IntegratorState): Promise<void> {
  const { mirror, target } = growth;
  const before = growth.edge;
  for (const [level, hashes] of edge.partialTiles.entries()) {
    if (hashes.length === 0) continue;
    const index = Math.floor(target.size / TILE_WIDTH ** (level + 1));
    const oldIndex = Math.floor(before.size / TILE_WIDTH ** (level + 1));
    if (index === oldIndex && hashes.length === before.partialTiles[level]?.length) continue;
    const path = formatTilePath({ level, index, width: hashes.length });
    await mirror.stage(path, concatBytes(...hashes));
  }
  if (edge.partialBundle.length > 0) {
    const index = Math.floor(target.size / TILE_WIDTH);
    const path = formatEntryBundlePath({ index, width: edge.partialBundle.length });
    await mirror.stage(path, encodeEntryBundle(edge.partialBundle));
  }
}

/**
 * Fetches the entries from the edge's size to the target's, stages every new or grown tile and
 * bundle, and checks the resulting root against the target's. Returns the staged full paths.
 * Throws VerificationError when the entries do not hash to the signed root, MirrorInterrupted
 * when `signal` fires first; the caller then discards the staging area.
 */
export async function stageGrowth(growth: Growth): Promise<string[]> {
  const { source, edge, target, signal } = growth;
  const integrator = new TileIntegrator(edge);
  const first = Math.floor(edge.size / TILE_WIDTH);
  const end = Math.ceil(target.size / TILE_WIDTH);
  const widthOf = (i: number) => Math.min(TILE_WIDTH, target.size - i * TILE_WIDTH);
  const bundles = new Map<number, Promise<Uint8Array[]>>();
  const prefetch = (i: number) => {
    if (i < end) bundles.set(i, started(fetchBundle(source, i, widthOf(i))));
  };
  for (let i = first; i < Math.min(first + PREFETCH, end); i++) prefetch(i);
  const fullPaths: string[] = [];
  let pending: Uint8Array[] = [];
  for (let i = first; i < end; i++) {
    if (signal?.aborted === true) throw new MirrorInterrupted();
    const entries = await (bundles.get(i) ?? fetchBundle(source, i, widthOf(i)));
    bundles.delete(i);
    prefetch(i + PREFETCH);
    // The first bundle may be one the mirror holds partially: only its new entries count.
    pending.push(...(i === first ? entries.slice(edge.size - first * TILE_WIDTH) : entries));
    if (pending.length < BUNDLES_PER_INTEGRATION * TILE_WIDTH && i + 1 < end) continue;
    fullPaths.push(...(await stageFull(growth.mirror, integrator.integrate(pending))));
    pending = [];
  }
  const { root } = integrator.integrate([]);
  if (!equalBytes(root, target.rootHash)) {
    throw new VerificationError(
      'root',
      `the source's entries hash to ${toBase64(root)} at size ${target.size}, not to the ` +
        `signed root ${toBase64(target.rootHash)}; the mirror is unchanged`,
    );
  }
  await stagePartials(growth, integrator.snapshot());
  return fullPaths;
}
