// What the services of the mission's operations need, taken from the passage context.
import type { Kysely } from 'kysely';
import type { Keyring } from '../../people/keyring.ts';
import type { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';

/** The collaborators of the restriction, patrol and hotline services. */
export interface OperationsDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  /** Hotline callers' pseudonyms. */
  keyring: Pick<Keyring, 'pseudonym'>;
  now: () => Date;
}
