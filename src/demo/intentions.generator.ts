// Who stays and how people leave. Over 99% leave; 50–1,000 stay under protection (DOMAIN.md §7),
// mostly elderly people living alone or as a couple. Of those who leave, 10–15% go by bus: more
// often households with elderly members or without a man of driving age.
import type { PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';
import type { Household } from './scenario.types.ts';

/** Share of the people who leave that the buses carry. */
export const BUS_SHARE = 0.14;

/**
 * Marks households that stay under protection until about 150–400 × scale people stay (at
 * least one household); returns the households with their intentions set.
 */
export function chooseStayers(
  rng: Random,
  households: readonly Household[],
  context: { readonly scale: number; readonly ageOf: (personId: string) => number },
): Household[] {
  const target = Math.max(1, Math.round(rng.int(150, 400) * context.scale));
  const elderlySmall = households.filter(
    (h) => h.members.length <= 2 && h.members.every((m) => context.ageOf(m.id) >= 60),
  );
  const staying = new Set<string>();
  let people = 0;
  for (const household of rng.shuffle([...elderlySmall])) {
    if (people >= target) break;
    staying.add(household.id);
    people += household.members.length;
  }
  return households.map((h) =>
    staying.has(h.id) ? { ...h, intention: 'stay_under_protection' } : h,
  );
}

function busWeight(household: Household, people: ReadonlyMap<string, PersonInfo>): number {
  const infos = household.members.map((m) => people.get(m.id));
  const elderly = infos.some((i) => (i?.age ?? 0) >= 65);
  const driver = infos.some((i) => i?.person.identity.sex === 'male' && i.age >= 18 && i.age < 65);
  return 1 + (elderly ? 2 : 0) + (driver ? 0 : 2);
}

/**
 * Splits the leaving households into bus and car households, the bus ones holding about
 * BUS_SHARE of the people.
 */
export function chooseBusHouseholds(
  rng: Random,
  leaving: readonly Household[],
  people: ReadonlyMap<string, PersonInfo>,
): { bus: Household[]; car: Household[] } {
  const weights = leaving.map((h) => busWeight(h, people));
  const totalPeople = leaving.reduce((n, h) => n + h.members.length, 0);
  const weighted = leaving.reduce((n, h, i) => n + (weights[i] ?? 1) * h.members.length, 0);
  // Accepting each household with probability c·w gives BUS_SHARE of the people on average.
  const c = (BUS_SHARE * totalPeople) / Math.max(1, weighted);
  const bus: Household[] = [];
  const car: Household[] = [];
  leaving.forEach((household, i) => {
    (rng.chance(c * (weights[i] ?? 1)) ? bus : car).push(household);
  });
  // Even the smallest scenario has a convoy to show.
  const first = car.shift();
  if (bus.length === 0 && first !== undefined) bus.push(first);
  else if (first !== undefined) car.unshift(first);
  return { bus, car };
}
