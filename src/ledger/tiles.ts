// C2SP tlog-tiles geometry: which tiles a tree of a given size has, how they are named, and the
// entry-bundle and tile byte formats. Paths and bytes come from the network and are
// attacker-controlled; parsing is strict and only LedgerError is ever thrown.
//
// Sizes and indexes are JS numbers, exact up to 2^53: no bit operators (they are 32-bit).
import { HASH_SIZE } from './hash.ts';
import { LedgerError } from './ledger-error.ts';

/** Tree levels per tile: a tile is a perfect subtree of height 8 (C2SP tlog-tiles). */
export const TILE_HEIGHT = 8;
/** Hashes in a full tile, 2^TILE_HEIGHT; full tiles are 8192 bytes. */
export const TILE_WIDTH = 256;

/** Tile `index` at tile level `level`, holding `width` hashes (1..256; 256 is a full tile). */
export interface TileId {
  level: number;
  index: number;
  width: number;
}

/** A tile path or an entry-bundle path, as parsed by {@link parseTilePath}. */
export type ParsedTilePath =
  | { kind: 'tile'; level: number; index: number; width: number }
  | { kind: 'entries'; index: number; width: number };

const MAX_TILE_LEVEL = 63;
const MAX_BUNDLE_ENTRY = 0xffff;

function invalid(message: string): LedgerError {
  return new LedgerError('INVALID_ARGUMENT', message);
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${name} must be a non-negative safe integer`);
  }
}

function checkTileLevel(level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw invalid(`tile level must be an integer from 0 to ${MAX_TILE_LEVEL}`);
  }
}

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw invalid(`tile width must be an integer from 1 to ${TILE_WIDTH}`);
  }
}

// <N>[.p/<W>]: N in zero-padded 3-digit groups, all but the last prefixed with `x`
// (1234067 → x001/x234/067); the suffix only for partial tiles.
function formatIndexAndWidth(index: number, width: number): string {
  checkCount('tile index', index);
  checkWidth(width);
  const digits = String(index);
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  let path = '';
  for (let i = 0; i < padded.length - 3; i += 3) path += `x${padded.slice(i, i + 3)}/`;
  path += padded.slice(-3);
  return width === TILE_WIDTH ? path : `${path}.p/${width}`;
}

/**
 * Path of a Merkle tree tile relative to the log prefix (C2SP tlog-tiles "Merkle Tree").
 * Throws INVALID_ARGUMENT for a level outside 0..63, a width outside 1..256 or a bad index.
 *
 * @example
 * formatTilePath({ level: 0, index: 1234067, width: 5 }) // 'tile/0/x001/x234/067.p/5'
 */
export function formatTilePath(tile: TileId): string {
  checkTileLevel(tile.level);
  return `tile/${tile.level}/${formatIndexAndWidth(tile.index, tile.width)}`;
}

/**
 * Path of an entry bundle relative to the log prefix (C2SP tlog-tiles "Log entries").
 *
 * @example
 * formatEntryBundlePath({ index: 0, width: 15 }) // 'tile/entries/000.p/15'
 */
export function formatEntryBundlePath(bundle: { index: number; width: number }): string {
  return `tile/entries/${formatIndexAndWidth(bundle.index, bundle.width)}`;
}

// At most six groups: more digits cannot be a safe integer. The canonical spelling (no leading
// zeros, no all-zero leading group, no `.p/256`) is checked by formatting the result again.
const TILE_PATH = /^tile\/(?:entries|\d{1,2})\/(?:x\d{3}\/){0,5}\d{3}(?:\.p\/\d{1,3})?$/;

/**
 * Parses a tile or entry-bundle path relative to the log prefix (no leading slash), e.g. from a
 * request URL. Strict: only the one canonical spelling of each tile is accepted. Throws
 * LedgerError MALFORMED_TILE_PATH for anything else.
 *
 * @example
 * parseTilePath('tile/2/x001/x234/067') // { kind: 'tile', level: 2, index: 1234067, width: 256 }
 */
export function parseTilePath(path: string): ParsedTilePath {
  if (TILE_PATH.test(path)) {
    const parsed = splitTilePath(path);
    if (isFormattedAs(parsed, path)) return parsed;
  }
  throw new LedgerError(
    'MALFORMED_TILE_PATH',
    `not a tlog-tiles path: ${JSON.stringify(path.slice(0, 80))}`,
  );
}

// Only called on paths that match TILE_PATH.
function splitTilePath(path: string): ParsedTilePath {
  const body = path.slice('tile/'.length);
  const slash = body.indexOf('/');
  const level = body.slice(0, slash);
  const tail = body.slice(slash + 1);
  const suffix = tail.indexOf('.p/');
  const width = suffix === -1 ? TILE_WIDTH : Number(tail.slice(suffix + '.p/'.length));
  const index = Number((suffix === -1 ? tail : tail.slice(0, suffix)).replace(/[x/]/g, ''));
  return level === 'entries'
    ? { kind: 'entries', index, width }
    : { kind: 'tile', level: Number(level), index, width };
}

function isFormattedAs(parsed: ParsedTilePath, path: string): boolean {
  try {
    const formatted =
      parsed.kind === 'entries' ? formatEntryBundlePath(parsed) : formatTilePath(parsed);
    return formatted === path;
  } catch {
    // Level above 63, width 0, index past 2^53: values the formatter refuses.
    return false;
  }
}

/**
 * Width (0..256) of tile (`level`, `index`) in a tree of `size` leaves; 0 when that tree does
 * not have the tile. C2SP tlog-tiles: hash i of the tile is MTH of a full block of 256^level
 * leaves, so the tile holds the complete blocks among its 256.
 *
 * @example
 * tileWidthAt(1, 0, 70000) // 256
 * tileWidthAt(1, 1, 70000) // 17
 */
export function tileWidthAt(level: number, index: number, size: number): number {
  checkTileLevel(level);
  checkCount('tile index', index);
  checkCount('size', size);
  const hashes = Math.floor(size / TILE_WIDTH ** level);
  // Past index 2^45 the product is rounded, but it is then far above any safe size anyway.
  return Math.min(TILE_WIDTH, Math.max(0, hashes - index * TILE_WIDTH));
}

/**
 * Number of tiles, full and partial, at tile `level` in a tree of `size` leaves.
 *
 * @example
 * tilesForSize(0, 70000) // 274: 273 full and one of width 112
 */
export function tilesForSize(level: number, size: number): number {
  checkTileLevel(level);
  checkCount('size', size);
  return Math.ceil(Math.floor(size / TILE_WIDTH ** level) / TILE_WIDTH);
}

/**
 * Where the perfect-subtree node (`level`, `index`) of the Merkle tree lives in the tiles: tile
 * level floor(level / 8), and, within that tile, the `count` = 2^(level mod 8) hashes from
 * `first` whose subtree it is (`subLevel` levels above them). Throws INVALID_ARGUMENT unless
 * the node fits in a tree of at most 2^53 - 1 leaves.
 *
 * @example
 * tileOfNode(9, 3) // { tile: { level: 1, index: 0 }, subLevel: 1, first: 6, count: 2 }
 */
export function tileOfNode(
  level: number,
  index: number,
): { tile: { level: number; index: number }; subLevel: number; first: number; count: number } {
  checkCount('level', level);
  checkCount('index', index);
  if ((index + 1) * 2 ** level > Number.MAX_SAFE_INTEGER) {
    throw invalid(`node ${level}/${index} lies past 2^53 leaves`);
  }
  const subLevel = level % TILE_HEIGHT;
  const count = 2 ** subLevel;
  const position = index * count;
  return {
    tile: { level: (level - subLevel) / TILE_HEIGHT, index: Math.floor(position / TILE_WIDTH) },
    subLevel,
    first: position % TILE_WIDTH,
    count,
  };
}

/**
 * Encodes log entries as a C2SP tlog-tiles entry bundle: each entry preceded by its length as a
 * big-endian uint16. Throws INVALID_ARGUMENT for an entry over 65535 bytes or a count outside
 * 1..256.
 *
 * @example
 * encodeEntryBundle([utf8('hi')]) // Uint8Array [0, 2, 104, 105]
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length < 1 || entries.length > TILE_WIDTH) {
    throw invalid(`an entry bundle holds 1 to ${TILE_WIDTH} entries`);
  }
  let length = 0;
  for (const entry of entries) {
    if (entry.length > MAX_BUNDLE_ENTRY) throw invalid('entry longer than 65535 bytes');
    length += 2 + entry.length;
  }
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const entry of entries) {
    view.setUint16(offset, entry.length);
    out.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return out;
}

/**
 * Decodes an entry bundle (attacker-controlled bytes). Strict: throws LedgerError
 * MALFORMED_BUNDLE for a truncated length or entry, or for fewer than 1 or more than 256
 * entries. Returns copies of the entries.
 *
 * @example
 * decodeEntryBundle(new Uint8Array([0, 2, 104, 105])) // [Uint8Array [104, 105]]
 */
export function decodeEntryBundle(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (entries.length === TILE_WIDTH) throw malformedBundle('more than 256 entries');
    if (offset + 2 > bytes.length) throw malformedBundle(`length cut off at byte ${offset}`);
    const end = offset + 2 + view.getUint16(offset);
    if (end > bytes.length) throw malformedBundle(`entry ${entries.length} is cut off`);
    entries.push(bytes.slice(offset + 2, end));
    offset = end;
  }
  if (entries.length === 0) throw malformedBundle('empty entry bundle');
  return entries;
}

function malformedBundle(message: string): LedgerError {
  return new LedgerError('MALFORMED_BUNDLE', message);
}

/**
 * Splits a Merkle tree tile (attacker-controlled bytes) into its hashes. Throws LedgerError
 * MALFORMED_TILE unless it holds 1 to 256 whole 32-byte hashes. Returns copies.
 *
 * @example
 * splitTileHashes(tileBytes).length // tile width
 */
export function splitTileHashes(bytes: Uint8Array): Uint8Array[] {
  const count = bytes.length / HASH_SIZE;
  if (!Number.isInteger(count) || count < 1 || count > TILE_WIDTH) {
    throw new LedgerError('MALFORMED_TILE', `a tile of ${bytes.length} bytes`);
  }
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < count; i++) hashes.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return hashes;
}
