// `vigil log mirror`: keeps a directory of static C2SP tlog-tiles files (checkpoint, tiles,
// entry bundles) that any web server, object store or CDN can serve, and that
// `vigil verify log DIR_OR_URL` audits like the live log.
import type { Command } from 'commander';
import { MirrorDirectory } from '../mirror/mirror-dir.ts';
import { mirrorOnce } from '../mirror/mirror-log.ts';
import type { MirrorOutcome } from '../mirror/mirror-log.ts';
import { followMirror } from '../mirror/follow-mirror.ts';
import { StoreLogSource } from '../mirror/store-source.ts';
import { openLogSource } from '../verifier/log-source.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { UsageError } from './cli-error.ts';
import { collect, parseCount, parseKeys } from './parse-options.ts';

interface MirrorOptions {
  to: string;
  from?: string;
  data?: string;
  key: string[];
  quorum: string;
  follow?: boolean;
  interval: string;
}

const HELP = `
The source is a running Vigil's public log (--from https://host/log) or its data directory
(--data DIR; with VIGIL_DATABASE_URL set, the log in PostgreSQL). Each run verifies the
source's checkpoint under --key, proves it consistent with the mirror's, re-hashes the new
entries up to the signed root, and only then writes the new files, checkpoint last. A source
whose checkpoint does not extend the mirror's (a fork) is refused with exit 1 and the mirror
is left unchanged. Public bulletins are not mirrored: Vigil does not publish any yet.`;

function parseInterval(text: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0)) {
    throw new UsageError(`--interval ${text} is not a number of seconds`);
  }
  return seconds * 1000;
}

async function openSource(options: MirrorOptions): Promise<LogSource & { close?(): unknown }> {
  if ((options.from === undefined) === (options.data === undefined)) {
    throw new UsageError('give exactly one of --from URL and --data DIR');
  }
  if (options.from !== undefined) return openLogSource(options.from);
  return StoreLogSource.open({
    dataDir: options.data ?? 'data',
    url: process.env['VIGIL_DATABASE_URL'],
  });
}

function describeOutcome(outcome: MirrorOutcome): string {
  switch (outcome.kind) {
    case 'grown':
      return `mirrored ${outcome.origin} size ${outcome.from} → ${outcome.to} (${outcome.files} files written)`;
    case 'up-to-date':
      return `${outcome.origin} up to date at size ${outcome.size}`;
    case 'recosigned':
      return `${outcome.origin} size ${outcome.size}: new signatures on the same tree`;
    case 'behind':
      return `the source is behind the mirror (size ${outcome.source} < ${outcome.mirror}); nothing written`;
  }
}

async function follow(run: (signal: AbortSignal) => Promise<MirrorOutcome>, intervalMs: number) {
  const stop = new AbortController();
  const abort = () => {
    stop.abort();
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    await followMirror({
      runOnce: run,
      intervalMs,
      signal: stop.signal,
      // Following prints changes only: a line per interval would bury them.
      onOutcome: (outcome) => {
        if (outcome.kind !== 'up-to-date') process.stdout.write(`${describeOutcome(outcome)}\n`);
      },
      onUnreachable: (error) => {
        const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
        process.stderr.write(`warning: ${error.message}${cause}; retrying\n`);
      },
    });
    process.stdout.write('stopped\n');
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

async function mirrorLog(options: MirrorOptions): Promise<void> {
  const keys = { ...parseKeys(options.key), quorum: parseCount(options.quorum, '--quorum') };
  const intervalMs = parseInterval(options.interval);
  const source = await openSource(options);
  try {
    const mirror = await MirrorDirectory.open(options.to);
    try {
      const run = (signal?: AbortSignal) =>
        mirrorOnce({ source, mirror, keys, ...(signal === undefined ? {} : { signal }) });
      if (options.follow === true) await follow(run, intervalMs);
      else process.stdout.write(`${describeOutcome(await run())}\n`);
    } finally {
      await mirror.close();
    }
  } finally {
    await source.close?.();
  }
}

/** Registers `vigil log mirror` under the `log` command. */
export function registerLogMirror(log: Command): void {
  log
    .command('mirror')
    .description('keep a static tlog-tiles mirror of the log in a directory, verified')
    .requiredOption('--to <dir>', 'mirror directory (created if absent)')
    .option('--from <url-or-dir>', "the log's URL prefix (…/log) or another static mirror")
    .option('--data <dir>', 'a Vigil data directory, read directly')
    .requiredOption('--key <vkey>', 'log key; repeat for witness keys', collect, [])
    .option('--quorum <n>', 'witness cosignatures required', '0')
    .option('--follow', 'keep mirroring until SIGINT or SIGTERM')
    .option('--interval <seconds>', 'seconds between runs with --follow', '10')
    .addHelpText('after', HELP)
    .action(mirrorLog);
}
