// A registered household after registration: its operational view (pseudonyms, sex, age
// bands, flags, journey states, welfare contacts, consents; never identity), a change of
// intention (see intention-plan.ts for what it adds and cancels), and consent decisions about
// the household or its members.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Actor } from '../../../people/access.ts';
import type { ConsentService } from '../../../people/consent.service.ts';
import type { ConsentRecord } from '../../../people/consent.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Household, Member } from '../../database/household.repository.ts';
import type { MemberFlag } from '../../database/passage-vocabulary.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { WelfareContact } from '../../database/welfare-contact.repository.ts';
import { parseInput, unknownReference } from '../registry-input.ts';
import { journeysOfHousehold } from './household-reads.kysely.ts';
import type { HouseholdJourney } from './household-reads.kysely.ts';
import { householdConsentSchema, intentionChangeSchema } from './household.schema.ts';
import type { HouseholdConsentInput, IntentionChangeInput } from './household.schema.ts';
import { cancelContacts, intentionEntries, planIntention } from './intention-plan.ts';
import { REGISTRY_KINDS } from './registration-plan.ts';

/** What the household service needs. */
export interface HouseholdServiceDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'sealMany'>;
  consents: Pick<ConsentService, 'recordConsent' | 'hasConsent' | 'consentHistory'>;
  now: () => Date;
}

/** A member in the operational view, with the member's journeys. */
export interface MemberView extends Omit<Member, 'householdId' | 'flags'> {
  flags: MemberFlag[];
  journeys: Omit<HouseholdJourney, 'personRef'>[];
}

/** The operational view of a household. */
export interface HouseholdView extends Omit<Household, 'referenceCode'> {
  members: MemberView[];
  welfareContacts: Omit<WelfareContact, 'householdId' | 'doneBy'>[];
  /** Decisions about the household and its members, by subject, purpose, version. */
  consents: ConsentRecord[];
}

/** Reads a household, changes its intention and records consents about it. */
export class HouseholdService {
  readonly #deps: HouseholdServiceDeps;

  constructor(deps: HouseholdServiceDeps) {
    this.#deps = deps;
  }

  /** The household's operational view; 'not_found' if unknown. */
  async view(id: string): Promise<HouseholdView> {
    const { db, consents } = this.#deps;
    const store = passageStoreOn(db);
    const household = await this.#household(id);
    const members = await store.households.listMembers(id);
    const journeys = await journeysOfHousehold(db, id);
    const contacts = await store.welfareContacts.listForHousehold(id);
    const decisions = await consents.consentHistory(id);
    for (const member of members) {
      decisions.push(...(await consents.consentHistory(member.personRef)));
    }
    return {
      id: household.id,
      intention: household.intention,
      registeredAt: household.registeredAt,
      originPlaceId: household.originPlaceId,
      memberCount: household.memberCount,
      version: household.version,
      members: members.map((member) => memberView(member, journeys)),
      welfareContacts: contacts.map((contact) => ({
        id: contact.id,
        dueAt: contact.dueAt,
        mode: contact.mode,
        state: contact.state,
        doneAt: contact.doneAt,
      })),
      consents: decisions,
    };
  }

  /**
   * Changes the household's intention at the version the caller read. Throws 'not_found',
   * 'conflict' (stale version) or 'invalid_request'. The same intention again changes nothing.
   */
  async changeIntention(
    id: string,
    input: IntentionChangeInput,
    actor: Actor,
  ): Promise<HouseholdView> {
    const { intention, version } = parseInput(intentionChangeSchema, input, 'intention change');
    const household = await this.#household(id);
    if (household.version !== version) {
      throw new DomainError('conflict', `household ${id} changed meanwhile`, {
        details: { id, expectedVersion: version, currentVersion: household.version },
      });
    }
    if (household.intention === intention) return this.view(id);
    const plan = await planIntention(this.#deps.db, { household, intention, at: this.#deps.now() });
    const entries = intentionEntries(household, intention, plan, actor);
    const seals = await this.#deps.sealer.sealMany(entries);
    await this.#deps.db.transaction().execute(async (trx) => {
      const store = passageStoreOn(trx);
      await store.households.changeIntention({ id, intention, expectedVersion: version });
      await store.journeys.insertMany(plan.journeys);
      await store.welfareContacts.insertMany(plan.contacts);
      const kept = await cancelContacts(store, plan.cancelled, actor);
      // A contact made (or missed) meanwhile keeps its state; its cancellation is not stored.
      await insertSeals(
        trx,
        seals.filter((seal) => !(seal.kind === REGISTRY_KINDS.welfareContact && kept.has(seal.id))),
      );
    });
    return this.view(id);
  }

  /**
   * Records a consent decision about the household, or one of its members (`subjectRef`).
   * `granted: false` withdraws a consent currently granted, and is a refusal otherwise.
   */
  async recordConsent(
    householdId: string,
    input: HouseholdConsentInput,
    actor: Actor,
  ): Promise<ConsentRecord> {
    const { subjectRef, purpose, granted } = parseInput(householdConsentSchema, input, 'consent');
    const { db, consents } = this.#deps;
    await this.#household(householdId);
    if (subjectRef !== undefined) {
      const members = await passageStoreOn(db).households.listMembers(householdId);
      if (!members.some((member) => member.personRef === subjectRef)) {
        throw unknownReference('subjectRef', 'member of this household');
      }
    }
    const subject = subjectRef ?? householdId;
    const decision = granted
      ? 'granted'
      : (await consents.hasConsent(subject, purpose))
        ? 'withdrawn'
        : 'refused';
    return consents.recordConsent({ subjectRef: subject, purpose, decision }, actor);
  }

  async #household(id: string): Promise<Household> {
    const household = await passageStoreOn(this.#deps.db).households.get(id);
    if (household === undefined) throw new DomainError('not_found', 'no such household');
    return household;
  }
}

function memberView(member: Member, journeys: readonly HouseholdJourney[]): MemberView {
  return {
    personRef: member.personRef,
    sex: member.sex,
    ageBand: member.ageBand,
    flags: [...member.flags],
    familyGroupId: member.familyGroupId,
    journeys: journeys
      .filter((journey) => journey.personRef === member.personRef)
      .map((journey) => ({
        id: journey.id,
        state: journey.state,
        version: journey.version,
        operationId: journey.operationId,
        lastPlaceId: journey.lastPlaceId,
        lastSeenAt: journey.lastSeenAt,
        expectedBy: journey.expectedBy,
        arrivedAt: journey.arrivedAt,
      })),
  };
}
