// C2SP tlog-policy: which logs and witnesses a verifier trusts, and which witnesses must cosign.
// A policy file may be handed over by a third party together with a proof, so parsePolicy
// treats it as attacker-controlled and throws only LedgerError('MALFORMED_POLICY').
import { toHex } from './bytes.ts';
import { LedgerError } from './ledger-error.ts';
import { SIG_COSIGNATURE_V1, SIG_ED25519, parseVerifierKey } from './note-keys.ts';
import type { VerifierKey } from './note-keys.ts';

const NONE = 'none';
const THRESHOLD = /^[1-9][0-9]*$/;
const MAX_POLICY_LENGTH = 1 << 20;

/** A parsed trust policy (C2SP tlog-policy §"What is a policy?"). URLs are not kept. */
export interface Policy {
  /** Logs whose checkpoints are accepted (Ed25519 keys named after the log's origin). */
  logs: VerifierKey[];
  /** Witness name → cosignature/v1 key. */
  witnesses: Map<string, VerifierKey>;
  /** Group name → threshold and member names, in definition order (members precede groups). */
  groups: Map<string, { threshold: number; members: string[] }>;
  /** `none`, or the witness or group whose witnessing makes a checkpoint valid. */
  quorum: string;
}

interface Builder extends Policy {
  /** Hex public keys of logs and of witnesses, to refuse duplicates (§"Public key representation"). */
  logKeys: Set<string>;
  witnessKeys: Set<string>;
  hasQuorum: boolean;
}

/**
 * Parses a policy file (C2SP tlog-policy §"Policy file syntax and structure"): `log <vkey> [url]`,
 * `witness <name> <vkey> [url]`, `group <name> all|any|<k> <member>...`, exactly one
 * `quorum <name>`, comments and blank lines. Names must be defined before use. Log keys must be
 * Ed25519 (0x01) and witness keys cosignature/v1 (0x04). Throws MALFORMED_POLICY naming the line.
 *
 * @example parsePolicy('log example.com/log+…\nwitness w1 w1.example+…\nquorum w1\n')
 */
export function parsePolicy(text: string): Policy {
  if (text.length > MAX_POLICY_LENGTH) {
    throw new LedgerError('MALFORMED_POLICY', 'policy is longer than 1 MiB');
  }
  const builder: Builder = {
    logs: [],
    witnesses: new Map(),
    groups: new Map(),
    quorum: NONE,
    logKeys: new Set(),
    witnessKeys: new Set(),
    hasQuorum: false,
  };
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    parseLine(builder, line, i + 1);
  });
  if (!builder.hasQuorum) throw policyError(lines.length, 'policy has no quorum line');
  const { logs, witnesses, groups, quorum } = builder;
  return { logs, witnesses, groups, quorum };
}

/**
 * True when the witnesses named in `verifiedWitnessNames` (names of policy witnesses whose
 * cosignature verified) satisfy the policy's quorum. A group is satisfied when at least its
 * threshold of members are; groups are evaluated in definition order, which parsePolicy
 * guarantees lists members before the groups that use them.
 *
 * @example isQuorumMet(policy, witnessNamesFor(policy, opened.witnesses))
 */
export function isQuorumMet(policy: Policy, verifiedWitnessNames: ReadonlySet<string>): boolean {
  if (policy.quorum === NONE) return true;
  const satisfied = new Set<string>();
  for (const name of policy.witnesses.keys()) {
    if (verifiedWitnessNames.has(name)) satisfied.add(name);
  }
  for (const [name, group] of policy.groups) {
    const count = group.members.filter((member) => satisfied.has(member)).length;
    if (count >= group.threshold) satisfied.add(name);
  }
  return satisfied.has(policy.quorum);
}

/**
 * Names of the policy witnesses among `verified` keys (same vkey text).
 *
 * @example witnessNamesFor(policy, openCheckpoint(note, { logKey, witnesses: [...policy.witnesses.values()] }).witnesses)
 */
export function witnessNamesFor(policy: Policy, verified: readonly VerifierKey[]): Set<string> {
  const texts = new Set(verified.map((key) => key.text));
  const names = new Set<string>();
  for (const [name, key] of policy.witnesses) {
    if (texts.has(key.text)) names.add(name);
  }
  return names;
}

function parseLine(builder: Builder, line: string, n: number): void {
  for (let i = 0; i < line.length; i++) {
    // §"Character set": tab, newline, 0x20–0x7E and non-ASCII only.
    const code = line.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) {
      throw policyError(n, 'control character');
    }
  }
  const [keyword, ...args] = line.split(/[ \t]+/).filter((field) => field !== '');
  if (keyword === undefined || keyword.startsWith('#')) return;
  if (keyword === 'log') addLog(builder, args, n);
  else if (keyword === 'witness') addWitness(builder, args, n);
  else if (keyword === 'group') addGroup(builder, args, n);
  else if (keyword === 'quorum') setQuorum(builder, args, n);
  else throw policyError(n, `unknown keyword ${keyword}`);
}

function addLog(builder: Builder, args: readonly string[], n: number): void {
  const [vkey, , ...rest] = args;
  if (vkey === undefined || rest.length > 0) throw policyError(n, 'expected log <vkey> [<url>]');
  const key = parseKey(vkey, SIG_ED25519, n);
  addKey(builder.logKeys, key, n);
  builder.logs.push(key);
}

function addWitness(builder: Builder, args: readonly string[], n: number): void {
  const [name, vkey, , ...rest] = args;
  if (name === undefined || vkey === undefined || rest.length > 0) {
    throw policyError(n, 'expected witness <name> <vkey> [<url>]');
  }
  checkNewName(builder, name, n);
  const key = parseKey(vkey, SIG_COSIGNATURE_V1, n);
  addKey(builder.witnessKeys, key, n);
  builder.witnesses.set(name, key);
}

function addGroup(builder: Builder, args: readonly string[], n: number): void {
  const [name, k, ...members] = args;
  if (name === undefined || k === undefined || members.length === 0) {
    throw policyError(n, 'expected group <name> <k> <member>...');
  }
  checkNewName(builder, name, n);
  if (new Set(members).size !== members.length) throw policyError(n, 'member listed twice');
  const unknown = members.find((m) => !isDefined(builder, m));
  if (unknown !== undefined) throw policyError(n, `${unknown} is not defined above`);
  builder.groups.set(name, { threshold: parseThreshold(k, members.length, n), members });
}

function setQuorum(builder: Builder, args: readonly string[], n: number): void {
  const [name, ...rest] = args;
  if (name === undefined || rest.length > 0 || builder.hasQuorum) {
    throw policyError(n, 'expected one quorum <name>');
  }
  if (name !== NONE && !isDefined(builder, name)) {
    throw policyError(n, `${name} is not defined above`);
  }
  builder.quorum = name;
  builder.hasQuorum = true;
}

/** `all`, `any` or a decimal k with 1 <= k <= n (§"Defining a witness group"). */
function parseThreshold(k: string, count: number, n: number): number {
  const threshold = k === 'all' ? count : k === 'any' ? 1 : THRESHOLD.test(k) ? Number(k) : 0;
  if (threshold < 1 || threshold > count) {
    throw policyError(n, `threshold ${k} is not all, any or 1..${count}`);
  }
  return threshold;
}

function parseKey(vkey: string, type: number, n: number): VerifierKey {
  let key: VerifierKey;
  try {
    key = parseVerifierKey(vkey);
  } catch (cause) {
    throw policyError(n, 'malformed vkey', cause);
  }
  if (key.type !== type) throw policyError(n, `vkey must have signature type ${type}`);
  return key;
}

function addKey(seen: Set<string>, key: VerifierKey, n: number): void {
  const hex = toHex(key.publicKey);
  if (seen.has(hex)) throw policyError(n, `public key of ${key.name} is listed twice`);
  seen.add(hex);
}

function isDefined(builder: Builder, name: string): boolean {
  return builder.witnesses.has(name) || builder.groups.has(name);
}

function checkNewName(builder: Builder, name: string, n: number): void {
  if (name === NONE || isDefined(builder, name)) {
    throw policyError(n, `name ${name} is reserved or already defined`);
  }
}

function policyError(line: number, message: string, cause?: unknown): LedgerError {
  return new LedgerError('MALFORMED_POLICY', `policy line ${line}: ${message}`, { cause });
}
