// `vigil verify package DIR [--key VKEY]`: checks an evidence package offline. Exit 0 valid,
// 1 verification failed, 2 usage or I/O (conventions of verify.command.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { verifyPackage } from '../monitoring/evidence/evidence-package.verify.ts';
import { UsageError } from './cli-error.ts';
import { parseKeys } from './parse-options.ts';

function packageKey(dir: string): string {
  try {
    return readFileSync(join(dir, 'log.vkey'), 'utf8').trim();
  } catch (error) {
    throw new UsageError(`no --key given and no log.vkey in ${dir}`, { cause: error });
  }
}

/** Adds `package` to the `verify` command registered by registerVerify. */
export function registerVerifyPackage(program: Command): void {
  const verify = program.commands.find((command) => command.name() === 'verify');
  if (verify === undefined) throw new Error('register `verify` first');
  verify
    .command('package')
    .description('check an evidence package offline: files, commitments, proofs, checkpoint')
    .argument('<dir>', 'the package folder')
    .option('--key <vkey>', "the log's verifier key (default: the package's own log.vkey)")
    .action(async (dir: string, options: { key?: string }) => {
      if (!existsSync(dir)) throw new UsageError(`no package at ${dir}`);
      if (options.key === undefined) {
        process.stderr.write(
          "warning: no --key: trusting the package's own log.vkey; compare it with the mission's published key\n",
        );
      }
      const { logKey } = parseKeys([options.key ?? packageKey(dir)]);
      const summary = await verifyPackage(dir, logKey);
      process.stdout.write(
        `OK ${String(summary.items)} items and ${String(summary.events)} custody events of incident ` +
          `${summary.incidentId} are in ${logKey.name} at size ${String(summary.checkpointSize)}\n`,
      );
    });
}
