/**
 * A cache of immutable values that holds between `capacity` and 2·`capacity` entries. Two
 * generations instead of a least-recently-used list: a read of an old entry promotes it, and when
 * the young generation is full the old one is dropped whole. Every operation is O(1) with no
 * Map deletions, which V8 makes slow on large Maps (a per-entry LRU spent most of a receipt's
 * time in Map.delete). A miss only costs a re-read, so approximate recency is enough.
 */
export class BoundedCache<K, V> {
  readonly #capacity: number;
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.#young.size >= this.#capacity && !this.#young.has(key)) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}
