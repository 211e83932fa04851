// The safe-passage part of the benchmark report: SQLite and PostgreSQL side by side, each figure
// with its ratio to the raw insert ceiling of the same engine measured in the same run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBenchDatabase, measureInsertRatePg } from './ceiling-pg.ts';
import { measurePassage } from './passage.ts';
import type { PassageBenchResult } from './passage.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** Measures both engines and prints the safe-passage tables. */
export async function passageSection(options: {
  dir: string;
  quick: boolean;
  /** SQLite's raw insert ceiling measured at the start of the run. */
  insertRate: number;
  say: (line: string) => void;
}): Promise<void> {
  const { say } = options;
  const sqliteDir = join(options.dir, 'passage-sqlite');
  mkdirSync(sqliteDir, { recursive: true });
  const sqlite = await measurePassage({
    dataDir: sqliteDir,
    databaseUrl: undefined,
    quick: options.quick,
  });
  const ceilingDb = await createBenchDatabase();
  const pgCeiling = await measureInsertRatePg(ceilingDb.url).finally(() => ceilingDb.drop());
  const database = await createBenchDatabase();
  let postgres: PassageBenchResult;
  try {
    const pgDir = join(options.dir, 'passage-pg');
    mkdirSync(pgDir, { recursive: true });
    postgres = await measurePassage({
      dataDir: pgDir,
      databaseUrl: database.url,
      quick: options.quick,
    });
  } finally {
    await database.drop();
  }
  const ceilings = { sqlite: options.insertRate, postgres: pgCeiling };
  say('| safe passage (server in another process, loopback) | SQLite | PostgreSQL |');
  say('|---|---|---|');
  say(
    `| raw ceiling: batched insert, 1,000-row durable transactions | ${n(ceilings.sqlite)} rows/s | ${n(ceilings.postgres)} rows/s |`,
  );
  const both = (pick: (r: PassageBenchResult) => string) => `${pick(sqlite)} | ${pick(postgres)}`;
  say(
    `| signed checkpoint passages via POST /api/v1/sync, 200 per batch, 4 connections (${n(sqlite.sustained.passages)} passages, ${String(4)} people each; durable, logged) | ${n(sqlite.sustained.rate)}/s (ratio ${(sqlite.sustained.rate / ceilings.sqlite).toFixed(3)}; batch p99 ${sqlite.sustained.p99.toFixed(0)} ms) | ${n(postgres.sustained.rate)}/s (ratio ${(postgres.sustained.rate / ceilings.postgres).toFixed(3)}; batch p99 ${postgres.sustained.p99.toFixed(0)} ms) |`,
  );
  say(
    `| 1,000 passages/s offered in batches of 10 (100 requests/s): achieved, request p50 / p99 | ${both((r) => `${n(r.offered.batched.achieved)}/s, ${r.offered.batched.p50.toFixed(1)} / ${r.offered.batched.p99.toFixed(1)} ms`)} |`,
  );
  say(
    `| 1,000 passages/s offered one per request (1,000 requests/s): achieved, p50 / p99 | ${both((r) => `${n(r.offered.single.achieved)}/s, ${r.offered.single.p50.toFixed(1)} / ${r.offered.single.p99.toFixed(1)} ms`)} |`,
  );
  say(
    `| non-2xx answers in both load phases | ${both((r) => String(r.sustained.non2xx + r.offered.batched.non2xx + r.offered.single.non2xx))} |`,
  );
  say(
    `| reference-code look-up with ${n(sqlite.lookup.households)} households (service, in process): p50 / p99 | ${both((r) => `${r.lookup.p50.toFixed(2)} / ${r.lookup.p99.toFixed(2)} ms`)} |`,
  );
  say(
    `| reconciliation by vehicle of ${n(sqlite.reconciliation.journeys)} journeys (median of 3) | ${both((r) => `${(r.reconciliation.ms / 1000).toFixed(2)} s`)} |`,
  );
  say('');
}
