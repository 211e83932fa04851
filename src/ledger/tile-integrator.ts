// Integrates new entries into a tiled Merkle tree (C2SP tlog-tiles). It keeps only the right
// edge: the partial tile of each level and the partial entry bundle. That is all that is needed
// both to extend the tree and to compute its root, because every perfect subtree in the root's
// decomposition (RFC 9162 §2.1.1) lies in the rightmost tile of its level.
import { concatBytes } from './bytes.ts';
import { itemAt } from './checked.ts';
import { EMPTY_ROOT, hashChildren, hashLeaf } from './hash.ts';
import { LedgerError } from './ledger-error.ts';
import { encodeEntryBundle, TILE_WIDTH } from './tiles.ts';

/** The right edge of a tree: what a restart must load to resume integration. */
export interface IntegratorState {
  size: number;
  /** partialTiles[L]: the hashes of the rightmost, not yet full, tile of level L. */
  partialTiles: Uint8Array[][];
  /** Entries of the rightmost, not yet full, entry bundle. */
  partialBundle: Uint8Array[];
}

/** A tile's coordinates and its hashes at its current width. */
export interface TileData {
  level: number;
  index: number;
  data: Uint8Array;
  /** Full tiles only: sub-levels 4–7 concatenated (see INNER_FROM_SUBLEVEL). */
  inner?: Uint8Array;
}

/** The outcome of integrating one batch: new size and root, and the tiles and bundles to write. */
export interface Integration {
  size: number;
  root: Uint8Array;
  tiles: TileData[];
  bundles: { index: number; data: Uint8Array }[];
}

/**
 * Sub-levels of a full tile kept beside it ("inner" hashes): the 16 + 8 + 4 + 2 nodes of
 * sub-levels 4 to 7. With them a proof hashes at most 2^3 tile hashes inside a cold tile
 * instead of all 255 interior nodes, for 960 bytes per 8 KiB tile.
 */
export const INNER_FROM_SUBLEVEL = 4;

/**
 * Every row of the perfect tree over a run of 2^k hashes: row 0 is the run, the last row its
 * MTH (RFC 9162 §2.1.1 with n a power of two).
 */
export function perfectRunRows(hashes: readonly Uint8Array[]): Uint8Array[][] {
  if (hashes.length === 0) throw new LedgerError('INVALID_ARGUMENT', 'empty run of hashes');
  const rows = [[...hashes]];
  for (let row = hashes; row.length > 1;) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) {
      next.push(hashChildren(itemAt(row, i), itemAt(row, i + 1)));
    }
    rows.push(next);
    row = next;
  }
  return rows;
}

/** MTH of a perfect run of 2^k hashes. */
export function hashPerfectRun(hashes: readonly Uint8Array[]): Uint8Array {
  const rows = perfectRunRows(hashes);
  return itemAt(itemAt(rows, rows.length - 1), 0);
}

/** A perfect subtree inside a partial tile: how many of the tile's hashes it spans, and its MTH. */
interface Run {
  width: number;
  hash: Uint8Array;
}

/**
 * Adds `hash` to the perfect runs of a partial tile, largest first, as a binary counter adds one:
 * two runs of one width merge into one of twice the width. The runs are then the tile's perfect
 * subtrees by the binary digits of its width (RFC 9162 §2.1.1), kept up to date at the cost of
 * one hash per merge instead of rehashing the partial tile (up to 255 hashes) at every commit.
 */
function addToRuns(runs: Run[], hash: Uint8Array): void {
  let run: Run = { width: 1, hash };
  for (let last = runs.at(-1); last?.width === run.width; last = runs.at(-1)) {
    runs.pop();
    run = { width: run.width * 2, hash: hashChildren(last.hash, run.hash) };
  }
  runs.push(run);
}

/** The perfect runs of a partial tile, largest first. */
function runsOf(tile: readonly Uint8Array[]): Run[] {
  const runs: Run[] = [];
  for (const hash of tile) addToRuns(runs, hash);
  return runs;
}

/** Root of a tree from the runs of its partial tiles (runsByLevel[L]): folded from the right. */
function rootOfRuns(runsByLevel: readonly (readonly Run[])[]): Uint8Array {
  const subtrees = [...runsByLevel].reverse().flat();
  let root = subtrees.pop()?.hash;
  if (root === undefined) return EMPTY_ROOT;
  for (let i = subtrees.length - 1; i >= 0; i--) {
    root = hashChildren(itemAt(subtrees, i).hash, root);
  }
  return root;
}

/**
 * Root of a tree given its right edge: each partial tile of width w splits into perfect runs by
 * the binary digits of w, highest level first; the root folds those subtrees from the right.
 */
export function rootOfRightEdge(partialTiles: readonly (readonly Uint8Array[])[]): Uint8Array {
  return rootOfRuns(partialTiles.map(runsOf));
}

/** Extends a tree batch by batch, producing the tiles, bundles and root of each new size. */
export class TileIntegrator {
  #size: number;
  readonly #tiles: Uint8Array[][];
  /** #runs[L]: the perfect runs of #tiles[L], largest first. */
  readonly #runs: Run[][];
  #bundle: Uint8Array[];

  constructor(state: IntegratorState = { size: 0, partialTiles: [], partialBundle: [] }) {
    this.#size = state.size;
    this.#tiles = state.partialTiles.map((tile) => [...tile]);
    this.#runs = state.partialTiles.map(runsOf);
    this.#bundle = [...state.partialBundle];
  }

  /** Number of entries integrated so far. */
  get size(): number {
    return this.#size;
  }

  /** A copy of the right edge, to resume from. */
  snapshot(): IntegratorState {
    return {
      size: this.#size,
      partialTiles: this.#tiles.map((tile) => [...tile]),
      partialBundle: [...this.#bundle],
    };
  }

  /** Appends `entries` in order; returns the new root and everything that changed. */
  integrate(entries: readonly Uint8Array[]): Integration {
    const tiles = new Map<string, TileData>();
    const bundles = new Map<number, { index: number; data: Uint8Array }>();
    const touched = new Set<number>();
    for (const entry of entries) {
      const bundleIndex = Math.floor(this.#size / TILE_WIDTH);
      this.#bundle.push(entry);
      if (this.#bundle.length === TILE_WIDTH) {
        bundles.set(bundleIndex, { index: bundleIndex, data: encodeEntryBundle(this.#bundle) });
        this.#bundle = [];
      }
      this.#size += 1;
      this.#push(0, hashLeaf(entry), { tiles, touched });
    }
    if (this.#bundle.length > 0 && entries.length > 0) {
      const index = Math.floor(this.#size / TILE_WIDTH);
      bundles.set(index, { index, data: encodeEntryBundle(this.#bundle) });
    }
    for (const level of touched) {
      const hashes = itemAt(this.#tiles, level);
      if (hashes.length === 0) continue;
      const index = Math.floor(this.#size / TILE_WIDTH ** (level + 1));
      tiles.set(`${level}/${index}`, { level, index, data: concatBytes(...hashes) });
    }
    return {
      size: this.#size,
      root: rootOfRuns(this.#runs),
      tiles: [...tiles.values()],
      bundles: [...bundles.values()],
    };
  }

  // Adds one hash at `level` (the size has already been advanced); a tile that fills up is
  // emitted and its subtree hash carried to the level above.
  #push(
    level: number,
    hash: Uint8Array,
    out: { tiles: Map<string, TileData>; touched: Set<number> },
  ): void {
    const row = (this.#tiles[level] ??= []);
    row.push(hash);
    addToRuns((this.#runs[level] ??= []), hash);
    out.touched.add(level);
    if (row.length < TILE_WIDTH) return;
    const index = Math.floor(this.#size / TILE_WIDTH ** (level + 1)) - 1;
    const rows = perfectRunRows(row);
    const inner = concatBytes(...rows.slice(INNER_FROM_SUBLEVEL, -1).flat());
    out.tiles.set(`${level}/${index}`, { level, index, data: concatBytes(...row), inner });
    this.#tiles[level] = [];
    this.#runs[level] = [];
    this.#push(level + 1, itemAt(itemAt(rows, rows.length - 1), 0), out);
  }
}
