// The seven-day departure curve of DOMAIN.md §7 (about 1.5k, 7k, 23k, 27k, 20k, 20k, 2k a day
// from D0, ±30%, then about 200 trickling). The table's daily figures add up to about 100k, the
// arrivals counted, while the population is 120k: the generator keeps the population and uses
// the curve as a *shape*, scaled so that everybody who leaves departs within it.
import { DAY, HOUR } from './journey-model.ts';
import { WeightedIndex } from './random.ts';
import type { Random } from './random.ts';

/** People departing per day from D0 (a shape; scaled to the people who leave). */
export const DEPARTURE_CURVE: readonly number[] = [1500, 7000, 23000, 27000, 20000, 20000, 2000];

/** People who still leave after the seven days, at scale 1, spread over TRICKLE_DAYS. */
export const TRICKLE_PEOPLE = 200;

/** Days after D6 over which the trickle spreads. */
export const TRICKLE_DAYS = 7;

/** Largest relative deviation of a day from the scaled curve (DOMAIN.md §7: ±30%). */
export const CURVE_JITTER = 0.3;

// Traffic runs day and night, busier in daylight. On D0 the window opened around 10:00.
const HOURLY = [
  0.5, 0.45, 0.4, 0.4, 0.45, 0.6, 0.9, 1.2, 1.35, 1.4, 1.4, 1.35, 1.3, 1.3, 1.3, 1.3, 1.25, 1.2,
  1.1, 1.0, 0.9, 0.8, 0.7, 0.6,
];
const HOURS = new WeightedIndex(HOURLY);
const FIRST_DAY_HOURS = new WeightedIndex(HOURLY.map((w, hour) => (hour < 10 ? 0 : w)));

/**
 * People to depart on each of the seven days: the curve scaled to `people`, each day jittered
 * by up to ±25% and then kept inside the ±30% band after renormalising.
 *
 * @example
 * dailyTargets(rng, 119_000); // e.g. [1_900, 8_100, 27_900, …]
 */
export function dailyTargets(rng: Random, people: number): number[] {
  const total = DEPARTURE_CURVE.reduce((a, b) => a + b, 0);
  const expected = DEPARTURE_CURVE.map((d) => (d / total) * people);
  let targets = expected.map((e) => e * rng.between(0.75, 1.25));
  // Renormalising can push a day outside the band; clamp and renormalise until it holds.
  for (let round = 0; round < 20; round++) {
    const sum = targets.reduce((a, b) => a + b, 0);
    targets = targets.map((t, i) => {
      const e = expected[i] ?? 0;
      return Math.min(
        e * (1 + CURVE_JITTER * 0.9),
        Math.max(e * (1 - CURVE_JITTER * 0.9), (t * people) / sum),
      );
    });
  }
  return targets.map((t) => Math.round(t));
}

/**
 * A departure time on day `day` (0 = D0) drawn from the hourly profile.
 *
 * @example
 * const t = departureTime(rng, d0Ms, 3); // some time on D3
 */
export function departureTime(rng: Random, d0: number, day: number): number {
  const hour = (day === 0 ? FIRST_DAY_HOURS : HOURS).draw(rng);
  return d0 + day * DAY + hour * HOUR + rng.float() * HOUR;
}

/** How many people of a load to count against the day targets. */
export interface Load {
  readonly personIds: readonly string[];
}

/**
 * Departure times for car loads (in the given order) so that, added to what the buses already
 * carry each day (`busPeople`), each day meets its target; the last `trickle` people leave
 * after D6.
 *
 * @example
 * const times = scheduleCars(rng, { loads, targets, busPeople, trickle: 200, d0 });
 */
export function scheduleCars(
  rng: Random,
  plan: {
    readonly loads: readonly Load[];
    readonly targets: readonly number[];
    readonly busPeople: readonly number[];
    readonly trickle: number;
    readonly d0: number;
  },
): number[] {
  const carPeople = plan.loads.reduce((sum, load) => sum + load.personIds.length, 0);
  const weekCars = Math.max(0, carPeople - plan.trickle);
  const wanted = plan.targets.map((t, i) => Math.max(0, t - (plan.busPeople[i] ?? 0)));
  const wantedSum = wanted.reduce((a, b) => a + b, 0) || 1;
  // Scale the car targets so that they use exactly the car people of the week.
  let cumulative = 0;
  const bounds = wanted.map((w) => (cumulative += (w / wantedSum) * weekCars));
  let day = 0;
  let counted = 0;
  return plan.loads.map((load) => {
    counted += load.personIds.length;
    if (counted > weekCars) {
      return departureTime(rng, plan.d0, 7 + rng.int(0, TRICKLE_DAYS - 1));
    }
    while (day < bounds.length - 1 && counted > (bounds[day] ?? 0) + load.personIds.length / 2) {
      day++;
    }
    return departureTime(rng, plan.d0, day);
  });
}
