import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatCheckpointText } from '../../src/ledger/checkpoint.ts';
import type { SignerKey } from '../../src/ledger/note-keys.ts';
import { signNote } from '../../src/ledger/signed-note.ts';
import { TileIntegrator } from '../../src/ledger/tile-integrator.ts';
import { formatEntryBundlePath, formatTilePath, TILE_WIDTH } from '../../src/ledger/tiles.ts';

function put(root: string, path: string, data: Uint8Array | string): void {
  const file = join(root, ...path.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/**
 * Writes a complete static tlog-tiles log of `entries` into `dir`, its checkpoint signed by
 * `signer`, with the ledger's own code: any log a hostile or forked operator could publish.
 */
export function writeStaticLog(dir: string, signer: SignerKey, entries: readonly Uint8Array[]) {
  const integration = new TileIntegrator().integrate(entries);
  for (const tile of integration.tiles) {
    const width = tile.data.length / 32;
    put(dir, formatTilePath({ level: tile.level, index: tile.index, width }), tile.data);
  }
  for (const bundle of integration.bundles) {
    const width = Math.min(TILE_WIDTH, entries.length - bundle.index * TILE_WIDTH);
    put(dir, formatEntryBundlePath({ index: bundle.index, width }), bundle.data);
  }
  const text = formatCheckpointText({
    origin: signer.name,
    size: entries.length,
    rootHash: integration.root,
    extensions: [],
  });
  put(dir, 'checkpoint', signNote(text, [signer]));
}
