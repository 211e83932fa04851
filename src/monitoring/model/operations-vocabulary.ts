// The words of the mission's own operations (DOMAIN.md §1, §5): restrictions on its access, its
// patrols and its 24/7 hotline. Tables store these strings as text; adapters check them on read.
// Pure data: the staff console and the public datasets use the same lists.

/** The OSCE SMM's four kinds of restriction on a mission's freedom of movement (DOMAIN.md §1). */
export const RESTRICTION_KINDS = [
  'denial',
  'conditional_access',
  'delay',
  'other_impediment',
] as const;
/** One of RESTRICTION_KINDS. */
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** What exactly impeded the mission; an `other_impediment` always names one. */
export const RESTRICTION_SUB_KINDS = [
  'mines',
  'unexploded_ordnance',
  'jamming',
  'escort_imposed',
  'private_interview_refused',
  'documents_demanded',
  'route_blocked',
  'threat',
  'other',
] as const;
/** One of RESTRICTION_SUB_KINDS. */
export type RestrictionSubKind = (typeof RESTRICTION_SUB_KINDS)[number];

/** A patrol's states (DOMAIN.md §5). */
export const PATROL_STATES = [
  'planned',
  'notified',
  'deployed',
  'on_task',
  'restricted',
  'returned',
  'aborted',
] as const;
/** One of PATROL_STATES. */
export type PatrolState = (typeof PATROL_STATES)[number];

/** How a hotline contact reached the mission. */
export const HOTLINE_CHANNELS = [
  'phone',
  'messaging',
  'radio',
  'email',
  'in_person',
  'other',
] as const;
/** One of HOTLINE_CHANNELS. */
export type HotlineChannel = (typeof HOTLINE_CHANNELS)[number];

/** What a contact was about (a category, never the caller's words). */
export const HOTLINE_TOPICS = [
  'safe_passage',
  'security_incident',
  'detention',
  'missing_person',
  'humanitarian_need',
  'access_restriction',
  'information_request',
  'complaint',
  'other',
] as const;
/** One of HOTLINE_TOPICS. */
export type HotlineTopic = (typeof HOTLINE_TOPICS)[number];

/** What the hotline did about a contact. */
export const HOTLINE_OUTCOMES = [
  'information_given',
  'report_opened',
  'tracing_opened',
  'referred',
  'escalated',
  'no_action_needed',
  'unreachable',
] as const;
/** One of HOTLINE_OUTCOMES. */
export type HotlineOutcome = (typeof HOTLINE_OUTCOMES)[number];
