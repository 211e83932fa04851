// Private cars and buses. Households of one settlement are packed into cars: a car takes whole
// households while they fit, and a household too large for an empty car is split over cars, so
// households share cars and large ones split, as on the real road (DOMAIN.md §7: occupancy mean
// 4.76, 1–9 people). The capacity weights are tuned so the realised mean lands there.
import { WeightedIndex } from './random.ts';
import type { Random } from './random.ts';
import type { Household, Vehicle } from './scenario.types.ts';
import type { SyntheticNumbers } from './synthetic-ids.ts';

/** The people one car carries at departure. */
export interface CarLoad {
  readonly vehicle: Vehicle;
  readonly settlementId: string;
  readonly personIds: string[];
}

// How many people a car is filled up to (1…9); realised occupancy is at most this.
const CAPACITY = new WeightedIndex([0.03, 0.03, 0.04, 0.06, 0.16, 0.26, 0.22, 0.12, 0.08]);

function newCar(numbers: SyntheticNumbers, rng: Random, capacity: number): Vehicle {
  // Up to five people fit a car; more means a seven- or nine-seat van.
  const seats = capacity <= 5 ? 5 : capacity <= 7 ? 7 : 9;
  return { id: rng.uuid(), kind: 'car', plate: numbers.plate(), seats };
}

function packSettlement(
  rng: Random,
  numbers: SyntheticNumbers,
  settlementId: string,
  households: readonly Household[],
): CarLoad[] {
  const loads: CarLoad[] = [];
  let capacity = CAPACITY.draw(rng) + 1;
  let current: CarLoad = { vehicle: newCar(numbers, rng, capacity), settlementId, personIds: [] };
  const close = (): void => {
    loads.push(current);
    capacity = CAPACITY.draw(rng) + 1;
    current = { vehicle: newCar(numbers, rng, capacity), settlementId, personIds: [] };
  };
  for (const household of rng.shuffle([...households])) {
    let members = household.members.map((m) => m.id);
    while (members.length > 0) {
      const room = capacity - current.personIds.length;
      if (members.length <= room) {
        current.personIds.push(...members);
        members = [];
      } else if (current.personIds.length === 0) {
        // Too many for one car: the household splits.
        current.personIds.push(...members.slice(0, room));
        members = members.slice(room);
        close();
      } else {
        close();
      }
    }
    if (current.personIds.length >= capacity) close();
  }
  if (current.personIds.length > 0) loads.push(current);
  return loads;
}

/**
 * Packs the members of households into cars, settlement by settlement.
 *
 * @example
 * const loads = packCars(rng, numbers, carHouseholds);
 */
export function packCars(
  rng: Random,
  numbers: SyntheticNumbers,
  households: readonly Household[],
): CarLoad[] {
  const bySettlement = new Map<string, Household[]>();
  for (const household of households) {
    const list = bySettlement.get(household.settlementId) ?? [];
    list.push(household);
    bySettlement.set(household.settlementId, list);
  }
  return [...bySettlement].flatMap(([settlementId, list]) =>
    packSettlement(rng, numbers, settlementId, list),
  );
}

/**
 * The bus fleet: `count` buses of 40–50 seats.
 *
 * @example
 * const buses = makeBuses(rng, numbers, 90);
 */
export function makeBuses(rng: Random, numbers: SyntheticNumbers, count: number): Vehicle[] {
  return Array.from({ length: count }, (): Vehicle => ({
    id: rng.uuid(),
    kind: 'bus',
    plate: numbers.plate(),
    seats: rng.int(40, 50),
  }));
}
