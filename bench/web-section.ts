// Issue 5's figures: the gzipped size of each web page's scripts (what the first visit loads,
// and the chunks loaded later), and Lighthouse 12.2.3's performance and accessibility scores of
// the public dashboard and the resident portal, run on Debian's Chromium (never a downloaded
// browser) against a demo served by `vigil serve` on loopback. Lighthouse's default mobile
// settings: a simulated slow 4G and a 4× CPU slowdown, so a score compares the pages, not hosts.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServerProcess } from '../test/support/serve-process.ts';
import { percentile } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/vigil.ts');
const LIGHTHOUSE = join(ROOT, 'node_modules/lighthouse/cli/index.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');
const PAGES = ['site', 'portal', 'console', 'verify'] as const;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Gzipped bytes of a page's scripts: those its index.html loads, and the rest (lazy chunks). */
export function pageScriptSizes(page: string): { first: number; later: number; css: number } {
  const dir = join(ROOT, 'dist/web', page);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = readdirSync(join(dir, 'assets'));
  let first = 0;
  let later = 0;
  let css = 0;
  for (const name of assets) {
    const size = gzipSync(readFileSync(join(dir, 'assets', name)), { level: 9 }).length;
    if (name.endsWith('.css')) css += size;
    else if (!name.endsWith('.js')) continue;
    else if (html.includes(`assets/${name}`)) first += size;
    else later += size;
  }
  return { first, later, css };
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
}

async function lighthouse(url: string): Promise<LighthouseScores> {
  const args = [
    LIGHTHOUSE,
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance,accessibility',
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`lighthouse ${url} exited ${String(code)}: ${err.slice(-2000)}`);
  const report = JSON.parse(out) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round((report.categories['performance']?.score ?? 0) * 100),
    accessibility: Math.round((report.categories['accessibility']?.score ?? 0) * 100),
    fcp: report.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: report.audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

/** Median of each figure over `runs` Lighthouse runs of `url` (its scores vary run to run). */
async function medianLighthouse(url: string, runs: number): Promise<LighthouseScores> {
  const all: LighthouseScores[] = [];
  for (let run = 0; run < runs; run++) all.push(await lighthouse(url));
  const median = (key: keyof LighthouseScores) =>
    percentile(
      all.map((scores) => scores[key]),
      50,
    );
  return {
    performance: median('performance'),
    accessibility: median('accessibility'),
    fcp: median('fcp'),
    lcp: median('lcp'),
    tbt: median('tbt'),
  };
}

/** Prints the web section: bundle sizes, then Lighthouse on the dashboard and the portal. */
export async function webSection(options: {
  dir: string;
  quick: boolean;
  say: (line: string) => void;
}): Promise<void> {
  const { dir, quick, say } = options;
  const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
  say('| page | scripts loaded first (gzip) | scripts loaded later (gzip) | CSS (gzip) |');
  say('|---|---|---|---|');
  for (const page of PAGES) {
    const sizes = pageScriptSizes(page);
    say(`| ${page} | ${kb(sizes.first)} KB | ${kb(sizes.later)} KB | ${kb(sizes.css)} KB |`);
  }
  say('');

  const dataDir = join(dir, 'web-demo');
  const scale = quick ? '0.1' : '1';
  const demo = spawnSync(process.execPath, [BIN, 'demo', '--data', dataDir, '--scale', scale], {
    encoding: 'utf8',
  });
  if (demo.status !== 0) throw new Error(`vigil demo failed: ${demo.stderr}`);
  const server = await startServerProcess(dataDir);
  try {
    const runs = quick ? 1 : 3;
    say(
      `Lighthouse 12.2.3, mobile defaults, median of ${String(runs)} runs, demo at scale ${scale}:`,
    );
    say('');
    say('| page | performance | accessibility | FCP | LCP | TBT |');
    say('|---|---|---|---|---|---|');
    for (const path of ['/', '/portal']) {
      const s = await medianLighthouse(`${server.url}${path}`, runs);
      say(
        `| ${path} | ${String(s.performance)} | ${String(s.accessibility)} | ${String(Math.round(s.fcp))} ms | ${String(Math.round(s.lcp))} ms | ${String(Math.round(s.tbt))} ms |`,
      );
    }
    say('');
  } finally {
    await server.stop();
  }
}
