// Step one of any audit: fetch the checkpoint, check the log's signature and the witness
// quorum, and, given the last checkpoint this auditor accepted, demand that the new one extends
// it (RFC 9162 §2.1.4), computing the consistency proof from the log's own tiles.
import { fromUtf8 } from '../ledger/bytes.ts';
import { openCheckpoint } from '../ledger/checkpoint.ts';
import type { OpenedCheckpoint } from '../ledger/checkpoint.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { consistencyProofNodes, proveConsistency } from '../ledger/merkle-prove.ts';
import { verifyConsistency } from '../ledger/merkle-verify.ts';
import type { VerifierKey } from '../ledger/note-keys.ts';
import { isQuorumMet, witnessNamesFor } from '../ledger/policy.ts';
import type { Policy } from '../ledger/policy.ts';
import { equalBytes } from '../ledger/bytes.ts';
import type { LogSource } from './log-source.ts';
import { readNodes } from './read-nodes.ts';
import { VerificationError } from './verification-error.ts';

/** The keys an auditor trusts. */
export interface TrustedKeys {
  logKey: VerifierKey;
  witnesses: readonly VerifierKey[];
  quorum: number;
  /** A C2SP tlog-policy whose quorum the cosignatures must also meet. */
  policy?: Policy | undefined;
}

/** Opens `note` under `keys`, turning any ledger refusal into a VerificationError. */
export function openTrustedCheckpoint(note: string, keys: TrustedKeys): OpenedCheckpoint {
  let opened: OpenedCheckpoint;
  try {
    opened = openCheckpoint(note, { logKey: keys.logKey, witnesses: keys.witnesses });
  } catch (error) {
    if (isLedgerError(error))
      throw new VerificationError('signature', error.message, { cause: error });
    throw error;
  }
  if (opened.witnesses.length < keys.quorum) {
    throw new VerificationError(
      'quorum',
      `${opened.witnesses.length} of the required ${keys.quorum} witness cosignatures verified`,
    );
  }
  const { policy } = keys;
  if (policy !== undefined && !isQuorumMet(policy, witnessNamesFor(policy, opened.witnesses))) {
    const names = [...witnessNamesFor(policy, opened.witnesses)].join(', ') || 'none';
    throw new VerificationError(
      'quorum',
      `the policy quorum ${policy.quorum} is not met (cosigned by: ${names})`,
    );
  }
  return opened;
}

/** Fetches and opens the source's current checkpoint. */
export async function fetchCheckpoint(
  source: LogSource,
  keys: TrustedKeys,
): Promise<OpenedCheckpoint> {
  const bytes = await source.get('checkpoint');
  if (bytes === undefined)
    throw new VerificationError('checkpoint', 'the log serves no checkpoint');
  let note: string;
  try {
    note = fromUtf8(bytes);
  } catch (error) {
    throw new VerificationError('checkpoint', 'not UTF-8', { cause: error });
  }
  return openTrustedCheckpoint(note, keys);
}

/** Proves that `current` extends `previous`, from tiles served by `source`. */
export async function checkConsistency(
  source: LogSource,
  previous: OpenedCheckpoint,
  current: OpenedCheckpoint,
): Promise<void> {
  const old = previous.checkpoint;
  const now = current.checkpoint;
  if (old.size > now.size) {
    throw new VerificationError('consistency', `the tree shrank from ${old.size} to ${now.size}`);
  }
  if (old.size === now.size || old.size === 0) {
    if (old.size === now.size && !equalBytes(old.rootHash, now.rootHash)) {
      throw new VerificationError('consistency', `two different trees of size ${now.size}`);
    }
    return;
  }
  const reader = await readNodes(source, consistencyProofNodes(old.size, now.size), now.size);
  try {
    const proof = proveConsistency(reader, old.size, now.size);
    verifyConsistency({
      size1: old.size,
      size2: now.size,
      root1: old.rootHash,
      root2: now.rootHash,
      proof,
    });
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new VerificationError('consistency', `${old.size} → ${now.size}: ${error.message}`, {
      cause: error,
    });
  }
}
