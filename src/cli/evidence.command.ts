// `vigil evidence export <incident> --to DIR` and `vigil evidence check <id>` work on a data
// directory as the server does (same database, same log): run them while the server is
// stopped, since the log has one writer at a time. Both leave custody events (export, hash
// check), sealed in the log, with the actor `cli`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { LOG_KEY_FILE } from '../log/log-signer.file.ts';
import { EvidenceAccessService } from '../monitoring/evidence/evidence-access.service.ts';
import { exportPackage } from '../monitoring/evidence/evidence-package.export.ts';
import { evidenceDeps } from '../monitoring/evidence/evidence.module.ts';
import { openVigil } from '../server/open-vigil.ts';
import type { Vigil } from '../server/open-vigil.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { UsageError } from './cli-error.ts';

/** The actor recorded for custody events made from the command line. */
export const CLI_ACTOR = 'cli';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withVigil<T>(dataDir: string, run: (vigil: Vigil) => Promise<T>): Promise<T> {
  // Opening a directory that holds no Vigil would create one: refuse instead.
  if (!existsSync(join(dataDir, LOG_KEY_FILE))) {
    throw new UsageError(`no Vigil data directory at ${dataDir}`);
  }
  const vigil = await openVigil({ dataDir, backgroundJobs: false });
  try {
    return await run(vigil);
  } finally {
    await vigil.close();
  }
}

function checkId(id: string, what: string): void {
  if (!UUID.test(id)) throw new UsageError(`${what} ${id} is not an id`);
}

/** Registers `vigil evidence export` and `vigil evidence check`. */
export function registerEvidence(
  program: Command,
  out: NodeJS.WritableStream = process.stdout,
): void {
  const evidence = program.command('evidence').description('evidence files and their custody');
  evidence
    .command('export')
    .description("write an incident's evidence package (files, manifest, custody log, proofs)")
    .argument('<incident>', 'incident id')
    .requiredOption('--to <dir>', 'an empty or new folder for the package')
    .option('--data <dir>', 'data directory', 'data')
    .action(async (incidentId: string, options: { to: string; data: string }) => {
      checkId(incidentId, 'incident');
      const manifest = await withVigil(options.data, (vigil) =>
        exportPackage(
          evidenceDeps(vigil.features.context),
          {
            latest: () => vigil.sequencer.checkpoint,
            proveInclusion: (index, size) => vigil.reader.proveInclusion(index, size),
            verifierKey: vigil.verifierKey,
          },
          { incidentId, outDir: options.to, actor: CLI_ACTOR },
        ),
      );
      const count = manifest.items.length;
      out.write(
        `exported ${String(count)} ${count === 1 ? 'item' : 'items'} to ${options.to} ` +
          `(checkpoint size ${String(manifest.checkpointSize)})\n`,
      );
    });
  evidence
    .command('check')
    .description('re-hash a stored evidence file and compare it with its intake hash')
    .argument('<id>', 'evidence id')
    .option('--data <dir>', 'data directory', 'data')
    .action(async (id: string, options: { data: string }) => {
      checkId(id, 'evidence');
      const check = await withVigil(options.data, (vigil) =>
        new EvidenceAccessService(evidenceDeps(vigil.features.context)).checkHash(id, CLI_ACTOR),
      );
      out.write(`${check.result} ${check.sha256}\n`);
      if (check.result !== 'match') {
        throw new VerificationError(`evidence ${id}`, `the stored file is ${check.result}`);
      }
    });
}
