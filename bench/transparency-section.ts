// Issue 6's timings on the demo data: drafting the daily reports of the demo's exodus week and
// its weekly report, then a release of every open dataset and its CSV export — each through
// the HTTP routes (in process, app.inject) of a Vigil opened on a freshly built demo, with the
// raw SQLite insert ceiling of the same run beside them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDemoCredentials } from '../src/demo/load/demo-accounts.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/route-policy.ts';
import { openVigil } from '../src/server/open-vigil.ts';
import { draftFigures } from '../src/transparency/bulletins/bulletin-draft.ts';
import { periodEndingOn } from '../src/transparency/bulletins/bulletin-schedule.ts';
import { DEFAULT_BULLETIN_SETTINGS } from '../src/transparency/bulletins/bulletin-settings.ts';
import type { Vigil } from '../src/server/open-vigil.ts';
import { totpNow } from '../test/support/test-vigil.ts';
import { now, percentile } from './stats.ts';

const BIN = fileURLToPath(new URL('../bin/vigil.ts', import.meta.url));
/** The demo's exodus week (DOMAIN.md §7: D0 is 2023-09-24). */
const DAYS = ['24', '25', '26', '27', '28', '29', '30'].map((day) => `2023-09-${day}`);
const n = (value: number) => Math.round(value).toLocaleString('en-US');

async function signedIn(vigil: Vigil, dataDir: string, role: string) {
  const account = readDemoCredentials(dataDir)?.staff.find((member) => member.role === role);
  if (account === undefined) throw new Error(`the demo has no ${role}`);
  const response = await vigil.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { name: account.login, password: account.password, totp: totpNow(account.totpSecret) },
  });
  const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
  if (token === undefined) throw new Error(`signing in as ${role}: ${response.body}`);
  return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: '1' };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = now();
  const result = await work();
  return { ms: now() - start, result };
}

// The demo publishes the daily report of each day (its build drafts, writes, approves and
// publishes them), so a daily report's drafting is timed as the drafting job's own work: its
// figures counted and disclosed. The weekly report is drafted through the HTTP route.
async function draftingFigures(vigil: Vigil, analyst: Record<string, string>) {
  const cutoff = DEFAULT_BULLETIN_SETTINGS.cutoff;
  const daily: number[] = [];
  for (const date of DAYS) {
    const period = periodEndingOn(date, 1, cutoff);
    const { ms } = await timed(() =>
      draftFigures(vigil.database.db, { period, product: 'daily', cutoff }),
    );
    daily.push(ms);
  }
  const weekly = await timed(() =>
    vigil.app.inject({
      method: 'POST',
      url: '/api/v1/bulletins',
      headers: analyst,
      payload: { product: 'weekly', date: DAYS.at(-1) },
    }),
  );
  if (weekly.result.statusCode !== 201) throw new Error(`weekly: ${weekly.result.body}`);
  return { daily, weekly: weekly.ms };
}

async function openDataFigures(vigil: Vigil, coordinator: Record<string, string>) {
  const catalogue = (await vigil.app.inject('/api/v1/open-data')).json<{
    datasets: { name: string }[];
  }>();
  const rows: { name: string; rows: number; releaseMs: number; exportMs: number; mb: number }[] =
    [];
  for (const { name } of catalogue.datasets) {
    const release = await timed(() =>
      vigil.app.inject({
        method: 'POST',
        url: `/api/v1/open-data/${name}/releases`,
        headers: coordinator,
        payload: {},
      }),
    );
    if (release.result.statusCode !== 201) throw new Error(`${name}: ${release.result.body}`);
    const made = release.result.json<{ version: number; rowCount: number }>();
    const exported = await timed(() => vigil.app.inject(`/open-data/${name}/${made.version}.csv`));
    rows.push({
      name,
      rows: made.rowCount,
      releaseMs: release.ms,
      exportMs: exported.ms,
      mb: exported.result.rawPayload.length / 1e6,
    });
  }
  return rows;
}

/** Builds the demo at `scale`, measures, prints the section. */
export async function transparencySection(options: {
  dir: string;
  quick: boolean;
  insertRate: number;
  say: (line: string) => void;
}): Promise<void> {
  const { say } = options;
  const scale = options.quick ? '0.1' : '1';
  const dataDir = join(options.dir, 'transparency-demo');
  const built = spawnSync(process.execPath, [BIN, 'demo', '--data', dataDir, '--scale', scale], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the demo: ${built.stderr}`);
  const vigil = await openVigil({ dataDir, backgroundJobs: false, logger: false });
  try {
    const analyst = await signedIn(vigil, dataDir, 'analyst');
    const coordinator = await signedIn(vigil, dataDir, 'coordinator');
    const drafting = await draftingFigures(vigil, analyst);
    const releases = await openDataFigures(vigil, coordinator);
    say('');
    say(
      `Transparency on the demo data (scale ${scale}, SQLite; raw insert ceiling of this run ` +
        `${n(options.insertRate)} rows/s): bulletins drafted and datasets released and exported ` +
        'through their HTTP routes, in process.',
    );
    say('');
    say('| step | time |');
    say('|---|---|');
    say(
      `| a daily report's figures, counted and disclosed (7 days of the exodus), p50 / max | ${percentile(drafting.daily, 50).toFixed(1)} / ${Math.max(...drafting.daily).toFixed(1)} ms |`,
    );
    say(`| draft the weekly report | ${drafting.weekly.toFixed(1)} ms |`);
    say('');
    say('(A release of incidents or casualties_agg also makes the next release of the other.)');
    say('');
    say('| dataset | rows | release (disclose, store, hash, log) | CSV export | export rows/s |');
    say('|---|---|---|---|---|');
    for (const r of releases) {
      const rate = r.exportMs > 0 ? (r.rows / r.exportMs) * 1000 : 0;
      say(
        `| ${r.name} | ${n(r.rows)} | ${n(r.releaseMs)} ms | ${n(r.exportMs)} ms (${r.mb.toFixed(2)} MB) | ${n(rate)} |`,
      );
    }
  } finally {
    await vigil.close();
  }
}
