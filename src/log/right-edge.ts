// Loading the right edge of the tree from durable storage, on start and after a failed commit.
import { equalBytes } from '../ledger/bytes.ts';
import { openCheckpoint } from '../ledger/checkpoint.ts';
import { HASH_SIZE } from '../ledger/hash.ts';
import type { SignerKey } from '../ledger/note-keys.ts';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import { TileIntegrator, rootOfRightEdge } from '../ledger/tile-integrator.ts';
import { decodeEntryBundle, splitTileHashes, TILE_WIDTH } from '../ledger/tiles.ts';
import { LogError } from './log-error.ts';
import type { LogStore, StoredCheckpoint } from './log-store.port.ts';

/** The integrator positioned at the latest durable checkpoint, and that checkpoint. */
export interface RightEdge {
  integrator: TileIntegrator;
  latest: StoredCheckpoint | undefined;
}

/**
 * Reads the latest checkpoint and the partial tiles and bundle at its size, and refuses to go on
 * (LOG_CORRUPT) unless they hash to the checkpoint's root under the log's own key.
 */
export async function loadRightEdge(store: LogStore, signer: SignerKey): Promise<RightEdge> {
  const latest = await store.latestCheckpoint();
  if (latest === undefined) return { integrator: new TileIntegrator(), latest };
  const { checkpoint } = openCheckpoint(latest.note, { logKey: verifierKeyOf(signer) });
  const size = checkpoint.size;
  const partialTiles: Uint8Array[][] = [];
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    const width = count % TILE_WIDTH;
    partialTiles.push(width === 0 ? [] : await readPrefix(store, level, count, width));
  }
  const bundleWidth = size % TILE_WIDTH;
  const partialBundle = bundleWidth === 0 ? [] : await readBundlePrefix(store, size, bundleWidth);
  if (!equalBytes(rootOfRightEdge(partialTiles), checkpoint.rootHash)) {
    throw new LogError('LOG_CORRUPT', `stored tiles do not reproduce checkpoint ${size}`);
  }
  return { integrator: new TileIntegrator({ size, partialTiles, partialBundle }), latest };
}

async function readPrefix(
  store: LogStore,
  level: number,
  count: number,
  width: number,
): Promise<Uint8Array[]> {
  const index = Math.floor(count / TILE_WIDTH);
  const data = await store.readTile(level, index);
  if (data === undefined || data.length < width * HASH_SIZE) {
    throw new LogError('LOG_CORRUPT', `tile ${level}/${index} is missing or too short`);
  }
  return splitTileHashes(data.subarray(0, width * HASH_SIZE));
}

async function readBundlePrefix(
  store: LogStore,
  size: number,
  width: number,
): Promise<Uint8Array[]> {
  const index = Math.floor(size / TILE_WIDTH);
  const data = await store.readBundle(index);
  const entries = data === undefined ? [] : decodeEntryBundle(data);
  if (entries.length < width) {
    throw new LogError('LOG_CORRUPT', `entry bundle ${index} is missing or too short`);
  }
  return entries.slice(0, width);
}
