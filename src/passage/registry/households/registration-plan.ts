// The rows and sealed entries of a registration, built before anything is written: the
// household, its members by person ref, one check per distinct birth year, a listed journey per
// member of a household that leaves or returns, and welfare contacts for one that stays.
// Sealed records hold ids, states, times, counts and pseudonyms only, never identity.
import { randomUUID } from 'node:crypto';
import type { PersonRef } from '../../../people/access.ts';
import type { Keyring } from '../../../people/keyring.ts';
import type { SealRequest } from '../../../seal/sealer.ts';
import type { Household, HouseholdCheck, Member } from '../../database/household.repository.ts';
import type { Journey } from '../../database/journey.repository.ts';
import type { MemberFlag } from '../../database/passage-vocabulary.ts';
import type { WelfareContact } from '../../database/welfare-contact.repository.ts';
import type { Intention } from '../../model/states.ts';
import { scheduleWelfareContacts } from '../../model/welfare.ts';
import { householdCheckHmac } from './household-check.ts';

/** Sealed log entry kinds written by registration. */
export const REGISTRY_KINDS = {
  household: 'passage.household',
  journey: 'passage.journey',
  welfareContact: 'passage.welfare_contact',
} as const;

/** Contacts with a household that stays: a monitor's visit every week for 90 days. */
export const WELFARE_RHYTHM = { everyDays: 7, forDays: 90, mode: 'visit' } as const;

const DAY_MS = 86_400_000;

/** True when households of `intention` travel, so each member gets a listed journey. */
export function isTravelling(intention: Intention): boolean {
  return intention === 'leave' || intention === 'return';
}

/** A member's journey as first listed (not yet boarded, nowhere seen yet). */
export function listedJourney(member: Member): Journey {
  return {
    id: randomUUID(),
    personRef: member.personRef,
    householdId: member.householdId,
    vehicleId: null,
    operationId: null,
    state: 'listed',
    version: 1,
    sex: member.sex,
    ageBand: member.ageBand,
    departedAt: null,
    firstCheckpointId: null,
    lastPlaceId: null,
    lastSeenAt: null,
    expectedBy: null,
    arrivedAt: null,
    registeredAt: null,
  };
}

/** The welfare contacts of WELFARE_RHYTHM for a household staying from `from`. */
export function welfareContactsFor(householdId: string, from: Date): WelfareContact[] {
  const until = new Date(from.getTime() + WELFARE_RHYTHM.forDays * DAY_MS);
  const { everyDays, mode } = WELFARE_RHYTHM;
  return scheduleWelfareContacts({ from, until, everyDays, mode }).map((due) => ({
    id: randomUUID(),
    householdId,
    dueAt: due.dueAt.toISOString(),
    mode: due.mode,
    state: 'scheduled',
    doneAt: null,
    doneBy: null,
  }));
}

/** The sealed entry of a newly listed journey. */
export function journeyEntry(journey: Journey): SealRequest {
  const { id, personRef, householdId, state } = journey;
  return {
    kind: REGISTRY_KINDS.journey,
    id,
    version: journey.version,
    record: { id, personRef, householdId, state },
  };
}

/** The sealed entry of a welfare contact at `version` (1 when scheduled). */
export function welfareContactEntry(contact: WelfareContact, version = 1): SealRequest {
  const { id, householdId, dueAt, mode, state } = contact;
  return {
    kind: REGISTRY_KINDS.welfareContact,
    id,
    version,
    record: { id, householdId, dueAt, mode, state },
  };
}

/** A member as registration knows it: the vault's ref and the operational fields. */
export interface PlannedMember {
  personRef: PersonRef;
  sex: string;
  ageBand: string;
  flags: readonly MemberFlag[];
  familyGroup: string | undefined;
  /** Only for the household check; never stored or sealed in the clear. */
  birthYear: number;
}

/** What a registration writes, the reference code aside (drawn per attempt). */
export interface RegistrationPlan {
  household: Omit<Household, 'referenceCode'>;
  members: Member[];
  checks: HouseholdCheck[];
  journeys: Journey[];
  contacts: WelfareContact[];
  entries: SealRequest[];
}

/** What planRegistration needs. */
export interface PlanInput {
  householdId: string;
  intention: Intention;
  originPlaceId: string | null;
  members: readonly PlannedMember[];
  registeredAt: Date;
  keyring: Pick<Keyring, 'pseudonym'>;
  actorId: string;
}

/** Builds every row and sealed entry of one registration. */
export function planRegistration(input: PlanInput): RegistrationPlan {
  const { householdId, intention } = input;
  const groups = new Map<string, string>();
  const groupOf = (label: string | undefined) => {
    if (label === undefined) return null;
    const id = groups.get(label) ?? randomUUID();
    groups.set(label, id);
    return id;
  };
  const members: Member[] = input.members.map((member) => ({
    personRef: member.personRef,
    householdId,
    sex: member.sex,
    ageBand: member.ageBand,
    flags: member.flags,
    familyGroupId: groupOf(member.familyGroup),
  }));
  const years = new Set(input.members.map((member) => member.birthYear));
  const checks = [...years].map((year) => ({
    householdId,
    checkHmac: householdCheckHmac(input.keyring, householdId, year),
  }));
  const journeys = isTravelling(intention) ? members.map(listedJourney) : [];
  const contacts =
    intention === 'stay_under_protection'
      ? welfareContactsFor(householdId, input.registeredAt)
      : [];
  const household = {
    id: householdId,
    intention,
    registeredAt: input.registeredAt.toISOString(),
    originPlaceId: input.originPlaceId,
    memberCount: members.length,
    version: 1,
  };
  const householdEntry: SealRequest = {
    kind: REGISTRY_KINDS.household,
    id: householdId,
    version: 1,
    record: {
      ...household,
      personRefs: members.map((member) => member.personRef),
      actor: input.actorId,
    },
  };
  const entries = [
    householdEntry,
    ...journeys.map(journeyEntry),
    ...contacts.map((c) => welfareContactEntry(c)),
  ];
  return { household, members, checks, journeys, contacts, entries };
}
