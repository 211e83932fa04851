// The public read path of the log, two ways: Vigil's own /log/ routes (`vigil serve`), and a
// `vigil log mirror` directory served by a plain static server. Both run in their own process;
// autocannon on loopback fetches the checkpoint and random full tiles and entry bundles.
// `npm run bench -- --only reads` runs it at 1M and 10M entries (bench/reads-section.ts); alone:
//   node -e "import('./bench/public-reads.ts').then((m) => m.benchPublicReads({ size: 1e6 }))"
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { formatSignerKey, generateSignerKey, parseSignerKey } from '../src/ledger/note-keys.ts';
import { verifierKeyOf } from '../src/ledger/note-keys.ts';
import { formatEntryBundlePath, formatTilePath, TILE_WIDTH } from '../src/ledger/tiles.ts';
import { LOG_KEY_FILE } from '../src/log/log-signer.file.ts';
import { serve, vigil } from './audit.ts';
import { buildLog } from './build-log.ts';

const STATIC_SERVER = fileURLToPath(new URL('./static-server.ts', import.meta.url));

/** Requests per second and latency of one run. */
export interface ReadFigures {
  rate: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

// One request in ten asks for the checkpoint (a client polling for news); the rest fetch a
// random full level-0 tile or entry bundle (a monitor or an auditor catching up).
function randomPath(size: number): string {
  const full = Math.floor(size / TILE_WIDTH);
  const roll = Math.random();
  if (roll < 0.1 || full === 0) return 'checkpoint';
  const index = Math.floor(Math.random() * full);
  return roll < 0.55
    ? formatTilePath({ level: 0, index, width: TILE_WIDTH })
    : formatEntryBundlePath({ index, width: TILE_WIDTH });
}

async function hammer(
  base: string,
  size: number,
  options: { connections: number; seconds: number },
) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const result = await autocannon({
    url: prefix,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'accept-encoding': 'gzip, identity' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: `${new URL(prefix).pathname}${randomPath(size)}`,
        }),
      },
    ],
  });
  return {
    rate: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function startStatic(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [STATIC_SERVER, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`static server exited ${String(code)}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** Options of {@link benchPublicReads}. */
export interface PublicReadOptions {
  /** Entries in the synthetic log. */
  size: number;
  connections?: number;
  seconds?: number;
}

/**
 * Builds a synthetic log of `size` entries, mirrors it with `vigil log mirror --data`, then
 * measures both read paths in turn and prints a Markdown table. Returns the figures.
 */
export async function benchPublicReads(options: PublicReadOptions) {
  const { size } = options;
  const load = { connections: options.connections ?? 50, seconds: options.seconds ?? 10 };
  const dir = mkdtempSync(join(tmpdir(), 'vigil-public-reads-'));
  try {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const signer = parseSignerKey(generateSignerKey('bench.example/log').signerKey);
    writeFileSync(join(dataDir, LOG_KEY_FILE), `${formatSignerKey(signer)}\n`, { mode: 0o600 });
    await buildLog(join(dataDir, 'log.sqlite'), size, signer);
    const mirror = join(dir, 'mirror');
    const key = verifierKeyOf(signer).text;
    await vigil(['log', 'mirror', '--data', dataDir, '--to', mirror, '--key', key]);
    const server = await serve(dataDir);
    const fromVigil = await hammer(`${server.url}/log/`, size, load).finally(() => server.stop());
    const staticServer = await startStatic(mirror);
    const fromMirror = await hammer(staticServer.url, size, load).finally(() =>
      staticServer.stop(),
    );
    const row = (name: string, r: ReadFigures) =>
      `| ${name} | ${Math.round(r.rate).toLocaleString('en-US')} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx + r.errors} |`;
    process.stdout.write(
      [
        `Public reads of a ${size.toLocaleString('en-US')}-entry log, ${load.connections} connections, ${load.seconds} s each:`,
        '| served by | requests/s | p50 | p99 | non-2xx + errors |',
        '|---|---|---|---|---|',
        row('Vigil /log/ routes (`vigil serve`)', fromVigil),
        row('`vigil log mirror` directory, static node:http server', fromMirror),
        '',
      ].join('\n'),
    );
    return { vigil: fromVigil, mirror: fromMirror };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
