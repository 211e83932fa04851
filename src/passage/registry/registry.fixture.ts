// Test support for the registry's service suites: a passage context over a test database, with
// a vault under a fresh master key and a Sealer over an in-memory log whose entries the tests
// read (to check what is public, and that nothing sealed or published holds identity).
// Synthetic people only.
import type { Kysely } from 'kysely';
import type { Actor } from '../../people/access.ts';
import type { Identity } from '../../people/identity.ts';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import type { Database } from '../../store/schema.ts';
import type { PassageContext } from '../passage-context.ts';
import { registryServices } from './registry.module.ts';
import type { RegistryServices } from './registry.module.ts';

/** A registry under test: its services, its context and what it wrote to the log. */
export interface TestRegistry extends RegistryServices {
  context: PassageContext;
  /** Every log entry appended, as text (canonical JSON). */
  entries: string[];
  /** Moves the services' clock. */
  setNow(now: Date): void;
}

/** The actor of the tests (a staff id, never a name). */
export const REGISTRY_ACTOR: Actor = { id: 'staff-registry-test' };

/** Registration time of the tests: 20 Sep 2023, 09:00 UTC. */
export const REGISTERED_AT = new Date('2023-09-20T09:00:00.000Z');

/** The registry's services over `db`, clock at REGISTERED_AT. */
export function openTestRegistry(db: Kysely<Database>): TestRegistry {
  let now = REGISTERED_AT;
  const clock = () => now;
  const { vault, keyring, sealer, entries } = openTestVault(db, { now: clock });
  const context: PassageContext = {
    db,
    sealer,
    vault,
    keyring,
    alerts: { raise: () => Promise.resolve([]) },
    now: clock,
    logError: () => undefined,
  };
  return {
    ...registryServices(context),
    context,
    entries,
    setNow: (next) => {
      now = next;
    },
  };
}

/** Armen Petrosyan, registered in Armenian script only. */
export const ARMEN_HY: Identity = {
  names: [{ given: 'Արմեն', family: 'Պետրոսյան', script: 'hy' }],
  birthYear: 1979,
  sex: 'male',
  documents: [{ type: 'passport', number: 'AM7712093' }],
  phone: '+374 91 555 010',
};

/** Lusine Petrosyan, in Armenian script. */
export const LUSINE_HY: Identity = {
  names: [{ given: 'Լուսինե', family: 'Պետրոսյան', script: 'hy' }],
  birthYear: 1983,
  sex: 'female',
  documents: [],
};

/** Their son, born 2012. */
export const DAVIT_HY: Identity = {
  names: [{ given: 'Դավիթ', family: 'Պետրոսյան', script: 'hy' }],
  birthYear: 2012,
  sex: 'male',
  documents: [{ type: 'birth_certificate', number: 'BC-2012-4471' }],
};

/** Text of identity that must appear in no log entry (names, numbers, phone). */
export const IDENTITY_TEXTS = [
  'Արմեն',
  'Պետրոսյան',
  'Լուսինե',
  'Դավիթ',
  'AM7712093',
  'BC-2012-4471',
  '555 010',
];
