// Reading a node of a full tile with the help of its stored inner hashes (sub-levels 4–7, see
// tile-integrator.ts). The tlog-tiles tile holds only sub-level 0; rebuilding a sub-level-7 node
// from it costs 127 hashes, while with the inner hashes no node costs more than 7.
import { HASH_SIZE } from './hash.ts';
import { LedgerError } from './ledger-error.ts';
import { hashPerfectRun, INNER_FROM_SUBLEVEL } from './tile-integrator.ts';
import { splitTileHashes, TILE_HEIGHT, TILE_WIDTH } from './tiles.ts';

/** Byte length of the inner hashes of one full tile: 16 + 8 + 4 + 2 hashes. */
export const INNER_BYTES = (TILE_WIDTH / 2 ** (INNER_FROM_SUBLEVEL - 1) - 2) * HASH_SIZE;

/** Where a node sits inside its tile: sub-level and the span of tile hashes it covers. */
export interface NodeInTile {
  subLevel: number;
  first: number;
  count: number;
}

function innerOffset(subLevel: number, position: number): number {
  let offset = 0;
  for (let s = INNER_FROM_SUBLEVEL; s < subLevel; s++) offset += TILE_WIDTH / 2 ** s;
  return (offset + position) * HASH_SIZE;
}

/**
 * The hash of the node `where` inside a full tile, from the tile's hashes and inner hashes.
 * Throws MALFORMED_TILE when either has the wrong length, INVALID_ARGUMENT for a position that
 * is not a node of the tile.
 */
export function nodeFromFullTile(
  tile: Uint8Array,
  inner: Uint8Array,
  where: NodeInTile,
): Uint8Array {
  if (tile.length !== TILE_WIDTH * HASH_SIZE || inner.length !== INNER_BYTES) {
    throw new LedgerError('MALFORMED_TILE', 'a full tile and its inner hashes have fixed sizes');
  }
  const { subLevel, first, count } = where;
  const isNode =
    subLevel >= 0 && subLevel < TILE_HEIGHT && count === 2 ** subLevel && first % count === 0;
  if (!isNode || first < 0 || first + count > TILE_WIDTH) {
    throw new LedgerError('INVALID_ARGUMENT', `no node of sub-level ${subLevel} at ${first}`);
  }
  if (subLevel >= INNER_FROM_SUBLEVEL) {
    const offset = innerOffset(subLevel, first / count);
    return inner.slice(offset, offset + HASH_SIZE);
  }
  const run = tile.subarray(first * HASH_SIZE, (first + count) * HASH_SIZE);
  return count === 1 ? run.slice() : hashPerfectRun(splitTileHashes(run));
}
