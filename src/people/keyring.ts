// Every key the people domain uses, derived from the one master key (DESIGN.md §4) with
// HKDF-SHA256 (RFC 5869), one subkey per purpose, so that no key serves two purposes and a
// leaked subkey (say, the pseudonym key shared with an analysis host) opens nothing else.
import { createHmac, createSecretKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { openAead, sealAead } from './aead.ts';
import { normaliseCode } from './normalise-code.ts';

/** Bytes of the master key and of every derived key (AES-256, HMAC-SHA256). */
export const KEY_BYTES = 32;

/** The fields that have a blind index, each under its own key. */
export const BLIND_INDEX_FIELDS = ['document', 'family_name', 'full_name'] as const;

/** One of BLIND_INDEX_FIELDS. */
export type BlindIndexField = (typeof BLIND_INDEX_FIELDS)[number];

/** Seals and opens short secrets (staff TOTP secrets); same shape as src/auth's SecretBox. */
export interface SecretBox {
  /** 'v1.' + base64url(iv ‖ ciphertext ‖ tag), fit for a text column. */
  seal(plain: string): string;
  /** The plain text; throws AeadError if `sealed` was altered or sealed under another key. */
  open(sealed: string): string;
}

// Fixed HKDF salt: the master key is already uniformly random (RFC 5869 §3.1 allows a
// constant salt then); the info string names the purpose and version of each subkey.
const HKDF_SALT = 'vigil-keyring-v1';
const SECRET_BOX_AAD = 'vigil-secret-box-v1';

function derive(masterKey: Uint8Array, purpose: string): KeyObject {
  const bytes = hkdfSync('sha256', masterKey, HKDF_SALT, `vigil/${purpose}/v1`, KEY_BYTES);
  return createSecretKey(new Uint8Array(bytes));
}

function hmac(key: KeyObject, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64url');
}

// Blind indexes keep 128 of HMAC-SHA256's 256 bits: collisions stay out of reach (2^64 values
// for a birthday collision) and the index, the vault's largest table, is a quarter smaller.
const BLIND_INDEX_BYTES = 16;

function dataKeyAad(keyId: string): string {
  return `vigil-data-key-v1\u0000${keyId}`;
}

/** The keys a bulk store needs to prepare people; they can be posted to a worker thread. */
export interface PreparationKeys {
  wrapKey: KeyObject;
  blindIndexKeys: ReadonlyMap<BlindIndexField, KeyObject>;
}

/** Wrapping data keys and computing blind indexes: all that preparing a person for storage needs. */
export class PreparationKeyring {
  readonly keys: PreparationKeys;

  constructor(keys: PreparationKeys) {
    this.keys = keys;
  }

  /** `dataKey` wrapped (AES-256-GCM) under the wrap key, bound to `keyId`. */
  wrapDataKey(keyId: string, dataKey: Uint8Array): string {
    return sealAead(this.keys.wrapKey, dataKey, dataKeyAad(keyId));
  }

  /** The blind index of an already normalised value of `field` (base64url, 22 characters). */
  blindIndex(field: BlindIndexField, normalisedValue: string): string {
    const key = this.keys.blindIndexKeys.get(field);
    if (key === undefined) throw new RangeError(`no blind index for ${field}`);
    const digest = createHmac('sha256', key).update(normalisedValue, 'utf8').digest();
    return digest.subarray(0, BLIND_INDEX_BYTES).toString('base64url');
  }
}

/**
 * The people domain's keys. Holds KeyObjects only (reusing a KeyObject makes an AES or HMAC
 * operation about five times cheaper than passing raw key bytes, which matters in bulk).
 *
 * @example const keyring = new Keyring(masterKey); keyring.plateHmac('35 OU 123')
 */
export class Keyring {
  /** The subset of keys that preparing people for storage needs. */
  readonly preparation: PreparationKeyring;
  readonly #pseudonymKey: KeyObject;
  readonly #secretBoxKey: KeyObject;
  readonly #checkKey: KeyObject;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== KEY_BYTES) throw new RangeError('the master key is 32 bytes');
    this.preparation = new PreparationKeyring({
      wrapKey: derive(masterKey, 'data-key-wrap'),
      blindIndexKeys: new Map(
        BLIND_INDEX_FIELDS.map((field) => [field, derive(masterKey, `blind-index/${field}`)]),
      ),
    });
    this.#pseudonymKey = derive(masterKey, 'pseudonym');
    this.#secretBoxKey = derive(masterKey, 'secret-box');
    this.#checkKey = derive(masterKey, 'key-check');
  }

  /**
   * The keyed-HMAC pseudonym of `value` in namespace `kind` (base64url, 43 characters): stable
   * for one master key, unlinkable without it. `kind` separates namespaces, so a plate and a
   * document number that happen to be equal get different pseudonyms.
   */
  pseudonym(kind: string, value: string): string {
    return hmac(this.#pseudonymKey, `${kind}\u0000${value}`);
  }

  /**
   * The pseudonym of a vehicle plate, after normalisation: case, spaces, dashes and dots are
   * ignored and Cyrillic letters that look Latin count as Latin ("35-ОУ 123" and "35 oy-123" are one plate).
   */
  plateHmac(plate: string): string {
    return this.pseudonym('plate', normaliseCode(plate));
  }

  /** The blind index of an already normalised value of `field` (base64url, 22 characters). */
  blindIndex(field: BlindIndexField, normalisedValue: string): string {
    return this.preparation.blindIndex(field, normalisedValue);
  }

  /** A SecretBox under the secret-box subkey: survives restarts as long as the master key does. */
  createSecretBox(): SecretBox {
    const key = this.#secretBoxKey;
    return {
      seal: (plain) => sealAead(key, plain, SECRET_BOX_AAD),
      open: (sealed) => openAead(key, sealed, SECRET_BOX_AAD).toString('utf8'),
    };
  }

  /** `dataKey` wrapped (AES-256-GCM) under the wrap key, bound to `keyId`. */
  wrapDataKey(keyId: string, dataKey: Uint8Array): string {
    return this.preparation.wrapDataKey(keyId, dataKey);
  }

  /** The data key `keyId` unwrapped; throws AeadError under another master key or if altered. */
  unwrapDataKey(keyId: string, wrapped: string): KeyObject {
    const wrapKey = this.preparation.keys.wrapKey;
    return createSecretKey(openAead(wrapKey, wrapped, dataKeyAad(keyId)));
  }

  /**
   * A non-secret fingerprint of the master key (HMAC of a constant under its own subkey),
   * stored beside the data so that starting with another master key is refused at once
   * instead of surfacing as unreadable records later.
   */
  keyCheck(): string {
    return hmac(this.#checkKey, 'vigil-master-key-check');
  }
}
