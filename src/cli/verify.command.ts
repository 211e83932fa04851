// `vigil verify …`: the independent verifier an auditor or witness runs. It trusts nothing but
// the keys given on the command line. Exit 0 valid, 1 verification failed, 2 usage or I/O.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fromUtf8, toHex } from '../ledger/bytes.ts';
import { hashLeaf } from '../ledger/hash.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { parsePolicy } from '../ledger/policy.ts';
import type { Policy } from '../ledger/policy.ts';
import { openNote } from '../ledger/signed-note.ts';
import { parseTlogProof, verifyTlogProof } from '../ledger/tlog-proof.ts';
import { auditEntries } from '../verifier/audit-entries.ts';
import {
  checkConsistency,
  fetchCheckpoint,
  openTrustedCheckpoint,
} from '../verifier/audit-checkpoint.ts';
import type { TrustedKeys } from '../verifier/audit-checkpoint.ts';
import { compareWithServer } from '../verifier/compare-server.ts';
import { openLogSource } from '../verifier/log-source.ts';
import { PublicItemCollector } from '../verifier/public-items.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { UsageError } from './cli-error.ts';
import { collect, parseCount, parseKeys, parseVerifierKeys } from './parse-options.ts';

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`cannot read ${path}`, { cause: error });
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${path}`, { cause: error });
  }
}

// Ledger refusals of a note or proof under test are verification failures, not usage errors.
function asVerification<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isLedgerError(error)) throw new VerificationError(what, error.message, { cause: error });
    throw error;
  }
}

async function readText(path: string): Promise<string> {
  const bytes = await readInput(path);
  return asVerification(path, () => fromUtf8(bytes));
}

interface LogOptions {
  key: string[];
  quorum?: string;
  policy?: string;
  state?: string;
  full?: boolean;
  publicItems?: string;
  server?: string;
}

async function verifyLog(location: string, options: LogOptions): Promise<void> {
  const keys =
    options.policy === undefined
      ? { ...parseKeys(options.key), quorum: parseCount(options.quorum ?? '0', '--quorum') }
      : await policyKeys(options.policy, options);
  const source = openLogSource(location);
  const current = await fetchCheckpoint(source, keys);
  const { size } = current.checkpoint;
  if (options.state !== undefined) {
    const saved = await readOptional(options.state);
    if (saved !== undefined) {
      // The saved checkpoint was accepted once; only its log signature matters now.
      const previous = openTrustedCheckpoint(saved, { ...keys, quorum: 0, policy: undefined });
      await checkConsistency(source, previous, current);
      process.stdout.write(
        `consistent with the saved checkpoint of size ${previous.checkpoint.size}\n`,
      );
    }
  }
  if (options.full === true) {
    const items = new PublicItemCollector();
    await auditEntries(source, current.checkpoint, (entry, index) => {
      items.observe(entry, index);
    });
    process.stdout.write(`re-hashed all ${size} entries and every tile up to the root\n`);
    process.stdout.write(`${items.summary()}\n`);
    await publishChecks(items, size, options);
  } else if (options.publicItems !== undefined || options.server !== undefined) {
    throw new UsageError('--public-items and --server re-derive the items: they need --full');
  }
  if (options.state !== undefined) {
    // Write-then-rename: a crash never leaves a torn state file behind.
    await writeFile(`${options.state}.tmp`, current.note);
    await rename(`${options.state}.tmp`, options.state);
  }
  const witnessed = current.witnesses.map((key) => key.name).join(', ') || 'none';
  const policy = keys.policy === undefined ? '' : `; policy quorum ${keys.policy.quorum} met`;
  process.stdout.write(
    `OK ${current.checkpoint.origin} size ${size}; witnesses: ${witnessed}${policy}\n`,
  );
}

// After a full audit: write the re-derived items out, and hold the server to them.
async function publishChecks(items: PublicItemCollector, size: number, options: LogOptions) {
  if (options.publicItems !== undefined) {
    const written = await writeItems(items, options.publicItems);
    process.stdout.write(`wrote ${String(written)} public items to ${options.publicItems}\n`);
  }
  if (options.server !== undefined) {
    const checked = await compareWithServer(options.server, items.items, size);
    process.stdout.write(
      `the server publishes exactly the logged items (${String(checked)} read)\n`,
    );
  }
}

async function writeItems(items: PublicItemCollector, dir: string): Promise<number> {
  try {
    return await items.write(dir);
  } catch (error) {
    throw new UsageError(`cannot write the public items to ${dir}`, { cause: error });
  }
}

// `--policy FILE` (C2SP tlog-policy): the witnesses and quorum come from the policy; the log key
// too, unless the policy lists none or several, when --key names the one log to check.
async function policyKeys(file: string, options: LogOptions): Promise<TrustedKeys> {
  if (options.quorum !== undefined) {
    throw new UsageError('--quorum and --policy exclude each other: the policy sets the quorum');
  }
  const text = fromUtf8OrUsage(await readInput(file), file);
  let policy: Policy;
  try {
    policy = parsePolicy(text);
  } catch (error) {
    if (isLedgerError(error)) throw new UsageError(`--policy ${file}: ${error.message}`);
    throw error;
  }
  const given = options.key.length === 0 ? undefined : parseKeys(options.key);
  const logKeys = given === undefined ? policy.logs : [given.logKey];
  const [logKey, ...others] = logKeys;
  if (logKey === undefined || others.length > 0) {
    throw new UsageError(`the policy lists ${logKeys.length} logs: name the log's key with --key`);
  }
  const witnesses = [...policy.witnesses.values(), ...(given?.witnesses ?? [])];
  return { logKey, witnesses: [...new Set(witnesses)], quorum: 0, policy };
}

function fromUtf8OrUsage(bytes: Uint8Array, file: string): string {
  try {
    return fromUtf8(bytes);
  } catch (error) {
    throw new UsageError(`${file} is not UTF-8 text`, { cause: error });
  }
}

async function verifyNote(file: string, options: { key: string[] }): Promise<void> {
  const keys = parseVerifierKeys(options.key);
  const text = await readText(file);
  const opened = asVerification('signature', () => openNote(text, keys));
  const names = opened.verifiedBy.map((key) => key.name).join(', ');
  process.stdout.write(`OK signed by ${names}\n`);
}

interface ProofOptions {
  key: string[];
  quorum: string;
  entry?: string;
}

async function verifyProof(file: string, options: ProofOptions): Promise<void> {
  const { logKey, witnesses } = parseKeys(options.key);
  const quorum = parseCount(options.quorum, '--quorum');
  const text = await readText(file);
  const proof = asVerification('proof', () => parseTlogProof(text));
  // The extra line is not authenticated: it only tells which bytes to hash. The inclusion
  // proof then binds those bytes to the signed root, or fails.
  const entry = options.entry === undefined ? proof.extra : await readInput(options.entry);
  if (entry === undefined) {
    throw new UsageError('the proof carries no entry bytes: give the logged entry with --entry');
  }
  const leafHash = hashLeaf(entry);
  const opened = asVerification('inclusion', () =>
    verifyTlogProof({ proof, leafHash, logKey, witnesses, quorum }),
  );
  const { origin, size } = opened.checkpoint;
  process.stdout.write(
    `OK entry ${proof.index} (leaf ${toHex(leafHash)}) is in ${origin} at size ${size}\n`,
  );
}

/** Registers `verify log`, `verify note` and `verify proof`. */
export function registerVerify(program: Command): void {
  const verify = program
    .command('verify')
    .description('independent verification (exit 0 valid, 1 invalid, 2 usage or I/O)');
  verify
    .command('log')
    .description('check a tlog-tiles log: signature, witnesses, consistency, contents')
    .argument('<dir-or-url>', 'a tlog-tiles log: URL prefix or directory')
    .option('--key <vkey>', 'log key; repeat for witness keys', collect, [])
    .option('--quorum <n>', 'witness cosignatures required (default 0)')
    .option('--policy <file>', 'a C2SP tlog-policy: log key, witness keys and their quorum')
    .option('--state <file>', 'last accepted checkpoint: demand consistency, then update it')
    .option('--full', 're-hash every entry and tile; re-derive every public item')
    .option('--public-items <dir>', 'with --full: write every public item of the log as files')
    .option('--server <url>', 'with --full: the server must publish exactly the logged items')
    .action(verifyLog);
  verify
    .command('note')
    .description('check a signed note against trusted keys')
    .argument('<file>', 'a signed note')
    .requiredOption('--key <vkey>', 'a trusted key; repeatable', collect, [])
    .action(verifyNote);
  verify
    .command('proof')
    .description('check a C2SP tlog-proof receipt offline')
    .argument('<file>', 'a .tlog-proof file')
    .requiredOption('--key <vkey>', 'log key; repeat for witness keys', collect, [])
    .option('--quorum <n>', 'witness cosignatures required', '0')
    .option('--entry <file>', 'the logged entry bytes (default: the proof’s extra line)')
    .action(verifyProof);
}
