// Fetches the tiles that hold a set of perfect-subtree nodes and returns a reader over them.
import { itemAt } from '../ledger/checked.ts';
import { HASH_SIZE } from '../ledger/hash.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import type { NodeId, NodeReader } from '../ledger/merkle-prove.ts';
import { TileNodeReader, tilesForNodes } from '../ledger/tile-node-reader.ts';
import { formatTilePath } from '../ledger/tiles.ts';
import type { TileId } from '../ledger/tiles.ts';
import type { LogSource } from './log-source.ts';
import { VerificationError } from './verification-error.ts';

/** Fetches tile `tile` at its width, failing verification if it is absent or the wrong size. */
export async function fetchTile(source: LogSource, tile: TileId): Promise<Uint8Array> {
  const path = formatTilePath(tile);
  const data = await source.get(path);
  if (data === undefined) throw new VerificationError(`tile ${path}`, 'missing');
  if (data.length !== tile.width * HASH_SIZE) {
    throw new VerificationError(
      `tile ${path}`,
      `${data.length} bytes, expected ${tile.width * HASH_SIZE}`,
    );
  }
  return data;
}

/** A NodeReader able to read `nodes` of the tree of `size`, after fetching their tiles. */
export async function readNodes(
  source: LogSource,
  nodes: readonly NodeId[],
  size: number,
): Promise<NodeReader> {
  const tiles = tilesForNodes(nodes, size);
  const fetched = await Promise.all(tiles.map((tile) => fetchTile(source, tile)));
  const byKey = new Map(
    tiles.map((tile, i) => [formatTilePath(tile), itemAt(fetched, i)] as const),
  );
  const reader = new TileNodeReader({
    size,
    source: {
      readTile: (level, index, width) => {
        const data = byKey.get(formatTilePath({ level, index, width }));
        if (data === undefined) throw new VerificationError('tiles', `${level}/${index} unfetched`);
        return data;
      },
    },
  });
  return {
    readNode: (level, index) => {
      try {
        return reader.readNode(level, index);
      } catch (error) {
        if (isLedgerError(error)) throw new VerificationError('tiles', error.message);
        throw error;
      }
    },
  };
}
