// The append benchmark of bench/appends.ts on PostgreSQL, beside SQLite in the same run, with the
// raw PostgreSQL insert ceiling. Each measurement gets its own database on the server at
// VIGIL_TEST_PG_URL (default: the local trust-auth server), dropped afterwards.
// Run alone: `node bench/appends-pg.ts [--quick]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgLogStore } from '../src/log/log-store.pg.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import type { OpenBenchStore } from './appends.ts';
import { measureOfferedLoad, measureSaturatedAppends } from './appends.ts';
import { measureInsertRate } from './ceilings.ts';
import { measureInsertRatePg } from './ceiling-pg.ts';
import { ms } from './stats.ts';

/** A fresh PostgreSQL database per measurement, dropped when the measurement ends. */
export const postgresBenchStore: OpenBenchStore = async () => {
  const { url, drop } = await createPostgresDatabase();
  const store = await PgLogStore.open(url);
  return {
    store,
    dispose: async () => {
      await store.close();
      await drop();
    },
  };
};

/** The raw PostgreSQL insert ceiling (bench/ceiling-pg.ts) on a database of its own. */
async function measurePostgresCeiling(): Promise<number> {
  const { url, drop } = await createPostgresDatabase();
  try {
    return await measureInsertRatePg(url);
  } finally {
    await drop();
  }
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function saturatedSideBySide(dir: string, count: number): Promise<void> {
  const ceilings = { sqlite: measureInsertRate(dir), postgres: await measurePostgresCeiling() };
  const saturated = {
    sqlite: await measureSaturatedAppends(dir, count),
    postgres: await measureSaturatedAppends(dir, count, postgresBenchStore),
  };
  say('| durable appends (sequencer, in process) | SQLite | PostgreSQL |');
  say('|---|---|---|');
  say(`| raw insert ceiling, rows/s | ${format(ceilings.sqlite)} | ${format(ceilings.postgres)} |`);
  say(`| saturated, appends/s | ${format(saturated.sqlite)} | ${format(saturated.postgres)} |`);
  say(
    `| ratio to raw insert | ${(saturated.sqlite / ceilings.sqlite).toFixed(2)} | ${(saturated.postgres / ceilings.postgres).toFixed(2)} |`,
  );
}

async function offeredSideBySide(dir: string, seconds: number): Promise<void> {
  say('| offered appends/s | engine | achieved/s | time-to-receipt p50 | p99 | max |');
  say('|---|---|---|---|---|---|');
  for (const offered of [1_000, 10_000, 20_000]) {
    const engines = [
      ['SQLite', await measureOfferedLoad(dir, offered, seconds)],
      ['PostgreSQL', await measureOfferedLoad(dir, offered, seconds, postgresBenchStore)],
    ] as const;
    for (const [engine, r] of engines) {
      say(
        `| ${format(offered)} | ${engine} | ${format(r.achieved)} | ${ms(r.p50)} ms | ${ms(r.p99)} ms | ${ms(r.max)} ms |`,
      );
    }
  }
}

async function main(quick: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-pg-'));
  try {
    await saturatedSideBySide(dir, quick ? 30_000 : 300_000);
    say('');
    await offeredSideBySide(dir, quick ? 2 : 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await main(process.argv.includes('--quick'));
