// One household's registration as the registry would write it, planned in memory: the
// household row with a fresh reference code, its members by pseudonym, one portal check per
// distinct birth year, each member's journey (in the state the whole scenario leaves it in: see
// journey-book.ts) and the welfare contacts of a household that stays; and its sealed entries.
import { randomBytes } from 'node:crypto';
import type { Household as HouseholdRow } from '../../passage/database/household.repository.ts';
import type { HouseholdCheck, Member } from '../../passage/database/household.repository.ts';
import type { Journey } from '../../passage/database/journey.repository.ts';
import type { WelfareContact } from '../../passage/database/welfare-contact.repository.ts';
import { ageBandOf } from '../../passage/model/age-band.ts';
import { formatReferenceCode } from '../../passage/model/reference-code.ts';
import { householdCheckHmac } from '../../passage/registry/households/household-check.ts';
import { REGISTRY_KINDS } from '../../passage/registry/households/registration-plan.ts';
import type { SealRequest } from '../../seal/sealer.ts';
import type { Household } from '../scenario.types.ts';
import type { LoadPlan } from './load-plan.ts';
import { memberFlagsOf } from './person-input.ts';
import type { LoadContext } from './sealed-write.ts';

/** The rows and sealed entries of one registered household. */
export interface Registration {
  household: HouseholdRow;
  members: Member[];
  checks: HouseholdCheck[];
  journeys: Journey[];
  contacts: WelfareContact[];
  entries: SealRequest[];
}

/** Plans the registration of `input.household`, whose members' vault refs are `input.refs`. */
export function register(
  context: LoadContext,
  plan: LoadPlan,
  input: { household: Household; refs: readonly string[]; registeredAt: string },
): Registration {
  const { household, refs, registeredAt } = input;
  const members: Member[] = household.members.map((person, i) => ({
    personRef: refs[i] ?? '',
    householdId: household.id,
    sex: person.identity.sex,
    ageBand: ageBandOf(person.identity.birthYear, plan.year),
    flags: memberFlagsOf(person),
    familyGroupId: null,
  }));
  const years = new Set(household.members.map((person) => person.identity.birthYear));
  const keyring = context.passage.keyring;
  const checks = [...years].map((year) => ({
    householdId: household.id,
    checkHmac: householdCheckHmac(keyring, household.id, year),
  }));
  const journeys = household.members.flatMap((person, i) => {
    const journey = plan.final.get(person.id);
    return journey === undefined ? [] : [{ ...journey, personRef: refs[i] ?? null }];
  });
  const contacts = (plan.welfare.get(household.id) ?? []).map((event): WelfareContact => ({
    id: event.id,
    householdId: household.id,
    dueAt: event.at,
    mode: event.channel === 'monitor_visit' ? 'visit' : 'check_in',
    state: 'scheduled',
    doneAt: null,
    doneBy: null,
  }));
  const row: HouseholdRow = {
    id: household.id,
    referenceCode: formatReferenceCode(randomBytes(8)),
    intention: household.intention,
    registeredAt,
    originPlaceId: household.settlementId,
    memberCount: members.length,
    version: 1,
  };
  const entries = registrationEntries(context, { row, members, checks, journeys, contacts });
  return { household: row, members, checks, journeys, contacts, entries };
}

// Sealed: ids, pseudonyms, states, counts and times; never the reference code (a secret the
// household holds) and never identity. Journeys are committed as first listed (version 1); their
// later versions are committed by the events that made them.
function registrationEntries(
  context: LoadContext,
  parts: Omit<Registration, 'household' | 'entries'> & { row: HouseholdRow },
): SealRequest[] {
  const { row, members, checks, journeys, contacts } = parts;
  const householdEntry: SealRequest = {
    kind: REGISTRY_KINDS.household,
    id: row.id,
    version: 1,
    record: {
      id: row.id,
      intention: row.intention,
      registeredAt: row.registeredAt,
      originPlaceId: row.originPlaceId,
      memberCount: row.memberCount,
      members: members.map(({ personRef, sex, ageBand, flags }) => ({
        personRef,
        sex,
        ageBand,
        flags,
      })),
      checkHmacs: checks.map((check) => check.checkHmac),
      journeys: journeys.map((journey) => ({ id: journey.id, state: 'listed', version: 1 })),
      actor: context.actors.staff,
    },
  };
  const contactEntries = contacts.map(({ id, householdId, dueAt, mode, state }) => ({
    kind: REGISTRY_KINDS.welfareContact,
    id,
    version: 1,
    record: { id, householdId, dueAt, mode, state },
  }));
  return [householdEntry, ...contactEntries];
}
