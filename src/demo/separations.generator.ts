// Family separation on the road: 0.5–1% of households end up with a member in another car that
// left hours later (DOMAIN.md §7), some of them children who then travel without any adult of
// their household (30–100 unaccompanied children at scale 1). The family reports the missing
// member at the humanitarian centre, which opens a tracing request (tracing.generator.ts).
import { HOUR } from './journey-model.ts';
import type { JourneyDraft, PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';

/** One member moved away from the family's car. */
export interface Separation {
  readonly householdId: string;
  readonly soughtId: string;
  /** A member who stayed in the family's car and asks for the tracing. */
  readonly requesterId: string;
  readonly familyJourney: JourneyDraft;
  readonly soughtJourney: JourneyDraft;
  readonly unaccompaniedChild: boolean;
}

// The separated member's car leaves between these many hours after the family's.
const LATER_MIN = 6 * HOUR;
const LATER_MAX = 48 * HOUR;

function firstAtOrAfter(journeys: readonly JourneyDraft[], time: number): number {
  let lo = 0;
  let hi = journeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((journeys[mid]?.departure ?? Infinity) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function laterCar(rng: Random, journeys: readonly JourneyDraft[], family: JourneyDraft) {
  const from = firstAtOrAfter(journeys, family.departure + LATER_MIN);
  const to = firstAtOrAfter(journeys, family.departure + LATER_MAX);
  if (to <= from) return undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = journeys[rng.int(from, to - 1)];
    if (candidate !== undefined && candidate.personIds.length < candidate.vehicle.seats) {
      return candidate;
    }
  }
  return undefined;
}

function chooseSought(rng: Random, members: readonly PersonInfo[], wantChild: boolean) {
  const others = members.filter((m) => m.person.role !== 'head');
  const children = others.filter((m) => m.age < 18);
  if (wantChild && children.length > 0) return rng.pick(children);
  const adults = others.filter((m) => m.age >= 18);
  return adults.length > 0 ? rng.pick(adults) : rng.pick(others);
}

interface WholeHousehold {
  readonly journey: JourneyDraft;
  readonly members: readonly PersonInfo[];
}

/** Households of two or more whose members all travel in the same car. */
function wholeHouseholds(
  journeys: readonly JourneyDraft[],
  people: ReadonlyMap<string, PersonInfo>,
): WholeHousehold[] {
  const whole: WholeHousehold[] = [];
  for (const journey of journeys) {
    for (const householdId of journey.householdIds) {
      const members = journey.personIds
        .map((id) => people.get(id))
        .filter((m): m is PersonInfo => m?.household.id === householdId);
      if (members.length >= 2 && members.length === members[0]?.household.members.length) {
        whole.push({ journey, members });
      }
    }
  }
  return whole;
}

function moveMember(sought: PersonInfo, from: JourneyDraft, to: JourneyDraft): void {
  from.personIds = from.personIds.filter((id) => id !== sought.person.id);
  to.personIds.push(sought.person.id);
  if (!to.householdIds.includes(sought.household.id)) to.householdIds.push(sought.household.id);
}

/**
 * Moves one member of `count` households (whose members all travel in one car) into a later
 * car; about a third of the moved members are children. `journeys` must be sorted by departure.
 */
export function separateMembers(
  rng: Random,
  journeys: readonly JourneyDraft[],
  people: ReadonlyMap<string, PersonInfo>,
  count: number,
): Separation[] {
  const separations: Separation[] = [];
  for (const { journey, members } of rng.shuffle(wholeHouseholds(journeys, people))) {
    if (separations.length >= count) break;
    const target = laterCar(rng, journeys, journey);
    const sought = chooseSought(rng, members, rng.chance(0.3));
    const requester =
      members.find((m) => m.person.role === 'head' && m !== sought) ??
      members.find((m) => m !== sought);
    if (target === undefined || requester === undefined) continue;
    moveMember(sought, journey, target);
    separations.push({
      householdId: sought.household.id,
      soughtId: sought.person.id,
      requesterId: requester.person.id,
      familyJourney: journey,
      soughtJourney: target,
      unaccompaniedChild: sought.age < 18,
    });
  }
  return separations;
}
