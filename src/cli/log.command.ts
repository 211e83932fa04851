import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import { formatEntryBundlePath, formatTilePath, TILE_WIDTH } from '../ledger/tiles.ts';
import { LogReader } from '../log/log-reader.ts';
import { readLogSigner } from '../log/log-signer.file.ts';
import { openLogStore } from '../log/open-log-store.ts';
import { UsageError } from './cli-error.ts';
import { registerLogMirror } from './log-mirror.command.ts';

function readVerifierKey(dataDir: string): string {
  try {
    return verifierKeyOf(readLogSigner(dataDir)).text;
  } catch (error) {
    throw new UsageError(`no readable log key in ${dataDir}`, { cause: error });
  }
}

async function put(out: string, path: string, data: Uint8Array | string): Promise<void> {
  const file = join(out, ...path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}

/**
 * Writes the log (DATA/log.sqlite, or PostgreSQL when VIGIL_DATABASE_URL is set, as for the
 * server) as static tlog-tiles files (checkpoint, every full tile and bundle, and the
 * partial ones of the latest checkpoint), for any static host or for an offline audit.
 */
async function exportLog(dataDir: string, out: string): Promise<number> {
  const store = await openLogStore({ dataDir, url: process.env['VIGIL_DATABASE_URL'] });
  try {
    const latest = await store.latestCheckpoint();
    if (latest === undefined) throw new UsageError(`no log in ${dataDir}`);
    const reader = new LogReader(store);
    const size = latest.size;
    for (let level = 0; TILE_WIDTH ** level <= size; level++) {
      const count = Math.floor(size / TILE_WIDTH ** level);
      for (let index = 0; index * TILE_WIDTH < count; index++) {
        const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
        const tile = await reader.readTile(level, index, width);
        if (tile !== undefined) await put(out, formatTilePath({ level, index, width }), tile);
      }
    }
    for (let index = 0; index * TILE_WIDTH < size; index++) {
      const width = Math.min(TILE_WIDTH, size - index * TILE_WIDTH);
      const bundle = await reader.readBundle(index, width);
      if (bundle !== undefined) await put(out, formatEntryBundlePath({ index, width }), bundle);
    }
    await put(out, 'checkpoint', latest.note);
    return size;
  } finally {
    await store.close();
  }
}

/** `vigil log vkey`, `vigil log export` and `vigil log mirror`. */
export function registerLog(program: Command): void {
  const log = program.command('log').description('the transparency log of a data directory');
  log
    .command('vkey')
    .description("print the log's verifier key")
    .option('--data <dir>', 'data directory', 'data')
    .action((options: { data: string }) => {
      process.stdout.write(`${readVerifierKey(options.data)}\n`);
    });
  log
    .command('export')
    .description('write the log as static tlog-tiles files')
    .option('--data <dir>', 'data directory', 'data')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (options: { data: string; out: string }) => {
      const size = await exportLog(options.data, options.out);
      process.stdout.write(`exported ${size} entries to ${options.out}\n`);
    });
  registerLogMirror(log);
}
