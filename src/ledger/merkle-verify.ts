// Verification of Merkle inclusion and consistency proofs, as specified in RFC 9162 §2.1.3.2
// and §2.1.4.2 (the same proofs as RFC 6962 §2.1.1 and §2.1.2).
//
// Every input here is attacker-controlled: a proof, a leaf hash and the tree sizes come from a
// log or a third party, only the roots may come from a verified checkpoint. Sizes and indexes
// are JS numbers, exact up to 2^53: bit operators would truncate them to 32 bits, so the RFC's
// "LSB" and "right-shift" are written as `% 2` and `Math.floor(x / 2)`.
import { equalBytes } from './bytes.ts';
import { HASH_SIZE, hashChildren } from './hash.ts';
import { LedgerError } from './ledger-error.ts';

/** What {@link verifyInclusion} needs: the leaf, where it claims to be, and the proof. */
export interface InclusionProofInput {
  /** Index of the leaf, 0-based. */
  index: number;
  /** Size of the tree the proof is for. */
  size: number;
  /** RFC 6962 leaf hash: SHA-256(0x00 ‖ entry). */
  leafHash: Uint8Array;
  /** Audit path, from the leaf's sibling up to the root's child. */
  proof: readonly Uint8Array[];
  /** Root hash of the tree of `size` leaves. */
  root: Uint8Array;
}

/** What {@link verifyConsistency} needs: two tree heads and the proof between them. */
export interface ConsistencyProofInput {
  size1: number;
  size2: number;
  root1: Uint8Array;
  root2: Uint8Array;
  proof: readonly Uint8Array[];
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `${name} must be a non-negative safe integer`);
  }
}

function checkHash(name: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) {
    throw new LedgerError('INVALID_ARGUMENT', `${name} must be ${HASH_SIZE} bytes`);
  }
}

function checkProofHashes(proof: readonly Uint8Array[]): void {
  proof.forEach((hash, i) => {
    checkHash(`proof[${i}]`, hash);
  });
}

function isPowerOfTwo(value: number): boolean {
  let rest = value;
  while (rest % 2 === 0) rest /= 2;
  return rest === 1;
}

/**
 * Recomputes the root that an inclusion proof leads to (RFC 9162 §2.1.3.2, steps 1–5 without
 * the final comparison). Useful when the root is looked up by the result.
 *
 * Throws LedgerError INVALID_ARGUMENT when a hash is not 32 bytes or a number is not a
 * non-negative safe integer, INCLUSION_FAILED when `index >= size` or the proof has the wrong
 * number of hashes for that index and size.
 *
 * @example
 * const root = rootFromInclusionProof({ index: 3, size: 7, leafHash, proof });
 */
export function rootFromInclusionProof(input: Omit<InclusionProofInput, 'root'>): Uint8Array {
  const { index, size, leafHash, proof } = input;
  checkSize('index', index);
  checkSize('size', size);
  checkHash('leafHash', leafHash);
  checkProofHashes(proof);
  if (index >= size) {
    throw new LedgerError('INCLUSION_FAILED', `leaf index ${index} is not below size ${size}`);
  }
  // fn is the position of the leaf's ancestor at the current level, sn that of the last node.
  // When they are equal and fn is a left child, it has no sibling: it is carried up unchanged.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new LedgerError('INCLUSION_FAILED', 'inclusion proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new LedgerError('INCLUSION_FAILED', 'inclusion proof is too short');
  return r;
}

/**
 * Verifies that `leafHash` is the leaf at `index` in the tree of `size` leaves with root `root`
 * (RFC 9162 §2.1.3.2). Returns nothing; throws LedgerError INCLUSION_FAILED when the proof does
 * not verify, INVALID_ARGUMENT for malformed hashes or numbers.
 *
 * @example
 * verifyInclusion({ index: 3, size: 7, leafHash: hashLeaf(entry), proof, root: checkpoint.root });
 */
export function verifyInclusion(input: InclusionProofInput): void {
  checkHash('root', input.root);
  const computed = rootFromInclusionProof(input);
  if (!equalBytes(computed, input.root)) {
    throw new LedgerError(
      'INCLUSION_FAILED',
      `leaf ${input.index} is not in the tree of size ${input.size} with that root`,
    );
  }
}

function checkConsistencyInput(input: ConsistencyProofInput): void {
  const { size1, size2, root1, root2, proof } = input;
  checkSize('size1', size1);
  checkSize('size2', size2);
  checkHash('root1', root1);
  checkHash('root2', root2);
  checkProofHashes(proof);
  // A proof from the empty tree proves nothing; refuse it rather than accept any root2.
  if (size1 === 0) throw new LedgerError('CONSISTENCY_FAILED', 'size1 must be positive');
  if (size1 > size2) {
    throw new LedgerError('CONSISTENCY_FAILED', `size1 ${size1} is larger than size2 ${size2}`);
  }
}

/**
 * Verifies that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves
 * with root `root1` (RFC 9162 §2.1.4.2).
 *
 * Policy at the edges: size1 = 0 is refused (even 0 → 0); size1 = size2 needs an empty proof and
 * equal roots; size1 > size2 is refused. Throws LedgerError CONSISTENCY_FAILED when the proof
 * does not verify, INVALID_ARGUMENT for hashes that are not 32 bytes or malformed numbers.
 *
 * @example
 * verifyConsistency({ size1: old.size, size2: next.size, root1: old.root, root2: next.root, proof });
 */
export function verifyConsistency(input: ConsistencyProofInput): void {
  checkConsistencyInput(input);
  const { size1, size2, root1, root2, proof } = input;
  if (size1 === size2) {
    if (proof.length !== 0 || !equalBytes(root1, root2)) {
      throw new LedgerError(
        'CONSISTENCY_FAILED',
        'equal sizes need an empty proof and equal roots',
      );
    }
    return;
  }
  const { fr, sr, sn } = walkConsistencyPath(input);
  if (sn !== 0 || !equalBytes(fr, root1) || !equalBytes(sr, root2)) {
    throw new LedgerError('CONSISTENCY_FAILED', `trees of size ${size1} and ${size2} differ`);
  }
}

// RFC 9162 §2.1.4.2 steps 1–6, for 0 < size1 < size2. Returns the recomputed first and second
// roots and the final sn, which step 7 requires to be 0.
function walkConsistencyPath(input: ConsistencyProofInput): {
  fr: Uint8Array;
  sr: Uint8Array;
  sn: number;
} {
  const { size1, size2, root1, proof } = input;
  // Step 2: when size1 is a power of two its root is itself a node of the second tree, so the
  // log leaves it out of the proof and the verifier puts root1 in its place.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // Step 1. An empty proof with a power-of-two size1 is caught by step 7 instead (sn stays > 0).
  const [seed, ...rest] = path;
  if (seed === undefined) throw new LedgerError('CONSISTENCY_FAILED', 'consistency proof is empty');
  // Steps 3–4: fn and sn are the last leaves of the first and second trees; climb to the top of
  // the largest perfect subtree that ends at fn, whose hash is the seed.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Steps 5–6: fr rebuilds the first root, sr the second.
  let fr = seed;
  let sr = seed;
  for (const c of rest) {
    if (sn === 0) throw new LedgerError('CONSISTENCY_FAILED', 'consistency proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return { fr, sr, sn };
}
