// The content of one incident version (DOMAIN.md §3, ACLED-compatible superset) and the rules it
// must satisfy beyond its shape: casualty figures as low ≤ best ≤ high, victim counts by sex and
// age band, actors as data with ACLED roles. The edge checks the shape (types, ranges); these
// functions check what relates one field to another, and return every problem found.
import type { ActorType, TollKind, VictimAgeBand, VictimSex } from './vocabulary.ts';
import { TOLL_KINDS } from './vocabulary.ts';

/** One figure as a range: the lowest credible, the best estimate, the highest credible. */
export interface TollRange {
  low: number;
  best: number;
  high: number;
}

/** The harm figures of an incident. */
export type Tolls = Readonly<Record<TollKind, TollRange>>;

/** A count of victims of one sex and age band, with vault references where people are known. */
export interface VictimCount {
  sex: VictimSex;
  ageBand: VictimAgeBand;
  count: number;
  personRefs?: string[] | undefined;
}

/** The ACLED actor columns an actor fills. */
export const ACTOR_ROLES = ['actor1', 'assoc1', 'actor2', 'assoc2'] as const;
/** One of ACTOR_ROLES. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** An actor, as data (no party is written into code). */
export interface IncidentActor {
  name: string;
  actorType: ActorType;
  role: ActorRole;
}

/** One problem with a piece of content: where, and a stable code. */
export interface ContentIssue {
  path: string;
  code: string;
}

/** Figures with nobody counted, for a new incident. */
export const NO_TOLLS: Tolls = {
  killed: { low: 0, best: 0, high: 0 },
  injured: { low: 0, best: 0, high: 0 },
  detained: { low: 0, best: 0, high: 0 },
  missing: { low: 0, best: 0, high: 0 },
};

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * Problems with the figures: each must be an integer with 0 ≤ low ≤ best ≤ high.
 *
 * @example checkTolls({ ...NO_TOLLS, killed: { low: 20, best: 18, high: 30 } })
 * // [{ path: 'tolls.killed', code: 'low_above_best' }]
 */
export function checkTolls(tolls: Tolls): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const kind of TOLL_KINDS) {
    const { low, best, high } = tolls[kind];
    const path = `tolls.${kind}`;
    if (![low, best, high].every(isCount)) issues.push({ path, code: 'not_a_count' });
    else if (low > best) issues.push({ path, code: 'low_above_best' });
    else if (best > high) issues.push({ path, code: 'best_above_high' });
  }
  return issues;
}

/**
 * Problems with victim counts: one entry per sex and age band, counts ≥ 0, no more person
 * references than people counted, no reference twice.
 *
 * @example checkVictims([{ sex: 'male', ageBand: '18-45', count: 1, personRefs: ['a', 'b'] }])
 * // [{ path: 'victims.0.personRefs', code: 'more_refs_than_count' }]
 */
export function checkVictims(victims: readonly VictimCount[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const groups = new Set<string>();
  const refs = new Set<string>();
  victims.forEach((victim, index) => {
    const path = `victims.${String(index)}`;
    const group = `${victim.sex}/${victim.ageBand}`;
    if (groups.has(group)) issues.push({ path, code: 'repeated_group' });
    groups.add(group);
    const personRefs = victim.personRefs ?? [];
    if (!isCount(victim.count)) issues.push({ path: `${path}.count`, code: 'not_a_count' });
    else if (personRefs.length > victim.count) {
      issues.push({ path: `${path}.personRefs`, code: 'more_refs_than_count' });
    }
    for (const ref of personRefs) {
      if (refs.has(ref)) issues.push({ path: `${path}.personRefs`, code: 'repeated_ref' });
      refs.add(ref);
    }
  });
  return issues;
}

/**
 * Problems with actors: at most one actor1 and one actor2 (ACLED's columns), and an associate
 * only beside the actor it is associated with.
 *
 * @example checkActors([{ name: 'X', actorType: 1, role: 'assoc1' }])
 * // [{ path: 'actors.0', code: 'associate_without_actor' }]
 */
export function checkActors(actors: readonly IncidentActor[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const count = (role: ActorRole) => actors.filter((actor) => actor.role === role).length;
  actors.forEach((actor, index) => {
    const path = `actors.${String(index)}`;
    if ((actor.role === 'actor1' || actor.role === 'actor2') && count(actor.role) > 1) {
      issues.push({ path, code: 'repeated_principal' });
    }
    if (actor.role === 'assoc1' && count('actor1') === 0) {
      issues.push({ path, code: 'associate_without_actor' });
    }
    if (actor.role === 'assoc2' && count('actor2') === 0) {
      issues.push({ path, code: 'associate_without_actor' });
    }
  });
  return issues;
}

/**
 * ACLED's interaction code: the two principal actors' types, smaller first (17: state forces
 * against civilians); one actor alone gives its type × 10; none gives 0.
 *
 * @example interactionCode([{ name: 'A', actorType: 7, role: 'actor2' },
 *   { name: 'B', actorType: 1, role: 'actor1' }]) // 17
 */
export function interactionCode(actors: readonly IncidentActor[]): number {
  const types = actors
    .filter((actor) => actor.role === 'actor1' || actor.role === 'actor2')
    .map((actor) => actor.actorType)
    .sort((a, b) => a - b);
  const [first, second] = types;
  if (first === undefined) return 0;
  return first * 10 + (second ?? 0);
}

/** The time and place fields whose order matters. */
export interface OccurrenceFields {
  occurredStart: string;
  occurredEnd: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Problems with time and place: the end not before the start (ISO-8601 UTC text compares as
 * time), coordinates both given or both absent.
 *
 * @example checkOccurrence({ occurredStart: '2023-09-25', occurredEnd: '2023-09-24',
 *   lat: null, lon: null }) // [{ path: 'occurredEnd', code: 'before_start' }]
 */
export function checkOccurrence(fields: OccurrenceFields): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (fields.occurredEnd !== null && fields.occurredEnd < fields.occurredStart) {
    issues.push({ path: 'occurredEnd', code: 'before_start' });
  }
  if ((fields.lat === null) !== (fields.lon === null)) {
    issues.push({ path: 'lat', code: 'lat_and_lon_together' });
  }
  return issues;
}
