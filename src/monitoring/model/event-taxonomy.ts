// The mission's local taxonomy of event sub-types (DOMAIN.md §3): ACLED's 25 sub-types, and the
// finer sub-types corridor work needs, each with its ACLED crosswalk for export. An incident
// stores only the local code; its local event type and its ACLED disorder type, event type and
// sub-event type follow from it. Corridor events that ACLED would not code as violence (a death
// in a queue, a blocked convoy) cross to Strategic developments / Other, which is how ACLED
// records significant non-violent events.

/** ACLED's columns for one sub-type. */
export interface AcledCrosswalk {
  disorderType: string;
  eventType: string;
  subEventType: string;
}

/** One local sub-type: its local event type and its ACLED crosswalk. */
export interface SubEventTypeEntry {
  eventType: string;
  acled: AcledCrosswalk;
}

const PV = 'Political violence';
const BATTLES = 'Battles';
const REMOTE = 'Explosions/Remote violence';
const VAC = 'Violence against civilians';
const STRATEGIC = 'Strategic developments';

function acled(disorderType: string, eventType: string, subEventType: string): AcledCrosswalk {
  return { disorderType, eventType, subEventType };
}

function local(eventType: string, crosswalk: AcledCrosswalk): SubEventTypeEntry {
  return { eventType, acled: crosswalk };
}

const battles = (sub: string) => local('battles', acled(PV, BATTLES, sub));
const remote = (sub: string) => local('explosions_remote_violence', acled(PV, REMOTE, sub));
const againstCivilians = (sub: string) => local('violence_against_civilians', acled(PV, VAC, sub));
const protests = (sub: string, disorder = 'Demonstrations') =>
  local('protests', acled(disorder, 'Protests', sub));
const riots = (sub: string, disorder: string) => local('riots', acled(disorder, 'Riots', sub));
const strategic = (sub: string) =>
  local('strategic_developments', acled(STRATEGIC, STRATEGIC, sub));
const passage = (crosswalk: AcledCrosswalk) => local('safe_passage', crosswalk);

const OTHER = acled(STRATEGIC, STRATEGIC, 'Other');
const ARRESTS = acled(STRATEGIC, STRATEGIC, 'Arrests');
const LOOTING = acled(STRATEGIC, STRATEGIC, 'Looting/property destruction');

/** Every local sub-type by code. */
export const SUB_EVENT_TYPES = {
  // ACLED's own sub-types.
  armed_clash: battles('Armed clash'),
  government_regains_territory: battles('Government regains territory'),
  non_state_actor_overtakes_territory: battles('Non-state actor overtakes territory'),
  chemical_weapon: remote('Chemical weapon'),
  air_drone_strike: remote('Air/drone strike'),
  suicide_bomb: remote('Suicide bomb'),
  shelling_artillery_missile_attack: remote('Shelling/artillery/missile attack'),
  remote_explosive_landmine_ied: remote('Remote explosive/landmine/IED'),
  grenade: remote('Grenade'),
  sexual_violence: againstCivilians('Sexual violence'),
  attack: againstCivilians('Attack'),
  abduction_forced_disappearance: againstCivilians('Abduction/forced disappearance'),
  peaceful_protest: protests('Peaceful protest'),
  protest_with_intervention: protests('Protest with intervention'),
  excessive_force_against_protesters: protests(
    'Excessive force against protesters',
    'Political violence; Demonstrations',
  ),
  violent_demonstration: riots('Violent demonstration', 'Demonstrations'),
  mob_violence: riots('Mob violence', PV),
  agreement: strategic('Agreement'),
  arrests: strategic('Arrests'),
  change_to_group_activity: strategic('Change to group/activity'),
  disrupted_weapons_use: strategic('Disrupted weapons use'),
  headquarters_or_base_established: strategic('Headquarters or base established'),
  looting_property_destruction: strategic('Looting/property destruction'),
  non_violent_transfer_of_territory: strategic('Non-violent transfer of territory'),
  other: strategic('Other'),
  // Corridor work (DOMAIN.md §3).
  checkpoint_detention: passage(ARRESTS),
  removal_from_convoy: passage(ARRESTS),
  denial_of_passage: passage(OTHER),
  confiscation: passage(LOOTING),
  checkpoint_ill_treatment: passage(acled(PV, VAC, 'Attack')),
  filming_or_biometric_capture: passage(OTHER),
  firing_near_corridor: passage(acled(PV, BATTLES, 'Armed clash')),
  mass_casualty_accident: passage(OTHER),
  death_in_queue: passage(OTHER),
  medical_evacuation: passage(OTHER),
  restriction_of_monitors: local('mission_access', OTHER),
  mines_or_uxo: passage(acled(PV, REMOTE, 'Remote explosive/landmine/IED')),
  humanitarian_convoy_blocked: passage(OTHER),
  threats_to_those_who_stay: passage(OTHER),
  property_destruction: passage(LOOTING),
  denial_of_services: passage(OTHER),
} as const satisfies Record<string, SubEventTypeEntry>;

/** A local sub-type code. */
export type SubEventType = keyof typeof SUB_EVENT_TYPES;

/** Every local sub-type code, ACLED's first. */
export const SUB_EVENT_TYPE_CODES = Object.keys(SUB_EVENT_TYPES) as readonly SubEventType[];

const CODES: ReadonlySet<string> = new Set(SUB_EVENT_TYPE_CODES);

/**
 * True when `code` is a local sub-type (an own key, never an inherited one).
 *
 * @example isSubEventType('checkpoint_detention') // true
 */
export function isSubEventType(code: string): code is SubEventType {
  return CODES.has(code);
}

/**
 * The local event type and ACLED crosswalk of sub-type `code`.
 *
 * @example crosswalkOf('death_in_queue').acled.subEventType // 'Other'
 */
export function crosswalkOf(code: SubEventType): SubEventTypeEntry {
  return SUB_EVENT_TYPES[code];
}
