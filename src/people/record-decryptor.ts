// Opening a stored record: unwrap (or take from the cache) its data key, then decrypt. Any
// failure to authenticate becomes one clear error that names the record, never its content.
import type { KeyObject } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import { AeadError } from './aead.ts';
import { DataKeyCache } from './data-key-cache.ts';
import { decodeFields } from './identity-fields.ts';
import type { EncryptedFields } from './identity-fields.ts';
import type { StoredPerson } from './identity-vault.repository.ts';
import type { Keyring } from './keyring.ts';

/** Decrypts stored records with their data keys, caching recently unwrapped keys. */
export class RecordDecryptor {
  readonly #keyring: Keyring;
  readonly #keys: DataKeyCache;

  constructor(keyring: Keyring, cacheSize?: number) {
    this.#keyring = keyring;
    this.#keys = new DataKeyCache(cacheSize);
  }

  /**
   * Runs `read` with the record's data key and fields. Throws DomainError 'internal' when the
   * key or a field does not authenticate (the record was altered, or the master key is not
   * the one it was written under). The caller has checked that the record is not destroyed.
   */
  decrypt<T>(row: StoredPerson, read: (key: KeyObject, fields: EncryptedFields) => T): T {
    try {
      let key = this.#keys.get(row.keyId);
      if (key === undefined) {
        key = this.#keyring.unwrapDataKey(row.keyId, row.wrappedKey);
        this.#keys.set(row.keyId, key);
      }
      return read(key, decodeFields(row.fields));
    } catch (cause) {
      if (!(cause instanceof AeadError)) throw cause;
      throw new DomainError(
        'internal',
        `identity record ${row.personRef} does not authenticate: it was altered, or the ` +
          'master key is not the one it was written under',
        { cause },
      );
    }
  }

  /** Drops the cached key `keyId` (its record was shredded). */
  forget(keyId: string): void {
    this.#keys.delete(keyId);
  }
}
