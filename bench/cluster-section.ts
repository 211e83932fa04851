// The several-servers part of the benchmark report (issue 7): one `vigil serve` against two on
// the same PostgreSQL under the same mixed load, with PostgreSQL's raw insert ceiling measured
// in the same run, and failures reported by answer (until the log has one sequencer across
// processes, two servers may refuse some writes).
import { cpus } from 'node:os';
import { createBenchDatabase, measureInsertRatePg } from './ceiling-pg.ts';
import { measureConfiguration, TOTAL_SHARE } from './cluster.ts';
import type { ClusterRun } from './cluster.ts';
import { LOAD_KINDS, PASSAGES_PER_SYNC } from './mixed-load.ts';
import type { InstanceFigures, LoadKind } from './mixed-load.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');

const LABELS: Record<LoadKind, string> = {
  passages: `passages: POST /api/v1/sync, ${String(PASSAGES_PER_SYNC)} per request`,
  reports: 'partner reports: POST /api/v1/partner-reports',
  reads:
    'public reads: 1/5 checkpoint, 1/5 level-0 tiles, 1/5 entry bundles, 2/5 GET /api/v1/log, places, access-restrictions, commitments',
};

/** One kind (or every kind) of one configuration, summed over its servers. */
interface Summary {
  rate: number;
  failed: number;
  /** p50 / p99 per server, in server order. */
  latencies: { p50: number; p99: number }[];
}

function summarise(figures: readonly InstanceFigures[]): Summary {
  return {
    rate: figures.reduce((sum, f) => sum + f.ok / f.seconds, 0),
    failed: figures.reduce((sum, f) => sum + f.failed, 0),
    latencies: figures.map((f) => ({ p50: f.p50, p99: f.p99 })),
  };
}

const ofKind = (run: ClusterRun, kind: LoadKind) => run.figures.filter((f) => f.kind === kind);

function latencyText(summary: Summary): string {
  const each = summary.latencies.map((l) => `${String(l.p50)} / ${String(l.p99)} ms`);
  return each.length === 1 ? (each[0] ?? '') : `per server ${each.join('; ')}`;
}

function cell(kind: LoadKind | 'all', summary: Summary, ceiling: number): string {
  if (kind === 'all') {
    const worst = Math.max(...summary.latencies.map((l) => l.p99));
    return `${n(summary.rate)}/s, worst p99 of any kind and server ${String(worst)} ms`;
  }
  const perCeiling = (value: number) => (value / ceiling).toFixed(4);
  const rate =
    kind === 'passages'
      ? `${n(summary.rate)}/s = ${n(summary.rate * PASSAGES_PER_SYNC)} passages/s (ratio ${perCeiling(summary.rate * PASSAGES_PER_SYNC)})`
      : kind === 'reports'
        ? `${n(summary.rate)}/s (ratio ${perCeiling(summary.rate)})`
        : `${n(summary.rate)}/s`;
  return `${rate}, ${latencyText(summary)}`;
}

function failuresText(run: ClusterRun): string {
  const parts = run.figures.flatMap((f) =>
    [...f.failures].map(
      ([answer, count]) => `${f.kind} on server ${String(f.server + 1)}: ${answer} × ${n(count)}`,
    ),
  );
  return parts.length === 0 ? 'none' : parts.join('; ');
}

function row(
  label: string,
  pick: (run: ClusterRun) => Summary,
  runs: { one: ClusterRun; two: ClusterRun; kind: LoadKind | 'all'; ceiling: number },
): string {
  const one = pick(runs.one);
  const two = pick(runs.two);
  return `| ${label} | ${cell(runs.kind, one, runs.ceiling)} | ${n(one.failed)} | ${cell(runs.kind, two, runs.ceiling)} | ${n(two.failed)} | ${(two.rate / one.rate).toFixed(2)} |`;
}

/** Measures PostgreSQL's ceiling, then one server and two, and prints the section. */
export async function clusterSection(options: {
  dir: string;
  quick: boolean;
  say: (line: string) => void;
}): Promise<void> {
  const { say } = options;
  const seconds = options.quick ? 3 : 15;
  const ceilingDb = await createBenchDatabase();
  const ceiling = await measureInsertRatePg(ceilingDb.url).finally(() => ceilingDb.drop());
  const one = await measureConfiguration({ dir: options.dir, servers: 1, seconds });
  const two = await measureConfiguration({ dir: options.dir, servers: 2, seconds });
  say(
    `Several servers on one PostgreSQL, mixed load: ${String(seconds)} s closed loop per configuration after a 1 s warm-up; ${n(TOTAL_SHARE.passages + TOTAL_SHARE.reports + TOTAL_SHARE.reads)} connections in all (${String(TOTAL_SHARE.passages)} sync, ${String(TOTAL_SHARE.reports)} reports, ${String(TOTAL_SHARE.reads)} reads), split evenly between the servers; autocannon in the bench process on loopback; each \`vigil serve\` its own process; a fresh database per configuration, seeded alike. Machine: ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, shared by the servers, PostgreSQL and autocannon.`,
  );
  say('');
  say(
    '| kind | one server: ok/s, p50 / p99 | failed | two servers: ok/s, p50 / p99 | failed | two ÷ one |',
  );
  say('|---|---|---|---|---|---|');
  say(
    `| raw ceiling: PostgreSQL batched insert, 1,000-row durable transactions | ${n(ceiling)} rows/s | | | | |`,
  );
  for (const kind of LOAD_KINDS) {
    const label = `${LABELS[kind]} (${String(TOTAL_SHARE[kind])} connections)`;
    say(row(label, (r) => summarise(ofKind(r, kind)), { one, two, kind, ceiling }));
  }
  say(row('all kinds', (r) => summarise(r.figures), { one, two, kind: 'all', ceiling }));
  say('');
  for (const run of [one, two]) {
    const written = run.logSize.after - run.logSize.before;
    say(
      `- ${run.servers === 1 ? 'One server' : 'Two servers'}: log entries written in the measured seconds (size seen by server 1) ${n(written)} (${n(written / run.seconds)}/s); failed requests by answer: ${failuresText(run)}${run.signedLive > 0 ? `; ${n(run.signedLive)} sync bodies signed during the load (pre-signed pool ran dry)` : ''}.`,
    );
  }
  say('');
}
