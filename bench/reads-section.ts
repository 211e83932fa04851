// The public read path part of the benchmark report (issue 7): bench/public-reads.ts at two log
// sizes (1M and 10M entries; 100k and 1M with --quick), then how the cost per request grows
// from the smaller log to the larger, for Vigil's own routes and for the static mirror.
import { benchPublicReads } from './public-reads.ts';
import type { ReadFigures } from './public-reads.ts';

const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs both read paths at both sizes and prints the growth table (each run prints its own). */
export async function readsSection(options: {
  quick: boolean;
  say: (line: string) => void;
}): Promise<void> {
  const { say } = options;
  const sizes = options.quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
  const seconds = options.quick ? 3 : 10;
  const runs: { size: number; vigil: ReadFigures; mirror: ReadFigures }[] = [];
  for (const size of sizes) {
    runs.push({ size, ...(await benchPublicReads({ size, seconds, connections: 50 })) });
  }
  const [small, large] = runs;
  if (small === undefined || large === undefined) return;
  say('');
  say(
    `| public reads, ${n(small.size)} → ${n(large.size)} entries (50 connections, ${String(seconds)} s each) | req/s | p99 | cost per request, larger ÷ smaller log |`,
  );
  say('|---|---|---|---|');
  const growth = (pick: (run: (typeof runs)[number]) => ReadFigures, name: string) => {
    const before = pick(small);
    const after = pick(large);
    say(
      `| ${name} | ${n(before.rate)} → ${n(after.rate)} | ${String(before.p99)} → ${String(after.p99)} ms | ${(before.rate / after.rate).toFixed(2)} |`,
    );
  };
  growth((run) => run.vigil, 'Vigil /log/ routes (`vigil serve`)');
  growth((run) => run.mirror, '`vigil log mirror` directory, static node:http server');
  say(
    `| static ÷ Vigil, req/s | ${(small.mirror.rate / small.vigil.rate).toFixed(2)} → ${(large.mirror.rate / large.vigil.rate).toFixed(2)} | | |`,
  );
  say('');
}
