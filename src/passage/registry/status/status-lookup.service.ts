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
import { LookupLock } from './lookup-lock.kysely.ts';

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
  /** Wrong years per household, in the database: shared by every process, kept over restarts. */
  readonly #lock: LookupLock;

  constructor(deps: StatusLookupDeps) {
    this.#deps = deps;
    this.#lock = new LookupLock(deps.db as Kysely<unknown>, {
      maxWrongYears: MAX_WRONG_BIRTH_YEARS,
      lockMs: LOOKUP_LOCK_MS,
    });
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
    const locked = await this.#lock.isLocked(householdId, now);
    if (household === undefined || !matches || locked) {
      // Every refusal writes once, as a right answer does (it forgets): an unknown code counts
      // against the stand-in, so a write does not tell a known code from an unknown one. A right
      // year on a locked code is counted too; the code is locked already and its period stays.
      await this.#lock.countWrongYear(householdId, now);
      throw new DomainError('not_found', 'no such household');
    }
    await this.#lock.forget(household.id);
    return this.#journeys(household.id);
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
