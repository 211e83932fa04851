// Registering a household (DOMAIN.md §4: pre-registration, with consent, before a passage).
// Order, and why:
// 1. parse and check everything (schema, birth years, origin place) — a rejected request
//    writes nothing, not even a log entry;
// 2. store the identities in the vault (its own transaction; operational tables get refs);
// 3. seal the household, journeys and welfare contacts, then write them with their seals in
//    one transaction, under a fresh reference code — drawn again if it collides with one in
//    use (60 random bits: only a broken random source collides twice);
// 4. record the consents given or refused (refusing never blocks the registration).
// If step 3 fails for another reason, the vault keeps identities no household names; they
// expire with the registration retention like any other.
import { randomBytes as cryptoRandomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Actor, PersonRef } from '../../../people/access.ts';
import type { ConsentService } from '../../../people/consent.service.ts';
import type { IdentityVault } from '../../../people/identity-vault.service.ts';
import type { Keyring } from '../../../people/keyring.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Seal, Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { ageBandOf } from '../../model/age-band.ts';
import { formatReferenceCode } from '../../model/reference-code.ts';
import { parseInput, unknownReference } from '../registry-input.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { registrationSchema } from './household.schema.ts';
import type { ParsedRegistration, RegistrationInput } from './household.schema.ts';
import { planRegistration } from './registration-plan.ts';
import type { PlannedMember, RegistrationPlan } from './registration-plan.ts';

/** What registration needs. */
export interface RegistrationDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'sealMany'>;
  vault: Pick<IdentityVault, 'storePeople'>;
  keyring: Pick<Keyring, 'pseudonym'>;
  consents: Pick<ConsentService, 'recordConsent'>;
  now: () => Date;
  /** Random bytes for reference codes (tests inject collisions); default node:crypto. */
  randomBytes?: (size: number) => Uint8Array;
}

/** What a registration answers (the reference code is shown this once). */
export interface Registration {
  householdId: string;
  referenceCode: string;
  members: { personRef: PersonRef }[];
}

/** Reference codes drawn before giving up on a broken random source. */
const CODE_ATTEMPTS = 5;
const REFERENCE_CODE_INDEX = {
  name: 'household_reference_code_unique',
  column: 'household.reference_code',
};

/** Registers households. */
export class HouseholdRegistrationService {
  readonly #deps: RegistrationDeps;
  readonly #random: (size: number) => Uint8Array;

  constructor(deps: RegistrationDeps) {
    this.#deps = deps;
    this.#random = deps.randomBytes ?? ((size) => new Uint8Array(cryptoRandomBytes(size)));
  }

  /**
   * Registers a household. Throws 'invalid_request' for bad input (including a birth year
   * after this year or an unknown origin place); nothing is written then.
   *
   * @example await registration.register({ intention: 'leave', members: [{ identity }] }, actor)
   */
  async register(input: RegistrationInput, actor: Actor): Promise<Registration> {
    const parsed = parseInput(registrationSchema, input, 'household');
    const registeredAt = this.#deps.now();
    const drafts = memberDrafts(parsed, registeredAt.getUTCFullYear());
    const originPlaceId = parsed.originPlaceId ?? null;
    await this.#requirePlace(originPlaceId);
    const householdId = randomUUID();
    const personRefs = await this.#deps.vault.storePeople(
      parsed.members.map((member) => ({
        identity: member.identity,
        householdRef: householdId,
        retention: { category: 'registration', from: registeredAt },
      })),
      actor,
    );
    const plan = planRegistration({
      householdId,
      intention: parsed.intention,
      originPlaceId,
      members: drafts.map((draft, index) => ({ ...draft, personRef: refAt(personRefs, index) })),
      registeredAt,
      keyring: this.#deps.keyring,
      actorId: actor.id,
    });
    const referenceCode = await this.#store(plan, await this.#deps.sealer.sealMany(plan.entries));
    for (const { purpose, granted } of parsed.consents ?? []) {
      const decision = granted ? 'granted' : 'refused';
      await this.#deps.consents.recordConsent(
        { subjectRef: householdId, purpose, decision },
        actor,
      );
    }
    return { householdId, referenceCode, members: personRefs.map((personRef) => ({ personRef })) };
  }

  async #requirePlace(placeId: string | null): Promise<void> {
    if (placeId === null) return;
    const place = await passageStoreOn(this.#deps.db).places.get(placeId);
    if (place === undefined) throw unknownReference('originPlaceId', 'place');
  }

  async #store(plan: RegistrationPlan, seals: readonly Seal[]): Promise<string> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const referenceCode = formatReferenceCode(this.#random(8));
      try {
        await this.#deps.db.transaction().execute(async (trx) => {
          const store = passageStoreOn(trx);
          const { members, checks } = plan;
          await store.households.insertMany({
            households: [{ ...plan.household, referenceCode }],
            members,
            checks,
          });
          await store.journeys.insertMany(plan.journeys);
          await store.welfareContacts.insertMany(plan.contacts);
          await insertSeals(trx, seals);
        });
        return referenceCode;
      } catch (error) {
        if (!isUniqueViolation(error, REFERENCE_CODE_INDEX)) throw error;
      }
    }
    throw new DomainError('internal', `no free reference code in ${CODE_ATTEMPTS} draws`);
  }
}

// The operational fields of each member, age band at the registration year. A birth year
// after it is refused here, before anything is written, naming the path only (the year itself
// is identity and stays out of errors).
function memberDrafts(
  registration: ParsedRegistration,
  year: number,
): Omit<PlannedMember, 'personRef'>[] {
  return registration.members.map((member, index) => {
    const { birthYear, sex } = member.identity;
    if (birthYear > year) {
      throw new DomainError('invalid_request', 'a birth year is after the registration', {
        details: [{ path: `members.${index}.identity.birthYear`, code: 'after_registration' }],
      });
    }
    return {
      sex,
      ageBand: ageBandOf(birthYear, year),
      flags: member.flags ?? [],
      familyGroup: member.familyGroup,
      birthYear,
    };
  });
}

function refAt(refs: readonly PersonRef[], index: number): PersonRef {
  const ref = refs[index];
  if (ref === undefined) throw new DomainError('internal', 'the vault returned too few refs');
  return ref;
}
