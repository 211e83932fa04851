// Unwrapped data keys, kept briefly. A name search decrypts tens to hundreds of candidates and
// the staff member then opens a few of them, so the same keys are unwrapped again within
// seconds; the cache saves one AES-GCM unwrap per repeat. It is small and bounded on purpose:
// every unwrapped key in memory widens what a memory dump would expose, so it holds only the
// recently used few, and a shredded record's key is dropped at once. It never decides whether
// a record is readable: the caller checks the stored key row (destroyed or not) on every read,
// so another process that shredded the record is obeyed even if this cache still holds its key.
import type { KeyObject } from 'node:crypto';

/** Keys kept by default: a few searches' worth of candidates. */
export const DATA_KEY_CACHE_SIZE = 1024;

/** A least-recently-used map of key id → unwrapped data key. */
export class DataKeyCache {
  readonly #capacity: number;
  // A Map iterates in insertion order; re-inserting on use makes the first entry the LRU one.
  readonly #keys = new Map<string, KeyObject>();

  constructor(capacity = DATA_KEY_CACHE_SIZE) {
    this.#capacity = capacity;
  }

  /** The cached key, marked as just used. */
  get(keyId: string): KeyObject | undefined {
    const key = this.#keys.get(keyId);
    if (key !== undefined) {
      this.#keys.delete(keyId);
      this.#keys.set(keyId, key);
    }
    return key;
  }

  /** Caches `key`, evicting the least recently used one when full. */
  set(keyId: string, key: KeyObject): void {
    this.#keys.delete(keyId);
    this.#keys.set(keyId, key);
    if (this.#keys.size > this.#capacity) {
      const oldest = this.#keys.keys().next();
      if (oldest.done !== true) this.#keys.delete(oldest.value);
    }
  }

  /** Forgets `keyId` (its record was shredded). */
  delete(keyId: string): void {
    this.#keys.delete(keyId);
  }

  /** How many keys are cached. */
  get size(): number {
    return this.#keys.size;
  }
}
