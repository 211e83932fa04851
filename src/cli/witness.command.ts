import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { parseSignerKey, parseVerifierKey, SIG_COSIGNATURE_V1 } from '../ledger/note-keys.ts';
import type { SignerKey, VerifierKey } from '../ledger/note-keys.ts';
import { buildWitnessApp } from '../witness/witness.app.ts';
import { SqliteWitnessStateStore } from '../witness/witness-state.sqlite.ts';
import { Witness, WitnessConfigError } from '../witness/witness.service.ts';
import { UsageError } from './cli-error.ts';
import { collect, parsePort } from './parse-options.ts';

interface WitnessCliOptions {
  key: string;
  data: string;
  port: string;
  host: string;
  log: string[];
}

/** Reads the witness's cosignature/v1 signer key (`vigil keygen --witness NAME`) from `file`. */
function readWitnessSigner(file: string): SignerKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`cannot read --key ${file}`, { cause: error });
  }
  let signer: SignerKey;
  try {
    signer = parseSignerKey(text);
  } catch (error) {
    if (isLedgerError(error)) throw new UsageError(`--key ${file}: ${error.message}`);
    throw error;
  }
  if (signer.type !== SIG_COSIGNATURE_V1) {
    throw new UsageError(
      `--key ${file} is not a witness key: make one with vigil keygen --witness`,
    );
  }
  return signer;
}

/**
 * Parses `--log ORIGIN=VKEY` values into origin → log keys (an origin may be given several
 * times, once per key). A vkey holds no `=` (its base64 has no padding), so the last one splits.
 */
export function parseWitnessedLogs(values: readonly string[]): Map<string, VerifierKey[]> {
  if (values.length === 0) throw new UsageError('give at least one --log ORIGIN=VKEY');
  const logs = new Map<string, VerifierKey[]>();
  for (const value of values) {
    const split = value.lastIndexOf('=');
    const origin = value.slice(0, split);
    if (split <= 0) throw new UsageError(`--log ${value} is not ORIGIN=VKEY`);
    let key: VerifierKey;
    try {
      key = parseVerifierKey(value.slice(split + 1).trim());
    } catch (error) {
      if (isLedgerError(error)) throw new UsageError(`--log ${value}: ${error.message}`);
      throw error;
    }
    logs.set(origin, [...(logs.get(origin) ?? []), key]);
  }
  return logs;
}

function openWitness(options: WitnessCliOptions, store: SqliteWitnessStateStore): Witness {
  try {
    return new Witness({
      signer: readWitnessSigner(options.key),
      logs: parseWitnessedLogs(options.log),
      store,
    });
  } catch (error) {
    store.close();
    if (error instanceof WitnessConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** `vigil witness`: a C2SP tlog-witness server, until SIGINT or SIGTERM. */
export function registerWitness(program: Command): void {
  program
    .command('witness')
    .description('run a C2SP tlog-witness: cosign checkpoints of the given logs')
    .requiredOption('--key <file>', 'witness signer key (vigil keygen --witness NAME)')
    .requiredOption('--data <dir>', 'state directory (created on first start)')
    .requiredOption('--port <n>', 'TCP port')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--log <origin=vkey>', 'a log to witness: its origin and key (repeatable)', collect, [])
    .action(async (options: WitnessCliOptions) => {
      const port = parsePort(options.port);
      const store = new SqliteWitnessStateStore(options.data);
      const witness = openWitness(options, store);
      const logger = { level: process.env['VIGIL_LOG_LEVEL'] ?? 'info' };
      const app = await buildWitnessApp({ witness, logger });
      const address = await app.listen({ port, host: options.host });
      process.stdout.write(
        `Vigil witness listening on ${address}\nwitness verifier key: ${witness.verifierKey.text}\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await app.close();
      store.close();
    });
}
