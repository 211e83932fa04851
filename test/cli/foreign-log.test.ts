// `vigil verify log` must audit any conforming tlog-tiles log, not only Vigil's: here a log
// whose entries are arbitrary bytes (empty, binary, maximal 65,535-byte entries), with another
// origin, laid out as plain static files the way any tlog-tiles server would serve them.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { formatCheckpointText } from '../../src/ledger/checkpoint.ts';
import { generateSignerKey, parseSignerKey } from '../../src/ledger/note-keys.ts';
import { signNote } from '../../src/ledger/signed-note.ts';
import { TileIntegrator } from '../../src/ledger/tile-integrator.ts';
import { formatEntryBundlePath, formatTilePath } from '../../src/ledger/tiles.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

function put(root: string, path: string, data: Uint8Array | string): void {
  const file = join(root, ...path.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

function foreignEntry(i: number): Uint8Array {
  if (i % 97 === 0) return new Uint8Array(0);
  if (i === 300) return new Uint8Array(65_535).fill(0xa5);
  return crypto.getRandomValues(new Uint8Array(1 + (i % 40)));
}

describe('verify log on a log that Vigil did not write', () => {
  it('audits arbitrary binary entries under another origin, and catches one altered byte', async () => {
    const root = tempDir();
    const keys = generateSignerKey('transparency.example.org/other-log');
    const signer = parseSignerKey(keys.signerKey);
    const integrator = new TileIntegrator();
    const size = 256 * 3 + 17;
    const integration = integrator.integrate(
      Array.from({ length: size }, (_, i) => foreignEntry(i)),
    );
    for (const tile of integration.tiles) {
      put(
        root,
        formatTilePath({ level: tile.level, index: tile.index, width: tile.data.length / 32 }),
        tile.data,
      );
    }
    for (const bundle of integration.bundles) {
      const width = bundle.index < Math.floor(size / 256) ? 256 : size % 256;
      put(root, formatEntryBundlePath({ index: bundle.index, width }), bundle.data);
    }
    const text = formatCheckpointText({
      origin: signer.name,
      size,
      rootHash: integration.root,
      extensions: [],
    });
    put(root, 'checkpoint', signNote(text, [signer]));

    const ok = await runVigil(['verify', 'log', root, '--key', keys.verifierKey, '--full']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /re-hashed all 785 entries/);

    const bundle = join(root, 'tile', 'entries', '001');
    const bytes = readFileSync(bundle);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    writeFileSync(bundle, bytes);
    const bad = await runVigil(['verify', 'log', root, '--key', keys.verifierKey, '--full']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /FAILED tile tile\/0\/001/);
  });
});
