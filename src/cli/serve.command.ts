import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openVigil } from '../server/open-vigil.ts';
import { MASTER_KEY_WARNING } from '../people/master-key.ts';
import { UsageError } from './cli-error.ts';
import { collect, parseCount, parsePort } from './parse-options.ts';
import { witnessOptions } from './witness-options.ts';
import { printFirstAdmin } from './user.command.ts';

interface ServeOptions {
  data: string;
  port: string;
  host: string;
  origin?: string;
  notaryRate: string;
  secureCookies?: boolean;
  witness: string[];
  witnessTimeout: string;
  witnessRetry: string;
  policy?: string;
}

// The policy file is read here; openVigil checks that it parses and names this log's key.
async function readPolicy(file: string | undefined): Promise<{ policy?: string }> {
  if (file === undefined) return {};
  try {
    return { policy: await readFile(file, 'utf8') };
  } catch (error) {
    throw new UsageError(`--policy: cannot read ${file}`, { cause: error });
  }
}

/** `vigil serve`: runs the server until SIGINT or SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve Vigil: the API, and the log under /log/')
    .option('--data <dir>', 'data directory (created on first start)', 'data')
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--origin <origin>', 'origin line of a new log (fixed once created)')
    .option('--notary-rate <n>', 'notary requests allowed per token per minute', '600')
    .option('--secure-cookies', 'always mark the session cookie Secure (behind a TLS proxy)')
    .option('--witness <url=vkey>', 'a witness to cosign checkpoints (repeatable)', collect, [])
    .option('--witness-timeout <ms>', 'how long one witness request may take', '5000')
    .option('--witness-retry <ms>', 'longest wait before retrying a witness that is down', '60000')
    .option('--policy <file>', 'a C2SP tlog-policy naming this log, served at /log/policy')
    .action(async (options: ServeOptions) => {
      const witnessing = witnessOptions(options);
      const vigil = await openVigil({
        ...witnessing,
        ...(await readPolicy(options.policy)),
        dataDir: options.data,
        notaryRateLimit: {
          max: parseCount(options.notaryRate, '--notary-rate'),
          timeWindowMs: 60_000,
        },
        logger: { level: process.env['VIGIL_LOG_LEVEL'] ?? 'info' },
        ...(options.secureCookies === true ? { secureCookie: true } : {}),
        ...(options.origin === undefined ? {} : { origin: options.origin }),
      });
      if (vigil.createdKey) {
        process.stderr.write(
          `A new log signing key was created in ${options.data}. Back up that directory: ` +
            'without the key the log can never sign again.\n',
        );
      }
      // Secrets and warnings go to stderr: stdout carries only the listening line and the key.
      if (vigil.createdMasterKey) process.stderr.write(`${MASTER_KEY_WARNING}\n`);
      if (vigil.firstAdmin !== undefined) printFirstAdmin(vigil.firstAdmin, process.stderr);
      const address = await vigil.app.listen({ port: parsePort(options.port), host: options.host });
      process.stdout.write(
        `Vigil listening on ${address}\nlog verifier key: ${vigil.verifierKey}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await vigil.close();
    });
}
