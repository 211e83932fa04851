// The family status look-up (public): with a household's reference code and a member's birth
// year, anyone (the household, or its family abroad) sees the state of the household's own
// journeys: state, last place by name, last seen, arrived — no names, no ids, no counts beyond
// those journeys. Every failure (a code that does not parse, an unknown code, a wrong birth
// year) is the same 'not_found', and each does the same work (one code look-up, one HMAC, one
// check look-up), so neither the answer nor its timing tells them apart. The route adds a rate
// limit per address, so the 2^60 codes cannot be walked. A birth year has only about a hundred
// values, though: someone who has seen a household's code (on its QR slip, say) and many
// addresses could walk the years. So a code locks after five wrong years within a day — even the
// right year then gets the same 'not_found' until the day is over. That lets a stranger who
// knows a code block its look-up for a day; the family can still ask the hotline, while a walked
// birth year would tell a stranger where a family's members are.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Keyring } from '../../../people/keyring.ts';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { PlaceNames } from '../../database/passage-vocabulary.ts';
import type { JourneyState } from '../../model/states.ts';
import { normaliseReferenceCode } from '../../model/reference-code.ts';
import { householdCheckHmac } from '../households/household-check.ts';

/** What the look-up needs. */
export interface StatusLookupDeps {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'pseudonym'>;
  now?: () => Date;
}

/** Wrong birth years one household's code takes before it locks. */
export const MAX_WRONG_BIRTH_YEARS = 5;
/** How long wrong years are counted from the first, and how long a locked code stays locked. */
export const LOOKUP_LOCK_MS = 86_400_000;
/** Households whose wrong years are remembered at most (the oldest are forgotten first). */
const MAX_REMEMBERED = 100_000;

/** What a family is asked: the code and one member's birth year. */
export interface StatusQuery {
  referenceCode: string;
  birthYear: number;
}

/** What a family sees of one journey. */
export interface JourneyStatusView {
  state: JourneyState;
  lastPlace: { names: PlaceNames } | null;
  lastSeenAt: string | null;
  arrivedAt: string | null;
}

// Stand-ins used when the code does not parse or names no household, so the failing paths
// run the same queries and the same HMAC as the others. Neither can match a stored row:
// stored codes always parse, and household ids are random v4 UUIDs.
const NO_CODE = '-';
const NO_HOUSEHOLD = '00000000-0000-0000-0000-000000000000';

/** Answers the family status look-up. */
export class StatusLookupService {
  readonly #deps: StatusLookupDeps;
  /** Household id → wrong years counted since `since` (ms). In memory: a restart forgets. */
  readonly #wrongYears = new Map<string, { count: number; since: number }>();

  constructor(deps: StatusLookupDeps) {
    this.#deps = deps;
  }

  /**
   * The household's journeys; DomainError 'not_found' (always the same) unless the code names
   * a household with a member born in `birthYear`.
   *
   * @example await lookup.lookup({ referenceCode: 'k3f9 0qzt 7m2a w', birthYear: 1984 })
   */
  async lookup(query: StatusQuery): Promise<JourneyStatusView[]> {
    const { db, keyring } = this.#deps;
    const households = passageStoreOn(db).households;
    const code = normaliseReferenceCode(query.referenceCode);
    const household = await households.findByReferenceCode(code ?? NO_CODE);
    const householdId = household?.id ?? NO_HOUSEHOLD;
    const check = householdCheckHmac(keyring, householdId, query.birthYear);
    const matches = await households.hasCheck(householdId, check);
    const now = (this.#deps.now ?? (() => new Date()))().getTime();
    const locked = this.#isLocked(householdId, now);
    if (household === undefined || !matches || locked) {
      if (household !== undefined && !matches) this.#countWrongYear(household.id, now);
      throw new DomainError('not_found', 'no such household');
    }
    this.#wrongYears.delete(household.id);
    return this.#journeys(household.id);
  }

  #isLocked(householdId: string, now: number): boolean {
    const wrong = this.#wrongYears.get(householdId);
    if (wrong === undefined) return false;
    if (now - wrong.since >= LOOKUP_LOCK_MS) {
      this.#wrongYears.delete(householdId);
      return false;
    }
    return wrong.count >= MAX_WRONG_BIRTH_YEARS;
  }

  #countWrongYear(householdId: string, now: number): void {
    const wrong = this.#wrongYears.get(householdId) ?? { count: 0, since: now };
    wrong.count++;
    this.#wrongYears.set(householdId, wrong);
    if (this.#wrongYears.size > MAX_REMEMBERED) {
      const oldest = this.#wrongYears.keys().next().value;
      if (oldest !== undefined) this.#wrongYears.delete(oldest);
    }
  }

  async #journeys(householdId: string): Promise<JourneyStatusView[]> {
    const store = passageStoreOn(this.#deps.db);
    const statuses = await store.journeys.statusForHousehold(householdId);
    const names = new Map<string, PlaceNames | undefined>();
    for (const status of statuses) {
      const placeId = status.lastPlaceId;
      if (placeId !== null && !names.has(placeId)) {
        names.set(placeId, (await store.places.get(placeId))?.names);
      }
    }
    return statuses.map((status) => {
      const placeNames = status.lastPlaceId === null ? undefined : names.get(status.lastPlaceId);
      return {
        state: status.state,
        lastPlace: placeNames === undefined ? null : { names: placeNames },
        lastSeenAt: status.lastSeenAt,
        arrivedAt: status.arrivedAt,
      };
    });
  }
}
