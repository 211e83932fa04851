// Read side of the log: tiles and bundles as served under /log/, and inclusion and consistency
// proofs for receipts. Proofs are assembled from perfect-subtree hashes, which never change once
// their subtree is complete, so they are memoised across checkpoints; the tiles they come from
// are cached too, and the sequencer writes fresh tiles through the cache after each commit.
import type { NodeId, NodeReader } from '../ledger/merkle-prove.ts';
import {
  consistencyProofNodes,
  inclusionProofNodes,
  proveConsistency,
  proveInclusion,
} from '../ledger/merkle-prove.ts';
import { TileNodeReader, tilesForNodes } from '../ledger/tile-node-reader.ts';
import type { TileId } from '../ledger/tiles.ts';
import type { Integration } from '../ledger/tile-integrator.ts';
import { BoundedCache } from './bounded-cache.ts';
import { LogError } from './log-error.ts';
import type { LogStore } from './log-store.port.ts';

const HASH_BYTES = 32;

/** Serves tiles, bundles and proofs for one log. */
export class LogReader {
  readonly #store: LogStore;
  readonly #tiles = new BoundedCache<string, Uint8Array>(8192);
  readonly #nodes = new BoundedCache<string, Uint8Array>(500_000);

  constructor(store: LogStore) {
    this.#store = store;
  }

  /** Writes a committed batch's tiles through the cache (called by the sequencer). */
  noteCommitted(integration: Integration): void {
    for (const tile of integration.tiles) this.#tiles.set(`${tile.level}/${tile.index}`, tile.data);
  }

  /** Tile (level, index) at `width` hashes, if a version at least that wide is stored. */
  async readTile(level: number, index: number, width: number): Promise<Uint8Array | undefined> {
    const key = `${level}/${index}`;
    const data = this.#tiles.get(key) ?? (await this.#store.readTile(level, index));
    if (data === undefined || data.length < width * HASH_BYTES) return undefined;
    this.#tiles.set(key, data);
    return data.subarray(0, width * HASH_BYTES);
  }

  /** Entry bundle `index` with `width` entries, if stored that wide. */
  async readBundle(index: number, width: number): Promise<Uint8Array | undefined> {
    const data = await this.#store.readBundle(index);
    if (data === undefined) return undefined;
    // Walk the length prefixes to find where the width-th entry ends.
    let offset = 0;
    for (let i = 0; i < width; i++) {
      if (offset + 2 > data.length) return undefined;
      offset += 2 + (data[offset]! * 256 + data[offset + 1]!);
    }
    return offset <= data.length ? data.subarray(0, offset) : undefined;
  }

  /** RFC 9162 inclusion proof of entry `index` in the tree of `size`. */
  async proveInclusion(index: number, size: number): Promise<Uint8Array[]> {
    const reader = await this.#nodeReader(inclusionProofNodes(index, size), size);
    return proveInclusion(reader, index, size);
  }

  /** RFC 9162 consistency proof from `size1` to `size2`. */
  async proveConsistency(size1: number, size2: number): Promise<Uint8Array[]> {
    const reader = await this.#nodeReader(consistencyProofNodes(size1, size2), size2);
    return proveConsistency(reader, size1, size2);
  }

  // Collects the nodes a proof will read: from the memo where possible, else by fetching
  // their tiles and hashing within them. The proof builder then reads only this local map.
  async #nodeReader(nodes: readonly NodeId[], size: number): Promise<NodeReader> {
    const found = new Map<string, Uint8Array>();
    const missing: NodeId[] = [];
    for (const node of nodes) {
      const hash = this.#nodes.get(nodeKey(node));
      if (hash === undefined) missing.push(node);
      else found.set(nodeKey(node), hash);
    }
    if (missing.length > 0) {
      const tiles = new Map<string, Uint8Array>();
      for (const tile of tilesForNodes(missing, size)) tiles.set(tileKey(tile), await this.#must(tile));
      const tileReader = new TileNodeReader({
        size,
        source: { readTile: (level, index, width) => tiles.get(tileKey({ level, index, width }))! },
      });
      for (const node of missing) {
        const hash = tileReader.readNode(node.level, node.index);
        this.#nodes.set(nodeKey(node), hash);
        found.set(nodeKey(node), hash);
      }
    }
    return {
      readNode: (level, index) => {
        const hash = found.get(nodeKey({ level, index }));
        if (hash === undefined) throw new LogError('LOG_CORRUPT', `node ${level}/${index} unread`);
        return hash;
      },
    };
  }

  async #must(tile: TileId): Promise<Uint8Array> {
    const data = await this.readTile(tile.level, tile.index, tile.width);
    if (data === undefined) {
      throw new LogError('SIZE_UNAVAILABLE', `tile ${tileKey(tile)} is not stored`);
    }
    return data;
  }
}

function nodeKey(node: NodeId): string {
  return `${node.level}/${node.index}`;
}

function tileKey(tile: TileId): string {
  return `${tile.level}/${tile.index}/${tile.width}`;
}
