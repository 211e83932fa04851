// Builds a large log quickly for the read-side benchmarks: the same integrator, signer and
// store commit as the sequencer, but in batches of 64k entries with no one waiting on them.
import { formatCheckpointText } from '../src/ledger/checkpoint.ts';
import type { SignerKey } from '../src/ledger/note-keys.ts';
import { signNote } from '../src/ledger/signed-note.ts';
import { TileIntegrator } from '../src/ledger/tile-integrator.ts';
import { SqliteLogStore } from '../src/log/log-store.sqlite.ts';

/** A small distinct entry per index (an 8-byte big-endian counter plus a tag). */
export function syntheticEntry(i: number): Uint8Array {
  const entry = new Uint8Array(16);
  new DataView(entry.buffer).setFloat64(0, i);
  entry.set([0x76, 0x69, 0x67, 0x69, 0x6c, 0x21, 0x21, 0x21], 8);
  return entry;
}

/** Writes a log of `size` entries to `path`; returns the time it took in ms. */
export async function buildLog(path: string, size: number, signer: SignerKey): Promise<number> {
  const store = new SqliteLogStore(path);
  const integrator = new TileIntegrator();
  const start = performance.now();
  const batch = 65_536;
  for (let first = 0; first < size; first += batch) {
    const entries: Uint8Array[] = [];
    for (let i = first; i < Math.min(size, first + batch); i++) entries.push(syntheticEntry(i));
    const integration = integrator.integrate(entries);
    const text = formatCheckpointText({
      origin: signer.name,
      size: integration.size,
      rootHash: integration.root,
      extensions: [],
    });
    await store.commitBatch({
      tiles: integration.tiles,
      bundles: integration.bundles,
      checkpoint: { size: integration.size, note: signNote(text, [signer]) },
    });
  }
  await store.close();
  return performance.now() - start;
}
