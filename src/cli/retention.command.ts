// `vigil retention apply`: crypto-shreds every identity past its retention date now and erases
// the plates of vehicles reconciled long enough ago (DOMAIN.md §6), as the server does daily. It opens the data directory the way the server does, so it
// appends the destructions to the same log: run it while the server is stopped, since the log
// has one writer at a time (a second one is refused, not forked, but the server's next batch
// would then fail and retry).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { LOG_KEY_FILE } from '../log/log-signer.file.ts';
import { applyRetention } from '../passage/oversight/retention/retention.job.ts';
import { openVigil } from '../server/open-vigil.ts';
import { UsageError } from './cli-error.ts';

/**
 * Registers `vigil retention apply [--data DIR]`, printing how many identities and plates it destroyed
 * to `out` (default stdout).
 *
 * @example registerRetention(program)
 */
export function registerRetention(
  program: Command,
  out: NodeJS.WritableStream = process.stdout,
): void {
  program
    .command('retention')
    .description('retention of identity data (DOMAIN.md §6)')
    .command('apply')
    .description('crypto-shred every identity, and erase every plate, whose retention has ended')
    .option('--data <dir>', 'data directory', 'data')
    .action(async (options: { data: string }) => {
      // Opening a directory that holds no Vigil would create one: refuse instead.
      if (!existsSync(join(options.data, LOG_KEY_FILE))) {
        throw new UsageError(`no Vigil data directory at ${options.data}`);
      }
      const vigil = await openVigil({ dataDir: options.data, backgroundJobs: false });
      try {
        const { identities, plates } = await applyRetention(vigil.features.context, new Date());
        out.write(
          `destroyed ${identities} ${identities === 1 ? 'identity' : 'identities'} past retention\n` +
            `destroyed ${plates} ${plates === 1 ? 'plate' : 'plates'} past retention\n`,
        );
      } finally {
        await vigil.close();
      }
    });
}
