// Test helpers of the oversight slice: a passage context over a test database (a fake log, a
// real alert service and keyring), and households, journeys and contacts to seed. Synthetic only.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AlertHub } from '../../alerts/alert-hub.ts';
import { AlertService } from '../../alerts/alert.service.ts';
import { Keyring } from '../../people/keyring.ts';
import { IdentityVault } from '../../people/identity-vault.service.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { Journey } from '../database/journey.repository.ts';
import { aHousehold, aJourney, newId } from '../database/passage.fixtures.ts';
import { passageStoreOn } from '../database/passage-store.kysely.ts';
import type { WelfareContact } from '../database/welfare-contact.repository.ts';
import { formatReferenceCode } from '../model/reference-code.ts';
import type { PassageContext } from '../passage-context.ts';
import { householdCheckHmac } from '../registry/households/household-check.ts';

/** A context for the oversight services, with what the tests look at. */
export interface OversightTestContext extends PassageContext {
  readonly hub: AlertHub;
  /** Errors the services logged. */
  readonly logged: { error: unknown; what: string }[];
  /** Moves the clock. */
  setNow(at: Date): void;
}

/** A passage context on `db` whose clock starts at `now`. */
export function oversightContext(db: Kysely<Database>, now: Date): OversightTestContext {
  let index = 0;
  let clock = now;
  const sealer = new Sealer({ append: () => Promise.resolve({ index: index++ }) });
  const keyring = new Keyring(randomBytes(32));
  const hub = new AlertHub();
  const logged: { error: unknown; what: string }[] = [];
  const nowFn = () => clock;
  return {
    db,
    sealer,
    keyring,
    vault: new IdentityVault({ db, sealer, keyring, now: nowFn }),
    alerts: new AlertService({ db, sealer, hub, now: nowFn }),
    now: nowFn,
    logError: (error, what) => logged.push({ error, what }),
    hub,
    logged,
    setNow(at) {
      clock = at;
    },
  };
}

/** A household registered with a reference code and its members' birth years as checks. */
export interface SeededHousehold {
  readonly id: string;
  readonly referenceCode: string;
}

/** Stores a household staying under protection, with portal checks for `birthYears`. */
export async function seedHousehold(
  ctx: Pick<PassageContext, 'db' | 'keyring'>,
  birthYears: readonly number[],
): Promise<SeededHousehold> {
  const referenceCode = formatReferenceCode(randomBytes(8));
  const household = aHousehold({ referenceCode, intention: 'stay_under_protection' });
  await passageStoreOn(ctx.db).households.insertMany({
    households: [household],
    members: [],
    checks: birthYears.map((year) => ({
      householdId: household.id,
      checkHmac: householdCheckHmac(ctx.keyring, household.id, year),
    })),
  });
  return { id: household.id, referenceCode };
}

/** Stores scheduled contacts of `householdId` due at `dueAts`; returns them. */
export async function seedContacts(
  db: Kysely<Database>,
  householdId: string,
  dueAts: readonly Date[],
): Promise<WelfareContact[]> {
  const contacts: WelfareContact[] = dueAts.map((dueAt) => ({
    id: newId(),
    householdId,
    dueAt: dueAt.toISOString(),
    mode: 'check_in',
    state: 'scheduled',
    doneAt: null,
    doneBy: null,
  }));
  await passageStoreOn(db).welfareContacts.insertMany(contacts);
  return contacts;
}

/** Stores `count` journeys like `template` (fresh ids); returns them. */
export async function seedJourneys(
  db: Kysely<Database>,
  count: number,
  template: Partial<Journey>,
): Promise<Journey[]> {
  const journeys = Array.from({ length: count }, () => aJourney({ ...template, id: newId() }));
  await passageStoreOn(db).journeys.insertMany(journeys);
  return journeys;
}
