// RFC 6962 §2.1 / RFC 9162 §2.1.1: leaves and interior nodes are hashed with distinct one-byte
// prefixes, so a leaf can never be passed off as an interior node (second-preimage defence).
import { sha256 } from '#platform';
import { concatBytes } from './bytes.ts';

/** Size in bytes of every hash in the log. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

/** MTH({}) = SHA-256 of the empty string: the root of an empty tree. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** Leaf hash of one log entry: SHA-256(0x00 ‖ entry). */
export function hashLeaf(entry: Uint8Array): Uint8Array {
  return sha256(concatBytes(LEAF_PREFIX, entry));
}

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concatBytes(NODE_PREFIX, left, right));
}

export { sha256 };
