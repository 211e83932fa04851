// Reading perfect-subtree hashes from C2SP tlog-tiles. A tile at tile level L holds the nodes
// of tree level 8·L; the nodes of the 7 tree levels between two tile levels are not stored and
// are recomputed by hashing the tile's hashes together ("the Merkle Tree levels between those
// expressed by the tile hashes are reconstructed by hashing the leaves", tlog-tiles).
import { HASH_SIZE, sha256 } from './hash.ts';
import { LedgerError } from './ledger-error.ts';
import type { NodeId, NodeReader } from './merkle-prove.ts';
import { TILE_HEIGHT, tileOfNode, tileWidthAt } from './tiles.ts';
import type { TileId } from './tiles.ts';

/**
 * Synchronous access to the tiles of one tree. `readTile` returns exactly `width`·32 bytes: the
 * tile as it is in a tree of the reader's size (an implementation may slice a wider stored
 * tile). Asynchronous clients fetch the tiles named by {@link tilesForNodes} first.
 */
export interface TileSource {
  readTile(level: number, index: number, width: number): Uint8Array;
}

/** Options of {@link TileNodeReader}. */
export interface TileNodeReaderOptions {
  /** Tree size: only nodes fully inside it are read, and tiles are asked for at this size. */
  size: number;
  source: TileSource;
  /**
   * Bound on the hashes kept in the cache, tile hashes and the ones computed from them alike
   * (511 for a full tile, 32 bytes each). The default, 2^18, is 8 MiB: about 500 full tiles.
   * The tile in use is kept even past the bound, so 0 keeps just that one.
   */
  cacheNodes?: number;
}

const DEFAULT_CACHE_NODES = 2 ** 18;

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `${name} must be a non-negative safe integer`);
  }
}

// Where node (level, index) lives, after checking that it is fully inside a tree of `size`.
function locateNode(level: number, index: number, size: number): ReturnType<typeof tileOfNode> {
  const where = tileOfNode(level, index);
  if ((index + 1) * 2 ** level > size) {
    throw new LedgerError('INVALID_ARGUMENT', `node ${level}/${index} is outside size ${size}`);
  }
  return where;
}

// A tile with the hashes of its sub-levels: sub-level s (0..7) holds floor(width / 2^s) nodes,
// stored one sub-level after the other. Sub-level 8 is not kept: it is in the tile above.
interface HashedTile {
  width: number;
  hashes: Uint8Array;
}

function subLevelStart(width: number, subLevel: number): number {
  let start = 0;
  for (let s = 0; s < subLevel; s++) start += Math.floor(width / 2 ** s);
  return start;
}

// RFC 6962 §2.1: each node above the tile's hashes is SHA-256(0x01 ‖ left ‖ right), as
// hash.ts's hashChildren computes it (the tests compare the two). This is the hot loop of
// every tile-based proof, so the input is built in place, with no concatenation per hash.
// Hashing the whole tile costs at most 255 hashes, no more than the 247 that the siblings of
// one leaf need, and then every node of the tile is a lookup.
function hashTile(tile: Uint8Array): HashedTile {
  const width = tile.length / HASH_SIZE;
  const hashes = new Uint8Array(subLevelStart(width, TILE_HEIGHT) * HASH_SIZE);
  hashes.set(tile);
  const input = new Uint8Array(1 + 2 * HASH_SIZE);
  input[0] = 0x01;
  let below = 0;
  let at = tile.length;
  for (let s = 1; s < TILE_HEIGHT; s++) {
    const count = Math.floor(width / 2 ** s);
    for (let i = 0; i < count; i++, below += 2 * HASH_SIZE, at += HASH_SIZE) {
      input.set(hashes.subarray(below, below + 2 * HASH_SIZE), 1);
      hashes.set(sha256(input), at);
    }
    // An odd node at the end of sub-level s - 1 has no parent: skip it.
    below = subLevelStart(width, s) * HASH_SIZE;
  }
  return { width, hashes };
}

/**
 * A {@link NodeReader} over tiles. Each tile read is hashed up to the level below the next tile
 * and kept in a bounded cache (least recently used tile dropped first): the hashes of perfect
 * subtrees never change once the tree has them.
 *
 * @example
 * const reader = new TileNodeReader({ size: checkpoint.size, source: tileStore });
 * const proof = proveInclusion(reader, index, checkpoint.size);
 */
export class TileNodeReader implements NodeReader {
  readonly #size: number;
  readonly #source: TileSource;
  readonly #cacheNodes: number;
  readonly #cache = new Map<string, HashedTile>();
  #cachedNodes = 0;

  /** Throws INVALID_ARGUMENT for a size or cache bound that is not a non-negative integer. */
  constructor(options: TileNodeReaderOptions) {
    checkSize('size', options.size);
    const cacheNodes = options.cacheNodes ?? DEFAULT_CACHE_NODES;
    checkSize('cacheNodes', cacheNodes);
    this.#size = options.size;
    this.#source = options.source;
    this.#cacheNodes = cacheNodes;
  }

  /** The tree size this reader reads. */
  get size(): number {
    return this.#size;
  }

  /**
   * Hash of node (`level`, `index`), as a fresh array. Throws INVALID_ARGUMENT unless the node
   * lies fully inside the tree, MALFORMED_TILE when the source returns a tile of the wrong
   * length.
   */
  readNode(level: number, index: number): Uint8Array {
    const { tile, subLevel, first, count } = locateNode(level, index, this.#size);
    const { width, hashes } = this.#hashedTile(tile.level, tile.index);
    const offset = (subLevelStart(width, subLevel) + first / count) * HASH_SIZE;
    // A copy, not a view: a caller that keeps the hash must not pin the whole hashed tile.
    return hashes.slice(offset, offset + HASH_SIZE);
  }

  #hashedTile(level: number, index: number): HashedTile {
    const key = `${level}/${index}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      // Least recently used goes first: move the tile to the end of the Map's order. The tiles
      // near the root are in every proof and stay.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const hashed = hashTile(this.#readTile(level, index));
    this.#cache.set(key, hashed);
    this.#cachedNodes += hashed.hashes.length / HASH_SIZE;
    this.#evict();
    return hashed;
  }

  #readTile(level: number, index: number): Uint8Array {
    const width = tileWidthAt(level, index, this.#size);
    const bytes = this.#source.readTile(level, index, width);
    if (bytes.length !== width * HASH_SIZE) {
      throw new LedgerError(
        'MALFORMED_TILE',
        `tile ${level}/${index} has ${bytes.length} bytes, not ${width * HASH_SIZE}`,
      );
    }
    return bytes;
  }

  // Drops the least recently used tiles (first in the Map's order) until the bound holds,
  // but keeps the last one, which is the tile in use.
  #evict(): void {
    for (const [key, hashed] of this.#cache) {
      if (this.#cachedNodes <= this.#cacheNodes || this.#cache.size === 1) break;
      this.#cache.delete(key);
      this.#cachedNodes -= hashed.hashes.length / HASH_SIZE;
    }
  }
}

/**
 * The distinct tiles, with their widths at `size`, that a {@link TileNodeReader} of that size
 * reads to serve `nodes` — what an asynchronous client fetches before building a proof.
 * Throws INVALID_ARGUMENT for a node not fully inside the tree.
 *
 * @example
 * tilesForNodes(inclusionProofNodes(index, size), size).map(formatTilePath)
 */
export function tilesForNodes(nodes: readonly NodeId[], size: number): TileId[] {
  checkSize('size', size);
  const seen = new Set<string>();
  const tiles: TileId[] = [];
  for (const node of nodes) {
    const { tile } = locateNode(node.level, node.index, size);
    const key = `${tile.level}/${tile.index}`;
    if (!seen.has(key)) {
      seen.add(key);
      tiles.push({ ...tile, width: tileWidthAt(tile.level, tile.index, size) });
    }
  }
  return tiles;
}
