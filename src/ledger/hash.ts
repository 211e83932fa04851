// RFC 6962 §2.1 / RFC 9162 §2.1.1: leaves and interior nodes are hashed with distinct one-byte
// prefixes, so a leaf can never be passed off as an interior node (second-preimage defence).
import { sha256 } from '#platform';

/** Size in bytes of every hash in the log. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = SHA-256 of the empty string: the root of an empty tree. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

// Both build their input in one allocation: these run once per entry and once per node.

/** Leaf hash of one log entry: SHA-256(0x00 ‖ entry). */
export function hashLeaf(entry: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + entry.length);
  input[0] = LEAF_PREFIX;
  input.set(entry, 1);
  return sha256(input);
}

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

export { sha256 };
