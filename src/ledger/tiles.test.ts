import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from './bytes.ts';
import { isLedgerError } from './ledger-error.ts';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  formatEntryBundlePath,
  formatTilePath,
  parseTilePath,
  splitTileHashes,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileOfNode,
  tilesForSize,
  tileWidthAt,
} from './tiles.ts';
import type { ParsedTilePath, TileId } from './tiles.ts';

const VECTORS = new URL('../../../shared/vectors/', import.meta.url);

interface SumdbPath {
  path: string;
  H?: number;
  L?: number;
  N?: number;
  W?: number;
  invalid?: boolean;
}

interface TilePathVectors {
  sumdbTilePaths: SumdbPath[];
  tlogTilesPaths_c2sp: {
    path?: string;
    encoded?: string;
    entries?: boolean;
    L?: number;
    N: number;
    W?: number;
  }[];
  tlogTilesTreeShapes_c2sp: { treeSize: number; expect: string }[];
}

const vectors = JSON.parse(
  readFileSync(new URL('tile-paths/tile-path-vectors.json', VECTORS), 'utf8'),
) as TilePathVectors;

function code(expected: string): (error: unknown) => boolean {
  return (error) => isLedgerError(error) && error.code === expected;
}

const isMalformedPath = code('MALFORMED_TILE_PATH');
const isInvalidArgument = code('INVALID_ARGUMENT');

describe('tile path vectors', () => {
  it('formats and parses every C2SP tlog-tiles path', () => {
    assert.equal(vectors.tlogTilesPaths_c2sp.length, 5);
    for (const v of vectors.tlogTilesPaths_c2sp) {
      if (v.encoded !== undefined) {
        // The index encoding alone: check it in a full level-0 tile path.
        const path = `tile/0/${v.encoded}`;
        assert.equal(formatTilePath({ level: 0, index: v.N, width: TILE_WIDTH }), path);
        assert.deepEqual(parseTilePath(path), { kind: 'tile', level: 0, index: v.N, width: 256 });
      } else if (v.entries === true) {
        assert.equal(formatEntryBundlePath({ index: v.N, width: v.W! }), v.path);
        assert.deepEqual(parseTilePath(v.path!), { kind: 'entries', index: v.N, width: v.W });
      } else {
        const tile = { level: v.L!, index: v.N, width: v.W! };
        assert.equal(formatTilePath(tile), v.path);
        assert.deepEqual(parseTilePath(v.path!), { kind: 'tile', ...tile });
      }
    }
  });

  // Go sumdb paths carry the tile height H (tlog-tiles fixes it at 8 and drops the element)
  // and name level -1 `data` (tlog-tiles: `entries`). Without H, their <N>[.p/<W>] part is the
  // same encoding, with "full" meaning 2^H wide there and 256 wide here.
  function withoutHeight(v: SumdbPath): string {
    return v.path.replace(/^tile\/\d+\//, 'tile/').replace('/data/', '/entries/');
  }

  it('reads the index encoding of the Go sumdb paths', () => {
    const valid = vectors.sumdbTilePaths.filter((v) => v.invalid !== true);
    assert.equal(valid.length, 6);
    for (const v of valid) {
      const width = v.W === 2 ** v.H! ? TILE_WIDTH : v.W!;
      const expected: ParsedTilePath =
        v.L === -1
          ? { kind: 'entries', index: v.N!, width }
          : { kind: 'tile', level: v.L!, index: v.N!, width };
      assert.deepEqual(parseTilePath(withoutHeight(v)), expected);
    }
  });

  it('rejects the invalid Go sumdb paths, without their height too', () => {
    const invalid = vectors.sumdbTilePaths.filter((v) => v.invalid === true);
    assert.equal(invalid.length, 2);
    for (const v of invalid) {
      assert.throws(() => parseTilePath(v.path), isMalformedPath);
      assert.throws(() => parseTilePath(withoutHeight(v)), isMalformedPath);
    }
  });

  it('has the tile shapes of the C2SP examples', () => {
    const shapes = new Map(vectors.tlogTilesTreeShapes_c2sp.map((v) => [v.treeSize, v.expect]));
    assert.deepEqual([...shapes.keys()], [70000, 256]);
    // 273 full level-0 tiles and one of width 112; one full level-1 tile and one of width 17;
    // one level-2 tile of width 1.
    assert.deepEqual(widthsAt(70000), [
      [273, 112],
      [1, 17],
      [0, 1],
      [0, 0],
    ]);
    // One full level-0 tile and a level-1 tile of width 1.
    assert.deepEqual(widthsAt(256), [
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
  });
});

// Per tile level 0..3: [full tiles, width of the partial tile or 0].
function widthsAt(size: number): [number, number][] {
  return [0, 1, 2, 3].map((level) => {
    const count = tilesForSize(level, size);
    const widths = Array.from({ length: count }, (_, i) => tileWidthAt(level, i, size));
    const full = widths.filter((w) => w === TILE_WIDTH).length;
    const partial = widths.filter((w) => w !== TILE_WIDTH);
    assert.ok(partial.length <= 1 && widths.every((w) => w > 0));
    assert.equal(tileWidthAt(level, count, size), 0);
    return [full, partial[0] ?? 0];
  });
}

describe('formatTilePath and formatEntryBundlePath', () => {
  it('writes full tiles without a .p/ suffix and partial ones with it', () => {
    assert.equal(formatTilePath({ level: 0, index: 1234067, width: 256 }), 'tile/0/x001/x234/067');
    assert.equal(
      formatTilePath({ level: 0, index: 1234067, width: 5 }),
      'tile/0/x001/x234/067.p/5',
    );
    assert.equal(formatTilePath({ level: 63, index: 0, width: 255 }), 'tile/63/000.p/255');
    assert.equal(formatEntryBundlePath({ index: 1000, width: 1 }), 'tile/entries/x001/000.p/1');
    assert.equal(
      formatTilePath({ level: 1, index: Number.MAX_SAFE_INTEGER, width: 256 }),
      'tile/1/x009/x007/x199/x254/x740/991',
    );
  });

  // <N> from the tlog-tiles text: base-1000 digits, most significant first, 3 digits each,
  // `x` before all but the last.
  function referenceIndex(index: bigint): string {
    const groups: string[] = [];
    let rest = index;
    do {
      groups.unshift((rest % 1000n).toString().padStart(3, '0'));
      rest /= 1000n;
    } while (rest > 0n);
    return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
  }

  it('writes huge indexes as a BigInt reference does', () => {
    const cases = fc.tuple(
      fc.integer({ min: 0, max: 63 }),
      fc.oneof(fc.maxSafeNat(), fc.integer({ min: 2 ** 31, max: 2 ** 40 })),
      fc.integer({ min: 1, max: 256 }),
    );
    fc.assert(
      fc.property(cases, ([level, index, width]) => {
        const suffix = width === 256 ? '' : `.p/${width}`;
        const expected = `tile/${level}/${referenceIndex(BigInt(index))}${suffix}`;
        assert.equal(formatTilePath({ level, index, width }), expected);
      }),
    );
    const huge = 2 ** 35 + 7;
    assert.equal(
      formatTilePath({ level: 0, index: huge, width: 256 }),
      'tile/0/x034/x359/x738/375',
    );
  });

  it('refuses a level outside 0..63, a width outside 1..256 or a bad index', () => {
    const good: TileId = { level: 0, index: 0, width: 1 };
    for (const level of [-1, 64, 1.5, Number.NaN]) {
      assert.throws(() => formatTilePath({ ...good, level }), isInvalidArgument);
    }
    for (const width of [0, 257, 2.5]) {
      assert.throws(() => formatTilePath({ ...good, width }), isInvalidArgument);
      assert.throws(() => formatEntryBundlePath({ index: 0, width }), isInvalidArgument);
    }
    for (const index of [-1, 2 ** 53, 0.5]) {
      assert.throws(() => formatTilePath({ ...good, index }), isInvalidArgument);
    }
  });
});

describe('parseTilePath', () => {
  it('accepts the canonical spellings', () => {
    assert.deepEqual(parseTilePath('tile/63/x009/x007/x199/x254/x740/991.p/255'), {
      kind: 'tile',
      level: 63,
      index: Number.MAX_SAFE_INTEGER,
      width: 255,
    });
    assert.deepEqual(parseTilePath('tile/entries/x001/000'), {
      kind: 'entries',
      index: 1000,
      width: 256,
    });
  });

  const rejected = [
    ['', 'the empty string'],
    ['/tile/0/000', 'a leading slash'],
    ['tile/0/000/', 'a trailing slash'],
    ['tile/0/000.p/5/', 'a slash after the width'],
    ['tile/0/000 ', 'trailing space'],
    ['tile/0/000\n', 'a trailing newline'],
    ['TILE/0/000', 'upper case'],
    ['tile/0/1', 'an index group shorter than 3 digits'],
    ['tile/0/0001', 'an index group longer than 3 digits'],
    ['tile/0/x001', 'an x on the last group'],
    ['tile/0/001/234', 'a non-final group without x'],
    ['tile/0/x000/001', 'an all-zero leading group'],
    ['tile/0/X001/234', 'an upper-case X'],
    ['tile/01/000', 'a level with a leading zero'],
    ['tile/64/000', 'level 64'],
    ['tile/-1/000', 'a negative level'],
    ['tile/data/000', 'the sumdb name for entries'],
    ['tile/0/000.p/0', 'width 0'],
    ['tile/0/000.p/256', 'a full tile written as partial'],
    ['tile/entries/000.p/256', 'a full bundle written as partial'],
    ['tile/0/000.p/05', 'a width with a leading zero'],
    ['tile/0/000.p/1000', 'a four-digit width'],
    ['tile/0/000.p/', 'an empty width'],
    ['tile/0/000.p', 'a .p without a width'],
    ['tile/0/x009/x007/x199/x254/x740/993', 'an index past 2^53'],
    ['tile/0/x999/x999/x999/x999/x999/x999/999', 'seven index groups'],
    ['tile/0/٠٠٠', 'non-ASCII digits'],
    ['tile/8/000/../000', 'a dot-dot segment'],
  ] as const;

  for (const [path, what] of rejected) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseTilePath(path), isMalformedPath);
    });
  }

  const tileId = fc.record({
    level: fc.integer({ min: 0, max: 63 }),
    index: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.maxSafeNat()),
    width: fc.integer({ min: 1, max: 256 }),
  });

  it('round-trips every tile and bundle path it formats', () => {
    fc.assert(
      fc.property(tileId, (tile) => {
        assert.deepEqual(parseTilePath(formatTilePath(tile)), { kind: 'tile', ...tile });
        const bundle = { index: tile.index, width: tile.width };
        assert.deepEqual(parseTilePath(formatEntryBundlePath(bundle)), {
          kind: 'entries',
          ...bundle,
        });
      }),
    );
  });

  // Mutations of valid paths: insert, delete or replace one character.
  const mutatedPath = fc
    .tuple(
      tileId,
      fc.boolean(),
      fc.nat(),
      fc.constantFrom('', '0', '1', '9', 'x', '/', '.', 'p', '-', 'e', '\u0660', ' ', '\n'),
    )
    .map(([tile, isBundle, at, char]) => {
      const path = isBundle ? formatEntryBundlePath(tile) : formatTilePath(tile);
      const i = at % (path.length + 1);
      const cut = at % 3;
      return path.slice(0, i) + char + path.slice(i + cut);
    });

  it('throws nothing but MALFORMED_TILE_PATH on mutated and random strings', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedPath, fc.string(), fc.string({ unit: 'binary' })), (path) => {
        let parsed: ParsedTilePath;
        try {
          parsed = parseTilePath(path);
        } catch (error) {
          assert.ok(isMalformedPath(error), String(error));
          return;
        }
        // Whatever is accepted is canonical.
        const again =
          parsed.kind === 'tile' ? formatTilePath(parsed) : formatEntryBundlePath(parsed);
        assert.equal(again, path);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tile geometry', () => {
  it('gives the width of a tile as the count of complete blocks it holds', () => {
    assert.equal(tileWidthAt(0, 0, 0), 0);
    assert.equal(tileWidthAt(0, 0, 1), 1);
    assert.equal(tileWidthAt(0, 0, 256), 256);
    assert.equal(tileWidthAt(0, 1, 256), 0);
    assert.equal(tileWidthAt(1, 0, 255), 0);
    assert.equal(tileWidthAt(1, 0, 256), 1);
    assert.equal(tileWidthAt(0, 2 ** 46, Number.MAX_SAFE_INTEGER), 0);
    assert.equal(tileWidthAt(63, 0, Number.MAX_SAFE_INTEGER), 0);
    assert.equal(tilesForSize(0, 0), 0);
    assert.equal(tilesForSize(6, Number.MAX_SAFE_INTEGER), 1);
    assert.equal(tilesForSize(7, Number.MAX_SAFE_INTEGER), 0);
  });

  it('agrees with counting blocks one by one for small trees', () => {
    for (let size = 0; size <= 70000; size += size < 600 ? 1 : 997) {
      for (let level = 0; level <= 2; level++) {
        const blocks = Math.floor(size / 256 ** level);
        assert.equal(tilesForSize(level, size), Math.ceil(blocks / 256));
        for (let index = 0; index <= tilesForSize(level, size); index++) {
          let width = 0;
          for (let j = 0; j < 256; j++) if (index * 256 + j < blocks) width++;
          assert.equal(tileWidthAt(level, index, size), width);
        }
      }
    }
  });

  it('agrees with a BigInt reference for sizes up to 2^53', () => {
    const sizeLevelIndex = fc
      .tuple(fc.maxSafeNat(), fc.integer({ min: 0, max: 63 }), fc.nat())
      .map(([size, level, pick]) => {
        const tiles = Math.max(1, tilesForSize(level, size));
        return { size, level, index: pick % (tiles + 1) };
      });
    fc.assert(
      fc.property(sizeLevelIndex, ({ size, level, index }) => {
        const blocks = BigInt(size) >> BigInt(8 * level);
        const start = BigInt(index) << 8n;
        const width = blocks <= start ? 0n : blocks - start > 256n ? 256n : blocks - start;
        assert.equal(tileWidthAt(level, index, size), Number(width));
        assert.equal(tilesForSize(level, size), Number((blocks + 255n) >> 8n));
      }),
    );
    assert.equal(tileWidthAt(0, 2 ** 45 - 1, 2 ** 53 - 1), 255);
    assert.equal(tileWidthAt(2, 2 ** 30 + 7, 2 ** 40 + 12345), 0);
    assert.equal(tileWidthAt(1, 2 ** 24, 2 ** 40 + 12345), 48);
  });

  it('refuses bad levels, indexes and sizes', () => {
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 53]) {
      assert.throws(() => tileWidthAt(0, bad, 10), isInvalidArgument);
      assert.throws(() => tileWidthAt(0, 0, bad), isInvalidArgument);
      assert.throws(() => tilesForSize(0, bad), isInvalidArgument);
      assert.throws(() => tileOfNode(bad, 0), isInvalidArgument);
      assert.throws(() => tileOfNode(0, bad), isInvalidArgument);
    }
    assert.throws(() => tileWidthAt(64, 0, 10), isInvalidArgument);
    assert.throws(() => tilesForSize(-1, 10), isInvalidArgument);
  });

  it('places a node in its tile', () => {
    assert.deepEqual(tileOfNode(0, 1234567), {
      tile: { level: 0, index: 4822 },
      subLevel: 0,
      first: 135,
      count: 1,
    });
    assert.deepEqual(tileOfNode(9, 3), {
      tile: { level: 1, index: 0 },
      subLevel: 1,
      first: 6,
      count: 2,
    });
    assert.deepEqual(tileOfNode(8, 300), {
      tile: { level: 1, index: 1 },
      subLevel: 0,
      first: 44,
      count: 1,
    });
    assert.deepEqual(tileOfNode(15, 1), {
      tile: { level: 1, index: 0 },
      subLevel: 7,
      first: 128,
      count: 128,
    });
    assert.deepEqual(tileOfNode(15, 2), {
      tile: { level: 1, index: 1 },
      subLevel: 7,
      first: 0,
      count: 128,
    });
    assert.deepEqual(tileOfNode(52, 0), {
      tile: { level: 6, index: 0 },
      subLevel: 4,
      first: 0,
      count: 16,
    });
  });

  it('places huge nodes where a BigInt reference does', () => {
    const node = fc
      .tuple(fc.integer({ min: 0, max: 52 }), fc.maxSafeNat())
      .map(([level, pick]) => ({ level, index: pick % Math.floor(2 ** 53 / 2 ** level) }))
      .filter(({ level, index }) => (index + 1) * 2 ** level <= Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(node, ({ level, index }) => {
        const sub = BigInt(level % TILE_HEIGHT);
        const position = BigInt(index) << sub;
        assert.deepEqual(tileOfNode(level, index), {
          tile: { level: Math.floor(level / 8), index: Number(position >> 8n) },
          subLevel: Number(sub),
          first: Number(position & 255n),
          count: Number(1n << sub),
        });
      }),
    );
  });

  it('refuses a node that no tree of at most 2^53 - 1 leaves has', () => {
    assert.throws(() => tileOfNode(53, 0), isInvalidArgument);
    assert.throws(() => tileOfNode(0, Number.MAX_SAFE_INTEGER), isInvalidArgument);
    assert.throws(() => tileOfNode(1000, 0), isInvalidArgument);
    assert.doesNotThrow(() => tileOfNode(0, Number.MAX_SAFE_INTEGER - 1));
  });
});

describe('entry bundles', () => {
  it('prefixes each entry with its big-endian uint16 length', () => {
    const bundle = encodeEntryBundle([utf8('hi'), new Uint8Array(0), new Uint8Array(0x1234)]);
    assert.deepEqual(bundle.slice(0, 6), new Uint8Array([0, 2, 104, 105, 0, 0]));
    assert.deepEqual(bundle.slice(6, 8), new Uint8Array([0x12, 0x34]));
    assert.equal(bundle.length, 8 + 0x1234);
  });

  it('round-trips 1 to 256 entries of up to 65535 bytes', () => {
    const entries = fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 256 });
    fc.assert(
      fc.property(entries, (list) => {
        assert.deepEqual(decodeEntryBundle(encodeEntryBundle(list)), list);
      }),
      { numRuns: 50 },
    );
    const largest = new Uint8Array(65535).fill(7);
    assert.deepEqual(decodeEntryBundle(encodeEntryBundle([largest])), [largest]);
  });

  it('refuses to encode an entry over 65535 bytes, no entries or more than 256', () => {
    assert.throws(() => encodeEntryBundle([new Uint8Array(65536)]), isInvalidArgument);
    assert.throws(() => encodeEntryBundle([]), isInvalidArgument);
    const many = Array.from({ length: 257 }, () => new Uint8Array(1));
    assert.throws(() => encodeEntryBundle(many), isInvalidArgument);
  });

  const isMalformedBundle = code('MALFORMED_BUNDLE');

  it('rejects a truncated length, a truncated entry, no entries or more than 256', () => {
    assert.throws(() => decodeEntryBundle(new Uint8Array([0])), isMalformedBundle);
    assert.throws(() => decodeEntryBundle(new Uint8Array([0, 2, 104])), isMalformedBundle);
    assert.throws(() => decodeEntryBundle(new Uint8Array([0, 0, 0])), isMalformedBundle);
    assert.throws(() => decodeEntryBundle(new Uint8Array(0)), isMalformedBundle);
    assert.throws(() => decodeEntryBundle(new Uint8Array(2 * 257)), isMalformedBundle);
    assert.equal(decodeEntryBundle(new Uint8Array(2 * 256)).length, 256);
  });

  it('decodes a bundle that is a view into a larger buffer', () => {
    const buffer = new Uint8Array([9, 9, 9, 0, 1, 42, 9]);
    assert.deepEqual(decodeEntryBundle(buffer.subarray(3, 6)), [new Uint8Array([42])]);
  });

  it('returns entries that do not share memory with the input', () => {
    const bytes = encodeEntryBundle([utf8('abc')]);
    const [entry] = decodeEntryBundle(bytes);
    bytes.fill(0);
    assert.deepEqual(entry, utf8('abc'));
  });
});

describe('splitTileHashes', () => {
  it('splits a tile into its 32-byte hashes', () => {
    const tile = Uint8Array.from({ length: 3 * 32 }, (_, i) => i);
    const hashes = splitTileHashes(tile);
    assert.equal(hashes.length, 3);
    assert.deepEqual(hashes[2], tile.slice(64, 96));
    assert.equal(splitTileHashes(new Uint8Array(8192)).length, 256);
  });

  it('rejects a tile that is empty, too wide or not whole hashes', () => {
    const isMalformedTile = code('MALFORMED_TILE');
    for (const length of [0, 31, 33, 8192 + 32, 8191]) {
      assert.throws(() => splitTileHashes(new Uint8Array(length)), isMalformedTile);
    }
  });
});
