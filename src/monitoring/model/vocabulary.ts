// The words of the monitoring domain (DOMAIN.md §1–§3, §5): channels, source grading, precisions
// and the incident's states. Tables store these strings as text; adapters check them on read.
// Pure data: the staff console uses the same lists.

/** How an information item reached the mission. */
export const CHANNELS = [
  'monitor_observation',
  'patrol_report',
  'hotline_call',
  'partner_report',
  'resident_report',
  'bulk_import',
] as const;
/** One of CHANNELS. */
export type Channel = (typeof CHANNELS)[number];

/** What kind of source gave the information (never who: identity lives in the vault). */
export const SOURCE_KINDS = [
  'resident',
  'witness',
  'victim_or_relative',
  'mission_monitor',
  'partner_organisation',
  'party_official',
  'media',
  'social_media',
  'document',
  'anonymous',
  'other',
] as const;
/** One of SOURCE_KINDS. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How close the source stands to what it reports (HURIDOCS: the source's relationship). */
export const PROXIMITIES = ['eyewitness', 'hearsay', 'documentary'] as const;
/** One of PROXIMITIES. */
export type Proximity = (typeof PROXIMITIES)[number];

/** Source reliability, Admiralty scale: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** One of RELIABILITIES. */
export type Reliability = (typeof RELIABILITIES)[number];

/** Information credibility: 1 confirmed by other independent sources … 6 cannot be judged. */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
/** One of CREDIBILITIES. */
export type Credibility = (typeof CREDIBILITIES)[number];

/** ACLED time precision: 1 the day is known, 2 the week, 3 the month. */
export const TIME_PRECISIONS = [1, 2, 3] as const;
/** One of TIME_PRECISIONS. */
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** ACLED geo precision: 1 the exact place, 2 near a town, 3 only the region. */
export const GEO_PRECISIONS = [1, 2, 3] as const;
/** One of GEO_PRECISIONS. */
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** ACLED actor types (inter codes): 1 state forces … 7 civilians, 8 external/other forces. */
export const ACTOR_TYPES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** One of ACTOR_TYPES. */
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Where an information item stands in triage. */
export const ITEM_STATUSES = ['new', 'linked', 'set_aside'] as const;
/** One of ITEM_STATUSES. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** An incident's verification states (DOMAIN.md §5). */
export const INCIDENT_STATES = [
  'received',
  'triaged',
  'duplicate',
  'merged',
  'out_of_scope',
  'under_verification',
  'verified',
  'unverified',
  'discounted',
  'cleared_for_publication',
  'published',
  'corrected',
  'retracted',
] as const;
/** One of INCIDENT_STATES. */
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Sex as counted in victim figures. */
export const VICTIM_SEXES = ['female', 'male', 'unknown'] as const;
/** One of VICTIM_SEXES. */
export type VictimSex = (typeof VICTIM_SEXES)[number];

/** Age bands of victim counts (the passage domain's bands, plus unknown). */
export const VICTIM_AGE_BANDS = ['0-4', '5-17', '18-45', '46-64', '65+', 'unknown'] as const;
/** One of VICTIM_AGE_BANDS. */
export type VictimAgeBand = (typeof VICTIM_AGE_BANDS)[number];

/** The harm figures an incident carries, each as low / best / high. */
export const TOLL_KINDS = ['killed', 'injured', 'detained', 'missing'] as const;
/** One of TOLL_KINDS. */
export type TollKind = (typeof TOLL_KINDS)[number];
