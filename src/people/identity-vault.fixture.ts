// A vault for tests: a fresh keyring and a Sealer over an in-memory log whose entries the test
// can inspect (to check that nothing sealed holds plaintext identity).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import type { Actor } from './access.ts';
import { IdentityVault } from './identity-vault.service.ts';
import type { IdentityVaultOptions } from './identity-vault.service.ts';
import type { Identity } from './identity.ts';
import { Keyring } from './keyring.ts';
import type { PersonInput } from './person-record.ts';

/** A vault under test and what it wrote to its log. */
export interface TestVault {
  vault: IdentityVault;
  keyring: Keyring;
  masterKey: Uint8Array;
  sealer: Sealer;
  /** Every log entry appended, as text. */
  entries: string[];
}

/** An actor for tests. */
export const TEST_ACTOR: Actor = { id: 'staff:test-hotline' };

/** A vault over `db` with a new master key (or `masterKey`). */
export function openTestVault(
  db: Kysely<Database>,
  options: { masterKey?: Uint8Array } & Partial<IdentityVaultOptions> = {},
): TestVault {
  const masterKey = options.masterKey ?? new Uint8Array(randomBytes(32));
  const keyring = new Keyring(masterKey);
  const entries: string[] = [];
  const decoder = new TextDecoder();
  const sealer = new Sealer({
    append: (entry) => {
      entries.push(decoder.decode(entry));
      return Promise.resolve({ index: entries.length - 1 });
    },
  });
  const vault = new IdentityVault({ db, sealer, keyring, ...options });
  return { vault, keyring, masterKey, sealer, entries };
}

/** Anna Petrosyan, registered in Armenian and English. */
export const ANNA: Identity = {
  names: [
    { given: 'Աննա', family: 'Պետրոսյան', script: 'hy' },
    { given: 'Anna', family: 'Petrosyan', patronymic: 'Armenovna', script: 'en' },
  ],
  birthDate: '1984-03-17',
  birthYear: 1984,
  sex: 'female',
  documents: [{ type: 'passport', number: 'AN0498127' }],
  phone: '+374 91 234567',
};

/** Elnur Məmmədov, registered in Azerbaijani. */
export const ELNUR: Identity = {
  names: [{ given: 'Elnur', family: 'Məmmədov', script: 'az' }],
  birthYear: 1990,
  sex: 'male',
  documents: [{ type: 'national_id', number: 'AZE 7731-554' }],
};

/** A PersonInput for `identity` in household `householdRef`, raw passage retention. */
export function personInput(
  identity: Identity,
  householdRef = 'household-1',
  retention: PersonInput['retention'] = { category: 'passage_raw' },
): PersonInput {
  return { identity, householdRef, retention };
}
