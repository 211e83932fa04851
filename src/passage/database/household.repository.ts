import type { Intention } from '../model/states.ts';
import type { MemberFlag } from './passage-vocabulary.ts';

/** A registered household; `referenceCode` is stored as given (normalise it first). */
export interface Household {
  id: string;
  referenceCode: string;
  intention: Intention;
  registeredAt: string;
  originPlaceId: string | null;
  memberCount: number;
  version: number;
}

/** A household member by pseudonym: the identity behind `personRef` lives in the vault. */
export interface Member {
  personRef: string;
  householdId: string;
  sex: string;
  ageBand: string;
  flags: readonly MemberFlag[];
  /** Members who must arrive together (family unity is checked on arrival). */
  familyGroupId: string | null;
}

/** Keyed HMAC of (household id, a member's birth year): the portal's second factor. */
export interface HouseholdCheck {
  householdId: string;
  checkHmac: string;
}

/** What one registration batch writes. */
export interface HouseholdBatch {
  households: readonly Household[];
  members: readonly Member[];
  /** Duplicates (two members born the same year) are stored once. */
  checks: readonly HouseholdCheck[];
}

/** A change of a household's intention, applied only at the version the caller read. */
export interface IntentionChange {
  id: string;
  intention: Intention;
  expectedVersion: number;
}

/** Port for households, their members and their portal checks. */
export interface HouseholdRepository {
  /** Stores households, then members, then checks; at most 500 rows per statement. */
  insertMany(batch: HouseholdBatch): Promise<void>;
  get(id: string): Promise<Household | undefined>;
  /** The household with this (normalised) reference code; one indexed read, no identity. */
  findByReferenceCode(referenceCode: string): Promise<Household | undefined>;
  /** True when the household has this check HMAC; never decrypts anything. */
  hasCheck(householdId: string, checkHmac: string): Promise<boolean>;
  /** The household's members, ordered by person_ref. */
  listMembers(householdId: string): Promise<Member[]>;
  /** Changes the intention (version + 1); throws DomainError 'conflict' or 'not_found'. */
  changeIntention(change: IntentionChange): Promise<void>;
}
