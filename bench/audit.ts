// A full audit (`vigil verify log --full`) of a stored log: first exported to static files and
// audited from disk, then audited over HTTP from a real server in another process.
import { spawn } from 'node:child_process';
export { startServerProcess as serve } from '../test/support/serve-process.ts';
import { fileURLToPath } from 'node:url';
import { auditEntries } from '../src/verifier/audit-entries.ts';
import { fetchCheckpoint } from '../src/verifier/audit-checkpoint.ts';
import { openLogSource } from '../src/verifier/log-source.ts';
import type { VerifierKey } from '../src/ledger/note-keys.ts';
import { now } from './stats.ts';

const BIN = fileURLToPath(new URL('../bin/vigil.ts', import.meta.url));

/** Runs `vigil` with `args` and resolves with its stdout (rejects on a non-zero exit). */
export function vigil(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`vigil ${args.join(' ')} exited ${code}`));
    });
  });
}

/** Milliseconds to verify the signature and re-hash everything of the log at `location`. */
export async function measureAudit(location: string, logKey: VerifierKey): Promise<number> {
  const start = now();
  const source = openLogSource(location);
  const opened = await fetchCheckpoint(source, { logKey, witnesses: [], quorum: 0 });
  await auditEntries(source, opened.checkpoint);
  return now() - start;
}
