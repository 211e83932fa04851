// The shape of a synthetic demo scenario: plain data, no database. The loader feeds it through
// the services; nothing here describes a real person or a real place. Times are ISO-8601 UTC
// strings; ids are reproducible UUIDs drawn from the seed (usable as client-generated ids).
import type { Intention, OperationState } from '../passage/model/states.ts';
import type { ScenarioEvent } from './scenario-events.types.ts';

/** An ISO-8601 UTC timestamp, e.g. '2023-09-24T14:05:00.000Z'. */
export type IsoTime = string;

/** The scripts names are written in: Armenian, Russian Cyrillic, Azerbaijani Latin, English. */
export type Script = 'hy' | 'ru' | 'az' | 'en';

/** A text in each of the mission's four languages (the keys are the catalogue locales). */
export interface LocalisedNames {
  readonly en: string;
  readonly hy: string;
  readonly az: string;
  readonly ru: string;
}

/** A party to the conflict. Only named in data ('Party A', …), never a real one. */
export interface Party {
  readonly id: string;
  readonly name: string;
  /** What the party is in the scenario. */
  readonly role: 'origin_authority' | 'checkpoint_authority' | 'host_authority';
}

/** Who controls a place from when to when (open-ended when `from` or `to` is absent). */
export interface ControlPeriod {
  readonly partyId: string;
  readonly from?: IsoTime;
  readonly to?: IsoTime;
}

/** The kinds of place in the gazetteer. */
export type PlaceKind =
  'settlement' | 'exit_post' | 'checkpoint' | 'reception_point' | 'humanitarian_centre';

/** A fictional place, with coordinates in a fictional area. */
export interface Place {
  readonly id: string;
  /** A short stable code ('S01', 'EP2', 'BR1', 'RP1', 'HC1'), handy in tests and logs. */
  readonly code: string;
  readonly kind: PlaceKind;
  readonly names: LocalisedNames;
  readonly lat: number;
  readonly lon: number;
  readonly control: readonly ControlPeriod[];
  /** For a settlement: the exit post its people leave through. */
  readonly exitPostId?: string;
  /** For a settlement: share of the population living there (sums to 1). */
  readonly populationShare?: number;
}

/** Expected transit time of one leg, as a median and a 95th percentile, in minutes. */
export interface TransitExpectation {
  readonly p50Minutes: number;
  readonly p95Minutes: number;
}

/** A leg of the route, with expected transit off-peak and at the peak (DOMAIN.md §7). */
export interface RouteLeg {
  readonly id: string;
  readonly fromPlaceId: string;
  readonly toPlaceId: string;
  readonly distanceKm: number;
  readonly offPeak: TransitExpectation;
  readonly peak: TransitExpectation;
}

/** A passage operation: the open window for private cars, or one bus convoy. */
export interface Operation {
  readonly id: string;
  readonly kind: 'open_window' | 'convoy';
  readonly name: string;
  /** Checkpoint → reception point → humanitarian centre (journeys start at their exit post). */
  readonly routePlaceIds: readonly string[];
  readonly agreedByPartyIds: readonly string[];
  readonly plannedStart: IsoTime;
  readonly plannedEnd: IsoTime;
  /** Buses of a convoy (empty for the open window). */
  readonly vehicleIds: readonly string[];
  /** The state the operation ends in after the scenario's events. */
  readonly finalState: OperationState;
}

/** A person's name as written in one script. */
export interface PersonName {
  readonly given: string;
  readonly family: string;
  readonly patronymic?: string;
  readonly script: Script;
}

/** Identity document types. */
export type DocumentType = 'passport' | 'id_card' | 'birth_certificate';

/** An identity document with a synthetic number (formats: see synthetic-ids.ts). */
export interface IdentityDocument {
  readonly type: DocumentType;
  readonly number: string;
}

/** Sex as recorded. */
export type Sex = 'female' | 'male';

/** What goes into the identity vault for one person. */
export interface SyntheticIdentity {
  /** Names as registered; the first is the registered spelling. */
  readonly names: readonly PersonName[];
  /** The same name as a relative abroad would type it, in another script (for search tests). */
  readonly alternateSpellings: readonly PersonName[];
  readonly birthYear: number;
  /** 'YYYY-MM-DD' when known (some elderly people know only the year). */
  readonly birthDate?: string;
  readonly sex: Sex;
  readonly documents: readonly IdentityDocument[];
  /** A synthetic number in the unassigned +999 country code. */
  readonly phone?: string;
}

/** Vulnerability flags seen at departure or arrival. */
export interface PersonFlags {
  readonly disability: boolean;
  readonly pregnant: boolean;
  /** A child who travelled without any adult of the household (a separation). */
  readonly unaccompaniedChild: boolean;
}

/** A member's place in the household. */
export type HouseholdRole = 'head' | 'spouse' | 'child' | 'parent' | 'relative';

/** One synthetic person. */
export interface Person {
  readonly id: string;
  readonly householdId: string;
  readonly role: HouseholdRole;
  readonly identity: SyntheticIdentity;
  readonly flags: PersonFlags;
}

/** A household: members share a family name, a settlement and an intention. */
export interface Household {
  readonly id: string;
  readonly settlementId: string;
  readonly intention: Intention;
  /** The head first. */
  readonly members: readonly Person[];
}

/** A vehicle: a private car or a bus. */
export interface Vehicle {
  readonly id: string;
  readonly kind: 'car' | 'bus';
  /** A synthetic plate string (never a real format). */
  readonly plate: string;
  readonly seats: number;
}

/** One trip of one vehicle from an exit post towards the humanitarian centre. */
export interface Journey {
  readonly id: string;
  readonly operationId: string;
  readonly vehicleId: string;
  readonly originSettlementId: string;
  readonly exitPostId: string;
  readonly departureAt: IsoTime;
  readonly householdIds: readonly string[];
  /** Everyone aboard at departure (a bus trip's manifest). */
  readonly personIds: readonly string[];
}

/** A demo staff account to create (the loader adds passwords and TOTP secrets). */
export interface DemoStaffMember {
  readonly login: string;
  readonly name: string;
  readonly role: 'admin' | 'coordinator' | 'analyst' | 'monitor' | 'hotline' | 'partner';
}

/** Ground truth the generator knows, for checking what the system reconstructs. */
export interface ScenarioTotals {
  readonly households: number;
  readonly people: number;
  /** People of households that stay under protection. */
  readonly stayers: number;
  readonly privateVehicles: number;
  readonly buses: number;
  readonly busTrips: number;
  readonly convoys: number;
  readonly journeys: number;
  /** People departed per day from D0 (the last entry gathers everything after D6). */
  readonly departedByDay: readonly number[];
  /** departed = arrived + detained + turnedBack + diedEnRoute + medevac + unaccounted. */
  readonly departed: number;
  readonly arrived: number;
  readonly registeredAtArrival: number;
  readonly heldSecondary: number;
  readonly released: number;
  readonly detained: number;
  readonly turnedBack: number;
  readonly diedEnRoute: number;
  readonly medevac: number;
  readonly unaccounted: number;
  readonly tracingRequests: number;
  readonly tracingResolvedWithin7Days: number;
  readonly unaccompaniedChildren: number;
  readonly aggregateCountHours: number;
}

/** A whole generated scenario. */
export interface Scenario {
  readonly meta: {
    readonly generator: 'vigil-demo/1';
    readonly synthetic: true;
    readonly seed: number | string;
    readonly scale: number;
    /** D0: the first departure day, 00:00. */
    readonly start: IsoTime;
  };
  readonly parties: readonly Party[];
  readonly places: readonly Place[];
  readonly routeLegs: readonly RouteLeg[];
  readonly operations: readonly Operation[];
  readonly households: readonly Household[];
  readonly vehicles: readonly Vehicle[];
  readonly journeys: readonly Journey[];
  /** Sorted by `at` (ties in generation order). */
  readonly events: readonly ScenarioEvent[];
  readonly staff: readonly DemoStaffMember[];
  readonly totals: ScenarioTotals;
  /** Departed people with no arrival, hold, turn-back, death or medevac: reconciliation lists. */
  readonly unaccountedPersonIds: readonly string[];
}
