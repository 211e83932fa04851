// Read side of the log: tiles and bundles as served under /log/, and inclusion and consistency
// proofs for receipts. Tiles are cached (the sequencer writes fresh ones through the cache after
// each commit), and proofs are hashed from them by a tile reader kept per recent tree size.
import type { NodeId, NodeReader } from '../ledger/merkle-prove.ts';
import {
  consistencyProofNodes,
  inclusionProofNodes,
  proveConsistency,
  proveInclusion,
} from '../ledger/merkle-prove.ts';
import { HASH_SIZE, hashChildren } from '../ledger/hash.ts';
import { nodeFromFullTile } from '../ledger/tile-inner.ts';
import { INNER_FROM_SUBLEVEL } from '../ledger/tile-integrator.ts';
import type { Integration } from '../ledger/tile-integrator.ts';
import { TileNodeReader, tilesForNodes } from '../ledger/tile-node-reader.ts';
import { TILE_WIDTH, tileOfNode } from '../ledger/tiles.ts';
import type { TileId } from '../ledger/tiles.ts';
import { BoundedCache } from './bounded-cache.ts';
import { LogError } from './log-error.ts';
import type { LogStore } from './log-store.port.ts';

const MAX_RANGES_PER_SIZE = 4096;

// What is kept per recent tree size: the tile reader (partial tiles differ between sizes) and
// the hashes of right-edge ranges, which every proof at that size shares.
interface SizedReader {
  tiles: TileNodeReader;
  ranges: Map<string, Uint8Array>;
}

/** Serves tiles, bundles and proofs for one log. */
export class LogReader {
  readonly #store: LogStore;
  readonly #tiles = new BoundedCache<string, Uint8Array>(8192);
  readonly #readers = new BoundedCache<number, SizedReader>(4);
  // Inner hashes of full tiles; null records a tile stored without them.
  readonly #inner = new BoundedCache<string, Uint8Array | null>(8192);
  // Perfect-subtree hashes read from full tiles: immutable, so valid at every tree size.
  readonly #fullTileNodes = new BoundedCache<string, Uint8Array>(65_536);
  // Full entry bundles never change. Public readers fetch them over and over, and each re-read
  // from PostgreSQL cost about five times a tile's (a bundle of real entries is ~50 KB).
  readonly #fullBundles = new BoundedCache<number, Uint8Array>(128);

  constructor(store: LogStore) {
    this.#store = store;
  }

  /** Writes a committed batch's tiles through the cache (called by the sequencer). */
  noteCommitted(integration: Integration): void {
    for (const tile of integration.tiles) {
      const key = `${tile.level}/${tile.index}`;
      this.#tiles.set(key, tile.data);
      if (tile.inner !== undefined) this.#inner.set(key, tile.inner);
    }
  }

  /** Tile (level, index) at `width` hashes, if a version at least that wide is stored. */
  async readTile(level: number, index: number, width: number): Promise<Uint8Array | undefined> {
    const key = `${level}/${index}`;
    let data = this.#tiles.get(key);
    // A cached version may predate a commit this reader did not see: ask the store then.
    if (data === undefined || data.length < width * HASH_SIZE) {
      data = await this.#store.readTile(level, index);
    }
    if (data === undefined || data.length < width * HASH_SIZE) return undefined;
    this.#tiles.set(key, data);
    return data.subarray(0, width * HASH_SIZE);
  }

  /** Entry bundle `index` with `width` entries, if stored that wide. */
  async readBundle(index: number, width: number): Promise<Uint8Array | undefined> {
    const full = this.#fullBundles.get(index);
    const data = full ?? (await this.#store.readBundle(index));
    if (data === undefined) return undefined;
    // Walk the length prefixes to find where the width-th entry ends.
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    let entries = 0;
    for (; offset + 2 <= data.length && entries < TILE_WIDTH; entries++) {
      if (entries === width) break;
      offset += 2 + view.getUint16(offset);
    }
    if (entries < width || offset > data.length) return undefined;
    if (full === undefined && width === TILE_WIDTH) this.#fullBundles.set(index, data);
    return data.subarray(0, offset);
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

  // A reader for the tree of `size` that can serve `nodes`: their tiles are loaded into the
  // tile cache first, then the reader hashes within them synchronously. One reader per recent
  // size, so the receipts of one group commit hash each tile once.
  async #nodeReader(nodes: readonly NodeId[], size: number): Promise<NodeReader> {
    for (const tile of tilesForNodes(nodes, size)) {
      const key = `${tile.level}/${tile.index}`;
      const cached = this.#tiles.get(key);
      if (tile.width === TILE_WIDTH && this.#inner.get(key) === undefined) {
        await this.#loadFullTile(tile);
      } else if (cached === undefined || cached.length < tile.width * HASH_SIZE) {
        await this.#must(tile);
      }
    }
    const { tiles, ranges } = this.#readerFor(size);
    const reader: NodeReader = {
      readRange: (start, end, compute) => {
        const key = `${start}:${end}`;
        let hash = ranges.get(key);
        if (hash === undefined) {
          if (ranges.size >= MAX_RANGES_PER_SIZE) ranges.clear();
          hash = compute();
          ranges.set(key, hash);
        }
        return hash;
      },
      // Full tiles with inner hashes answer in at most 7 hashes; partial tiles (the right
      // edge) and tiles stored without inner hashes go through the size's tile reader.
      readNode: (level, index) => {
        const { tile, subLevel, first, count } = tileOfNode(level, index);
        const key = `${tile.level}/${tile.index}`;
        const inner = this.#inner.get(key);
        const data = this.#tiles.get(key);
        if (inner === undefined || inner === null || data === undefined) {
          return tiles.readNode(level, index);
        }
        if (subLevel === 0 || subLevel >= INNER_FROM_SUBLEVEL) {
          return nodeFromFullTile(data, inner, { subLevel, first, count });
        }
        // Sub-levels 1–3 are hashed from the level below, memoised: the receipts of one batch
        // read the same nodes hundreds of times, and each costs one hash at most once.
        const nodeKey = `${level}:${index}`;
        let hash = this.#fullTileNodes.get(nodeKey);
        if (hash === undefined) {
          hash = hashChildren(
            reader.readNode(level - 1, 2 * index),
            reader.readNode(level - 1, 2 * index + 1),
          );
          this.#fullTileNodes.set(nodeKey, hash);
        }
        return hash;
      },
    };
    return reader;
  }

  #readerFor(size: number): SizedReader {
    const existing = this.#readers.get(size);
    if (existing !== undefined) return existing;
    const tiles = new TileNodeReader({
      size,
      source: {
        // Only called synchronously right after #must() loaded the tile into the cache.
        readTile: (level, index, width) => {
          const data = this.#tiles.get(`${level}/${index}`);
          if (data === undefined) throw new LogError('LOG_CORRUPT', `tile ${level}/${index} gone`);
          return data.subarray(0, width * HASH_SIZE);
        },
      },
    });
    const reader = { tiles, ranges: new Map<string, Uint8Array>() };
    this.#readers.set(size, reader);
    return reader;
  }

  // A full tile and its inner hashes in one read: the cold path of a random proof.
  async #loadFullTile(tile: TileId): Promise<void> {
    const stored = await this.#store.readTileWithInner(tile.level, tile.index);
    if (stored?.data.length !== TILE_WIDTH * HASH_SIZE) {
      throw new LogError('SIZE_UNAVAILABLE', `tile ${tileKey(tile)} is not stored full`);
    }
    const key = `${tile.level}/${tile.index}`;
    this.#tiles.set(key, stored.data);
    this.#inner.set(key, stored.inner ?? null);
  }

  async #must(tile: TileId): Promise<Uint8Array> {
    const data = await this.readTile(tile.level, tile.index, tile.width);
    if (data === undefined) {
      throw new LogError('SIZE_UNAVAILABLE', `tile ${tileKey(tile)} is not stored`);
    }
    return data;
  }
}

function tileKey(tile: TileId): string {
  return `${tile.level}/${tile.index}/${tile.width}`;
}
