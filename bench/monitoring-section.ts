// The monitoring part of the benchmark report (issue 4): report intake through HTTP and incident
// statistics over 100,000 incidents, SQLite and PostgreSQL side by side, each figure beside the
// raw ceiling of the same engine measured in the same run (batched insert rate; one indexed
// COUNT over the same rows for the statistics).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/store/open-database.ts';
import { createBenchDatabase, measureInsertRatePg } from './ceiling-pg.ts';
import { measureIncidentStatistics } from './incident-stats.ts';
import type { IncidentStatsFigures } from './incident-stats.ts';
import { measureReportIntake } from './report-intake.ts';
import type { IntakeFigures } from './report-intake.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');

interface EngineFigures {
  intake: IntakeFigures[];
  statistics: IncidentStatsFigures;
}

async function measureEngine(
  dir: string,
  databaseUrl: string | undefined,
  quick: boolean,
): Promise<EngineFigures> {
  mkdirSync(join(dir, 'intake'), { recursive: true });
  const intake = await measureReportIntake({
    dataDir: join(dir, 'intake'),
    databaseUrl,
    seconds: quick ? 3 : 10,
  });
  return { intake, statistics: await measureStatistics(join(dir, 'stats'), databaseUrl, quick) };
}

async function measureStatistics(
  dataDir: string,
  databaseUrl: string | undefined,
  quick: boolean,
): Promise<IncidentStatsFigures> {
  // A database of its own: the intake phase's rows must not count.
  const fresh = databaseUrl === undefined ? undefined : await createBenchDatabase();
  const database = await openDatabase({ dataDir, url: fresh?.url });
  try {
    return await measureIncidentStatistics(database.db, {
      incidents: quick ? 10_000 : 100_000,
      runs: quick ? 10 : 50,
    });
  } finally {
    await database.close();
    await fresh?.drop();
  }
}

/** Measures both engines and prints the monitoring tables. */
export async function monitoringSection(options: {
  dir: string;
  quick: boolean;
  /** SQLite's raw insert ceiling measured at the start of the run. */
  insertRate: number;
  say: (line: string) => void;
}): Promise<void> {
  const { say } = options;
  const sqlite = await measureEngine(
    join(options.dir, 'monitoring-sqlite'),
    undefined,
    options.quick,
  );
  const ceilingDb = await createBenchDatabase();
  const pgCeiling = await measureInsertRatePg(ceilingDb.url).finally(() => ceilingDb.drop());
  const database = await createBenchDatabase();
  let postgres: EngineFigures;
  try {
    postgres = await measureEngine(join(options.dir, 'monitoring-pg'), database.url, options.quick);
  } finally {
    await database.drop();
  }
  const ceilings = { sqlite: options.insertRate, postgres: pgCeiling };
  say('| monitoring (server in another process, loopback) | SQLite | PostgreSQL |');
  say('|---|---|---|');
  say(
    `| raw ceiling: batched insert, 1,000-row durable transactions | ${n(ceilings.sqlite)} rows/s | ${n(ceilings.postgres)} rows/s |`,
  );
  for (const [index, figures] of sqlite.intake.entries()) {
    const pg = postgres.intake[index];
    if (pg === undefined) continue;
    const cell = (f: IntakeFigures, ceiling: number) =>
      `${n(f.rate)}/s (ratio ${(f.rate / ceiling).toFixed(4)}; p50 ${String(f.p50)} / p99 ${String(f.p99)} ms; ${String(f.failed)} failed)`;
    say(
      `| partner reports via POST /api/v1/partner-reports, ${String(figures.connections)} connections (durable, sealed) | ${cell(figures, ceilings.sqlite)} | ${cell(pg, ceilings.postgres)} |`,
    );
  }
  const stats = (f: IncidentStatsFigures) =>
    `${f.statistics.p50.toFixed(1)} / ${f.statistics.p95.toFixed(1)} ms (ceiling ${f.ceiling.p50.toFixed(1)} / ${f.ceiling.p95.toFixed(1)} ms; ratio of p95 ${(f.statistics.p95 / f.ceiling.p95).toFixed(1)}×)`;
  say(
    `| incident statistics (by event type, state, ISO week, area) over ${n(sqlite.statistics.incidents)} incidents, p50 / p95 of ${String(sqlite.statistics.runs)} runs; ceiling: one indexed COUNT over the same rows | ${stats(sqlite.statistics)} | ${stats(postgres.statistics)} |`,
  );
  say(
    `| weeks alone: per-week range counts / day groups folded / CASE groups, p95 | ${[sqlite, postgres].map((e) => `${e.statistics.weeksByRange.p95.toFixed(1)} / ${e.statistics.weeksByDay.p95.toFixed(1)} / ${e.statistics.weeksByCase.p95.toFixed(1)} ms`).join(' | ')} |`,
  );
  say('');
}
