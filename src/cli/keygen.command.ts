import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateSignerKey, SIG_COSIGNATURE_V1, SIG_ED25519 } from '../ledger/note-keys.ts';
import { UsageError } from './cli-error.ts';

/** `vigil keygen <name>`: a new signer key file and its verifier key. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('create a signer key (a log origin, or a witness name with --witness)')
    .argument('<name>', 'key name: the log origin, e.g. example.org/log')
    .option('--out <file>', 'where to write the signer key (mode 0600)')
    .option('--witness', 'make a witness cosigning key (cosignature/v1) instead of a log key')
    .action((name: string, options: { out?: string; witness?: boolean }) => {
      const type = options.witness === true ? SIG_COSIGNATURE_V1 : SIG_ED25519;
      let keys: { signerKey: string; verifierKey: string };
      try {
        keys = generateSignerKey(name, type);
      } catch (error) {
        throw new UsageError(`cannot make a key named ${name}`, { cause: error });
      }
      const out = options.out ?? `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.key`;
      try {
        writeFileSync(out, `${keys.signerKey}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        throw new UsageError(`cannot write ${out} (it must not exist yet)`, { cause: error });
      }
      process.stderr.write(`signer key written to ${out}\n`);
      process.stdout.write(`${keys.verifierKey}\n`);
    });
}
