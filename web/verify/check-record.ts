// The record half of the verify page: is record `index` in the tree the verified checkpoint
// signs? Its entry comes from the entry bundle (C2SP tlog-tiles "Log entries") and is hashed
// here (RFC 6962 leaf hash); the audit path is built from the tiles that hold its nodes and
// checked against the signed root (RFC 9162 §2.1.3.2). Neither the entry nor the tiles are
// trusted: a wrong byte anywhere makes the computed root differ.
import { toHex } from '../../src/ledger/bytes.ts';
import type { Checkpoint } from '../../src/ledger/checkpoint.ts';
import { HASH_SIZE, hashLeaf } from '../../src/ledger/hash.ts';
import { inclusionProofNodes, proveInclusion } from '../../src/ledger/merkle-prove.ts';
import { verifyInclusion } from '../../src/ledger/merkle-verify.ts';
import { TileNodeReader, tilesForNodes } from '../../src/ledger/tile-node-reader.ts';
import {
  TILE_WIDTH,
  decodeEntryBundle,
  formatEntryBundlePath,
  formatTilePath,
  tileWidthAt,
} from '../../src/ledger/tiles.ts';
import type { TileId } from '../../src/ledger/tiles.ts';
import type { LogFetch } from './fetch-log.ts';
import { detailOf } from './finding.ts';
import type { Finding } from './finding.ts';

async function readResource(read: LogFetch, path: string): Promise<Uint8Array> {
  const bytes = await read(`/log/${path}`);
  if (bytes === undefined) throw new Error(`the server has no ${path}`);
  return bytes;
}

/** The bytes of entry `index` from its entry bundle as it is in the tree of `size`. */
async function readEntry(read: LogFetch, index: number, size: number): Promise<Uint8Array> {
  const bundle = { index: Math.floor(index / TILE_WIDTH), width: 0 };
  bundle.width = tileWidthAt(0, bundle.index, size);
  const path = formatEntryBundlePath(bundle);
  const entries = decodeEntryBundle(await readResource(read, path));
  const entry = entries[index % TILE_WIDTH];
  if (entries.length !== bundle.width || entry === undefined) {
    throw new Error(`${path} holds ${entries.length} entries, not ${bundle.width}`);
  }
  return entry;
}

async function readTiles(
  read: LogFetch,
  tiles: readonly TileId[],
): Promise<Map<string, Uint8Array>> {
  const byPath = new Map<string, Uint8Array>();
  for (const tile of tiles) {
    const path = formatTilePath(tile);
    const data = await readResource(read, path);
    if (data.length !== tile.width * HASH_SIZE) {
      throw new Error(`${path} is ${data.length} bytes, not ${tile.width * HASH_SIZE}`);
    }
    byPath.set(path, data);
  }
  return byPath;
}

async function proveRecord(
  read: LogFetch,
  index: number,
  checkpoint: Checkpoint,
): Promise<Uint8Array[]> {
  const { size } = checkpoint;
  const nodes = inclusionProofNodes(index, size);
  const tiles = await readTiles(read, tilesForNodes(nodes, size));
  const reader = new TileNodeReader({
    size,
    source: {
      readTile: (level, tileIndex, width) => {
        const data = tiles.get(formatTilePath({ level, index: tileIndex, width }));
        if (data === undefined) throw new Error(`tile ${level}/${tileIndex} was not fetched`);
        return data;
      },
    },
  });
  return proveInclusion(reader, index, size);
}

/**
 * Checks that record `index` is in the tree of the verified `checkpoint`, reading the entry
 * bundle and tiles with `read`. Never throws: every failure is a finding.
 *
 * @example const findings = await checkRecord(fetchFromOrigin, 41, checkpoint)
 */
export async function checkRecord(
  read: LogFetch,
  index: number,
  checkpoint: Checkpoint,
): Promise<Finding[]> {
  const { size } = checkpoint;
  if (size === 0) return [{ check: 'record', status: 'fail', key: 'recordEmpty' }];
  if (index >= size) {
    return [
      { check: 'record', status: 'fail', key: 'recordBeyond', params: { index, last: size - 1 } },
    ];
  }
  try {
    const entry = await readEntry(read, index, size);
    const leafHash = hashLeaf(entry);
    const proof = await proveRecord(read, index, checkpoint);
    verifyInclusion({ index, size, leafHash, proof, root: checkpoint.rootHash });
    return [
      { check: 'record', status: 'ok', key: 'recordOk', params: { index, size } },
      {
        check: 'record',
        status: 'info',
        key: 'recordLeaf',
        params: { index, bytes: entry.length, hash: toHex(leafHash) },
      },
    ];
  } catch (error) {
    return [
      {
        check: 'record',
        status: 'fail',
        key: 'recordBad',
        params: { index, detail: detailOf(error) },
      },
    ];
  }
}
