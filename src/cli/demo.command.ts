import type { Command } from 'commander';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import { readLogSigner } from '../log/log-signer.file.ts';
import { buildDemo, DemoRefusedError } from '../demo/load/build-demo.ts';
import { readDemoCredentials } from '../demo/load/demo-accounts.ts';
import { inspectDataDir } from '../demo/load/demo-marker.ts';
import type { DemoMarker } from '../demo/load/demo-marker.ts';
import { demoSummary } from '../demo/load/demo-summary.ts';
import { progressOn } from '../demo/load/progress-bar.ts';
import { UsageError } from './cli-error.ts';
import { parsePort } from './parse-options.ts';

interface DemoOptions {
  data: string;
  scale: string;
  seed: string;
  serve?: boolean;
  port: string;
  host: string;
}

/** The data directory `npm start` uses (git-ignored by the `.vigil-*` pattern). */
export const DEFAULT_DEMO_DIR = '.vigil-demo';

function parseScale(text: string): number {
  const scale = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(scale > 0 && scale <= 100)) {
    throw new UsageError(`--scale ${text} is not a number in (0, 100]`);
  }
  return scale;
}

function parseSeed(text: string): number | string {
  if (text.length === 0 || text.length > 100) throw new UsageError('--seed is 1 to 100 characters');
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

// A directory holding anything but this demo is never written to; an existing build of this
// demo is reused.
function reusableDemo(
  dataDir: string,
  seed: number | string,
  scale: number,
): DemoMarker | undefined {
  const state = inspectDataDir(dataDir);
  if (state.kind === 'empty') return undefined;
  if (state.kind === 'other') {
    throw new DemoRefusedError(
      `${dataDir}: ${state.reason}; the demo never writes into other data (give another --data)`,
    );
  }
  const { marker } = state;
  if (marker.state !== 'complete') {
    throw new DemoRefusedError(
      `${dataDir} holds an interrupted demo build: delete the directory and run again`,
    );
  }
  if (marker.seed !== String(seed) || marker.scale !== scale) {
    throw new DemoRefusedError(
      `${dataDir} holds the demo of seed ${marker.seed} at scale ${String(marker.scale)}: ` +
        'delete it or give another --data',
    );
  }
  return marker;
}

async function prepareDemo(options: DemoOptions): Promise<void> {
  const seed = parseSeed(options.seed);
  const scale = parseScale(options.scale);
  const existing = reusableDemo(options.data, seed, scale);
  if (existing !== undefined) {
    const verifierKey = verifierKeyOf(readLogSigner(options.data)).text;
    const credentials = readDemoCredentials(options.data);
    process.stdout.write(
      demoSummary({
        dataDir: options.data,
        marker: existing,
        credentials,
        verifierKey,
        rebuilt: false,
      }),
    );
    return;
  }
  const progress = progressOn(process.stderr);
  try {
    const built = await buildDemo({ dataDir: options.data, seed, scale, progress });
    progress.finish();
    process.stdout.write(demoSummary({ dataDir: options.data, ...built, rebuilt: true }));
  } catch (error) {
    progress.finish();
    throw error;
  }
}

/** `vigil demo`: builds the synthetic demo (once), prints its accounts, and can serve it. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build the SYNTHETIC demo scenario, print its accounts, and optionally serve it')
    .option('--data <dir>', 'data directory of the demo', DEFAULT_DEMO_DIR)
    .option('--scale <n>', 'scenario size: 1 is about 120,000 people', '1')
    .option('--seed <seed>', 'scenario seed (same seed and scale, same scenario)', '2023')
    .option('--serve', 'serve the demo afterwards, as `vigil serve` does')
    .option('--port <n>', 'TCP port (with --serve)', '8080')
    .option('--host <address>', 'address to listen on (with --serve)', '127.0.0.1')
    .action(async (options: DemoOptions) => {
      const port = parsePort(options.port);
      await prepareDemo(options);
      if (options.serve !== true) return;
      const serve = program.commands.find((command) => command.name() === 'serve');
      if (serve === undefined) throw new UsageError('this vigil has no serve command');
      await serve.parseAsync(
        ['--data', options.data, '--port', String(port), '--host', options.host],
        { from: 'user' },
      );
    });
}
