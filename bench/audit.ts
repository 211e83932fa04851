// A full audit (`vigil verify log --full`) of a stored log: first exported to static files and
// audited from disk, then audited over HTTP from a real server in another process.
export { startServerProcess as serve } from '../test/support/serve-process.ts';
import { runVigil } from '../test/support/run-cli.ts';
import { auditEntries } from '../src/verifier/audit-entries.ts';
import { fetchCheckpoint } from '../src/verifier/audit-checkpoint.ts';
import { openLogSource } from '../src/verifier/log-source.ts';
import type { VerifierKey } from '../src/ledger/note-keys.ts';
import { now } from './stats.ts';

/** Runs `vigil` with `args` and resolves with its stdout (rejects on a non-zero exit). */
export async function vigil(args: readonly string[]): Promise<string> {
  const result = await runVigil(args);
  if (result.code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${result.code}`);
  return result.stdout;
}

/** Milliseconds to verify the signature and re-hash everything of the log at `location`. */
export async function measureAudit(location: string, logKey: VerifierKey): Promise<number> {
  const start = now();
  const source = openLogSource(location);
  const opened = await fetchCheckpoint(source, { logKey, witnesses: [], quorum: 0 });
  await auditEntries(source, opened.checkpoint);
  return now() - start;
}
