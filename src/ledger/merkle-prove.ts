// Building Merkle proofs (RFC 6962 §2.1.1 PATH, §2.1.2 PROOF) from stored hashes of perfect
// subtrees. Every range that the RFC recursion hashes is a run of perfect subtrees, so a log
// only has to store (or serve, as C2SP tlog-tiles) the nodes of complete subtrees.
//
// Sizes and indexes are JS numbers, exact up to 2^53: no bit operators (they are 32-bit),
// powers of two are 2 ** k and shifts are exact divisions.
import { EMPTY_ROOT, HASH_SIZE, hashChildren } from './hash.ts';
import { LedgerError } from './ledger-error.ts';

/** The perfect subtree MTH(D[index·2^level : (index+1)·2^level]); level 0 is a leaf hash. */
export interface NodeId {
  level: number;
  index: number;
}

/**
 * Source of perfect-subtree hashes. Callers only ask for nodes fully inside the tree, and do
 * not mutate what they get: a reader may share it with its store (the readers in this module
 * return copies).
 */
export interface NodeReader {
  readNode(level: number, index: number): Uint8Array;
  /**
   * Optional memo for MTH(D[start:end]) of ranges that are not one perfect subtree (the right
   * edge of a tree): given the range and a way to compute it, return the hash. A reader kept for
   * one tree size can answer the many proofs of one checkpoint with each such hash computed once.
   */
  readRange?(start: number, end: number, compute: () => Uint8Array): Uint8Array;
}

interface Range {
  start: number;
  end: number;
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError('INVALID_ARGUMENT', `${name} must be a non-negative safe integer`);
  }
}

// The perfect subtrees that make up D[start:end], largest first. They are whole nodes of the
// tree only when start is a multiple of the smallest power of two >= end - start, which holds
// for every range in the RFC 6962 §2.1 recursion (see subtreeHash).
function rangeNodes(range: Range): NodeId[] {
  const nodes: NodeId[] = [];
  let width = 1;
  let level = 0;
  while (width * 2 <= range.end - range.start) {
    width *= 2;
    level++;
  }
  let at = range.start;
  for (; level >= 0; level--, width /= 2) {
    if (range.end - at >= width) {
      nodes.push({ level, index: at / width });
      at += width;
    }
  }
  return nodes;
}

// The largest power of two strictly below n, for n >= 2; 1 below that. Called once per level
// of the recursion, so at most 53 × 53 multiplications per proof.
function largestPowerBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// RFC 6962 §2.1.1 PATH(m, D[0:size]) as ranges, from the leaf's sibling up to the root's child.
function inclusionRanges(index: number, size: number): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  let end = size;
  let m = index;
  while (end - start > 1) {
    const k = largestPowerBelow(end - start);
    if (m < k) {
      // PATH(m, D[0:k]) : MTH(D[k:n])
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      // PATH(m - k, D[k:n]) : MTH(D[0:k])
      ranges.push({ start, end: start + k });
      m -= k;
      start += k;
    }
  }
  return ranges.reverse();
}

// RFC 6962 §2.1.2 PROOF(size1, D[0:size2]) = SUBPROOF(size1, D[0:size2], true) as ranges.
function consistencyRanges(size1: number, size2: number): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  let end = size2;
  let m = size1;
  let isWholeOldTree = true;
  while (m < end - start) {
    const k = largestPowerBelow(end - start);
    if (m <= k) {
      // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      ranges.push({ start, end: start + k });
      m -= k;
      start += k;
      isWholeOldTree = false;
    }
  }
  // SUBPROOF(m, D[m], true) = {}: the verifier already has the old root.
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}
  if (!isWholeOldTree) ranges.push({ start, end });
  return ranges.reverse();
}

function checkInclusionArgs(index: number, size: number): void {
  checkSize('index', index);
  checkSize('size', size);
  if (index >= size) {
    throw new LedgerError('INVALID_ARGUMENT', `leaf index ${index} is not below size ${size}`);
  }
}

function checkConsistencyArgs(size1: number, size2: number): void {
  checkSize('size1', size1);
  checkSize('size2', size2);
  if (size1 === 0 || size1 > size2) {
    throw new LedgerError('INVALID_ARGUMENT', `need 0 < size1 <= size2, got ${size1}, ${size2}`);
  }
}

/**
 * The perfect subtrees whose hashes make up the root of a tree of `size` leaves, left to right
 * (the "compact range" of [0, size)). Empty for size 0.
 *
 * @example
 * rootNodes(7) // [{ level: 2, index: 0 }, { level: 1, index: 2 }, { level: 0, index: 6 }]
 */
export function rootNodes(size: number): NodeId[] {
  checkSize('size', size);
  return rangeNodes({ start: 0, end: size });
}

/**
 * Every node {@link proveInclusion} reads for (`index`, `size`), in reading order, so that an
 * asynchronous client can fetch them (or their tiles) first.
 *
 * @example
 * inclusionProofNodes(2, 3) // [{ level: 1, index: 0 }]: D[0:2] is the sibling of leaf 2
 */
export function inclusionProofNodes(index: number, size: number): NodeId[] {
  checkInclusionArgs(index, size);
  return inclusionRanges(index, size).flatMap(rangeNodes);
}

/**
 * Every node {@link proveConsistency} reads for (`size1`, `size2`), in reading order.
 *
 * @example
 * consistencyProofNodes(3, 7) // (0,2) (0,3) (1,0) then (1,2) (0,6) for D[4:7], as RFC 9162 §2.1.5
 */
export function consistencyProofNodes(size1: number, size2: number): NodeId[] {
  checkConsistencyArgs(size1, size2);
  return consistencyRanges(size1, size2).flatMap(rangeNodes);
}

/**
 * MTH(D[start:end]) (RFC 6962 §2.1) for a range whose start is a multiple of the smallest power
 * of two >= end - start — true of every range in the PATH and PROOF recursions and of [0, n).
 * The range is split into perfect subtrees, which are hashed together right to left.
 * Returns a fresh array. Throws INVALID_ARGUMENT for any other range.
 *
 * @example
 * subtreeHash(reader, 4, 7) // MTH(D[4:7]) = H(node(1, 2), node(0, 6))
 */
export function subtreeHash(reader: NodeReader, start: number, end: number): Uint8Array {
  checkSize('start', start);
  checkSize('end', end);
  // The smallest power of two >= n is the largest one below 2n.
  if (end < start || start % largestPowerBelow(2 * (end - start)) !== 0) {
    throw new LedgerError('INVALID_ARGUMENT', `[${start}, ${end}) is not an aligned range`);
  }
  return hashRange(reader, { start, end });
}

function hashRange(reader: NodeReader, range: Range): Uint8Array {
  const nodes = rangeNodes(range);
  const compute = () => {
    const hashes = nodes.map((node) => reader.readNode(node.level, node.index));
    const last = hashes.pop();
    if (last === undefined) return EMPTY_ROOT.slice();
    return hashes.reduceRight((right, left) => hashChildren(left, right), last.slice());
  };
  return nodes.length > 1 && reader.readRange !== undefined
    ? reader.readRange(range.start, range.end, compute)
    : compute();
}

/**
 * Root hash of the tree of the first `size` leaves: MTH(D[0:size]), EMPTY_ROOT for size 0.
 *
 * @example
 * const root = treeRoot(new MemoryNodeReader(leafHashes), leafHashes.length);
 */
export function treeRoot(reader: NodeReader, size: number): Uint8Array {
  checkSize('size', size);
  return hashRange(reader, { start: 0, end: size });
}

/**
 * Inclusion proof of leaf `index` in the tree of `size` leaves (RFC 6962 §2.1.1 PATH, the same
 * audit path as RFC 9162 §2.1.3.1), from the leaf's sibling upwards. Throws INVALID_ARGUMENT
 * unless 0 <= index < size.
 *
 * @example
 * verifyInclusion({ index, size, leafHash, root, proof: proveInclusion(reader, index, size) });
 */
export function proveInclusion(reader: NodeReader, index: number, size: number): Uint8Array[] {
  checkInclusionArgs(index, size);
  return inclusionRanges(index, size).map((range) => hashRange(reader, range));
}

/**
 * Consistency proof between the trees of `size1` and `size2` leaves (RFC 6962 §2.1.2 PROOF, the
 * same as RFC 9162 §2.1.4.1). Empty when the sizes are equal. Throws INVALID_ARGUMENT unless
 * 0 < size1 <= size2.
 *
 * @example
 * const proof = proveConsistency(reader, checkpoint.size, latest.size);
 */
export function proveConsistency(reader: NodeReader, size1: number, size2: number): Uint8Array[] {
  checkConsistencyArgs(size1, size2);
  return consistencyRanges(size1, size2).map((range) => hashRange(reader, range));
}

function checkLeafHashes(leafHashes: readonly Uint8Array[]): void {
  leafHashes.forEach((hash, i) => {
    if (hash.length !== HASH_SIZE) {
      throw new LedgerError('INVALID_ARGUMENT', `leaf hash ${i} must be ${HASH_SIZE} bytes`);
    }
  });
}

/**
 * MTH of a list of leaf hashes, straight from the recursive definition in RFC 6962 §2.1: the
 * reference the tree-based code is tested against. Fine for small in-memory trees.
 *
 * @example
 * rootOfLeafHashes([hashLeaf(utf8('a')), hashLeaf(utf8('b'))])
 */
export function rootOfLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  checkLeafHashes(leafHashes);
  return mth(leafHashes);
}

function mth(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length > 1) {
    // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 < n.
    const k = largestPowerBelow(leaves.length);
    return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
  }
  // MTH({d(0)}) is the leaf hash itself; MTH({}) is the hash of the empty string.
  const [only] = leaves;
  return (only ?? EMPTY_ROOT).slice();
}

// The level above `level`: each pair of nodes hashed together, an odd last node dropped (it is
// not the root of a perfect subtree one level up).
function hashPairs(level: readonly Uint8Array[]): Uint8Array[] {
  const above: Uint8Array[] = [];
  let left: Uint8Array | undefined;
  for (const hash of level) {
    if (left === undefined) {
      left = hash;
    } else {
      above.push(hashChildren(left, hash));
      left = undefined;
    }
  }
  return above;
}

/**
 * A {@link NodeReader} over leaf hashes held in memory. It hashes every perfect subtree once,
 * when built (n - 1 hashes for n leaves), so reads are lookups. For tests and small trees.
 *
 * @example
 * const reader = new MemoryNodeReader(entries.map(hashLeaf));
 * const proof = proveInclusion(reader, 3, entries.length);
 */
export class MemoryNodeReader implements NodeReader {
  // #levels[l][i] is node (l, i); #levels[0] are the leaf hashes.
  readonly #levels: Uint8Array[][];

  /** Throws INVALID_ARGUMENT when a leaf hash is not 32 bytes. */
  constructor(leafHashes: readonly Uint8Array[]) {
    checkLeafHashes(leafHashes);
    let level: Uint8Array[] = leafHashes.map((hash) => hash.slice());
    this.#levels = [level];
    while (level.length > 1) {
      level = hashPairs(level);
      this.#levels.push(level);
    }
  }

  /** Hash of node (`level`, `index`), a copy; INVALID_ARGUMENT unless it is inside the tree. */
  readNode(level: number, index: number): Uint8Array {
    const hash = this.#levels[level]?.[index];
    if (hash === undefined) {
      throw new LedgerError('INVALID_ARGUMENT', `node ${level}/${index} is outside the tree`);
    }
    return hash.slice();
  }
}
