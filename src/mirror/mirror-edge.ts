// Where a mirror resumes: the right edge of the tree at the mirror's own checkpoint, read back
// from its files. The mirror's files are not trusted blindly either: someone may have edited
// or half-deleted them, so the edge must reproduce the checkpoint's root before it is used.
import { equalBytes } from '../ledger/bytes.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { rootOfRightEdge } from '../ledger/tile-integrator.ts';
import type { IntegratorState } from '../ledger/tile-integrator.ts';
import { splitTileHashes, TILE_WIDTH } from '../ledger/tiles.ts';
import { fetchBundle } from '../verifier/audit-entries.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { fetchTile } from '../verifier/read-nodes.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { MirrorError } from './mirror-error.ts';

async function readEdge(mirror: LogSource, size: number): Promise<IntegratorState> {
  const partialTiles: Uint8Array[][] = [];
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    const width = count % TILE_WIDTH;
    const index = Math.floor(count / TILE_WIDTH);
    partialTiles.push(
      width === 0 ? [] : splitTileHashes(await fetchTile(mirror, { level, index, width })),
    );
  }
  const bundleWidth = size % TILE_WIDTH;
  const partialBundle =
    bundleWidth === 0 ? [] : await fetchBundle(mirror, Math.floor(size / TILE_WIDTH), bundleWidth);
  return { size, partialTiles, partialBundle };
}

/**
 * The right edge of the mirror at `checkpoint` (its partial tiles and partial bundle). Throws
 * MirrorError MIRROR_CORRUPT when a file is missing or they do not hash to the checkpoint's
 * root: the mirror must then be rebuilt into an empty directory.
 */
export async function loadMirrorEdge(
  mirror: LogSource,
  checkpoint: Checkpoint,
): Promise<IntegratorState> {
  let edge: IntegratorState;
  try {
    edge = await readEdge(mirror, checkpoint.size);
  } catch (error) {
    if (!(error instanceof VerificationError)) throw error;
    throw new MirrorError('MIRROR_CORRUPT', `the mirror ${error.message}`, { cause: error });
  }
  if (!equalBytes(rootOfRightEdge(edge.partialTiles), checkpoint.rootHash)) {
    throw new MirrorError(
      'MIRROR_CORRUPT',
      `the mirror's tiles do not reproduce its checkpoint of size ${checkpoint.size}`,
    );
  }
  return edge;
}
