// The witness's state machine for one log (C2SP tlog-witness@v1.0.0 §add-checkpoint): given the
// latest checkpoint it cosigned and a request whose signature already verified, may it cosign?
// Pure: no I/O, so the store can run it inside the transaction that persists the result.
import { equalBytes } from '../ledger/bytes.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';
import { EMPTY_ROOT } from '../ledger/hash.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { verifyConsistency } from '../ledger/merkle-verify.ts';
import { WitnessError } from './witness-error.ts';

/** What the witness remembers per log: the tree head of the latest checkpoint it cosigned. */
export interface CosignedHead {
  size: number;
  rootHash: Uint8Array;
}

/** A request whose checkpoint signature has verified. */
export interface VerifiedRequest {
  oldSize: number;
  proof: readonly Uint8Array[];
  checkpoint: Checkpoint;
}

/**
 * Throws unless the witness may cosign `request.checkpoint` having cosigned `current` (undefined:
 * never cosigned this log, which counts as size 0). In order:
 * - old size above the checkpoint size: malformed_request (400);
 * - old size other than the cosigned size: conflict (409) with the cosigned size;
 * - a size-0 checkpoint whose root is not SHA-256(""): inconsistent (422);
 * - old size 0 with a non-empty proof: inconsistent (422) — the empty tree needs no proof;
 * - the cosigned size again with another root: conflict (409), a split view;
 * - a proof that does not verify RFC 6962 §2.1.2 consistency: inconsistent (422).
 *
 * @example checkAdvance({ size: 5, rootHash }, { oldSize: 5, proof, checkpoint })
 */
export function checkAdvance(current: CosignedHead | undefined, request: VerifiedRequest): void {
  const { oldSize, proof, checkpoint } = request;
  if (oldSize > checkpoint.size) {
    throw new WitnessError('malformed_request', `old size ${oldSize} exceeds the checkpoint's`);
  }
  const knownSize = current?.size ?? 0;
  if (oldSize !== knownSize) {
    throw new WitnessError('conflict', `old size ${oldSize} is not ${knownSize}`, knownSize);
  }
  if (checkpoint.size === 0 && !equalBytes(checkpoint.rootHash, EMPTY_ROOT)) {
    throw new WitnessError('inconsistent', 'an empty tree has the root SHA-256("")');
  }
  if (current === undefined || oldSize === 0) {
    if (proof.length > 0) throw new WitnessError('inconsistent', 'old size 0 needs no proof');
    return;
  }
  if (checkpoint.size === current.size && !equalBytes(checkpoint.rootHash, current.rootHash)) {
    throw new WitnessError('conflict', `a different tree of size ${knownSize}`, knownSize);
  }
  try {
    verifyConsistency({
      size1: current.size,
      size2: checkpoint.size,
      root1: current.rootHash,
      root2: checkpoint.rootHash,
      proof,
    });
  } catch (error) {
    if (!isLedgerError(error)) throw error;
    throw new WitnessError('inconsistent', error.message);
  }
}
