// What the loader works out before writing anything: the listed journey of every travelling
// person, each journey's final row (a first replay of every event through the journey machine),
// the welfare contacts each staying household will have, and when households register.
import type { Journey } from '../../passage/database/journey.repository.ts';
import { ageBandOf } from '../../passage/model/age-band.ts';
import type { WelfareContactEvent } from '../scenario-events.types.ts';
import type { Scenario } from '../scenario.types.ts';
import { JourneyBook } from './journey-book.ts';
import { movesOf, routeFacts } from './journey-moves.ts';
import type { RouteFacts } from './journey-moves.ts';
import type { DemoActors } from './sealed-write.ts';
import { newRecordId } from '../../random/record-id.ts';

const DAY_MS = 86_400_000;

/** Households register over the two days before D0 (pre-registration, DOMAIN.md §4). */
export const REGISTRATION_DAYS = 2;

/** The loader's plan. */
export interface LoadPlan {
  route: RouteFacts;
  /** Every travelling person's journey as first listed, by the scenario's person id. */
  listed: ReadonlyMap<string, Journey>;
  /** The same journeys after every event of the scenario. */
  final: JourneyBook;
  /** Welfare contact events per staying household. */
  welfare: ReadonlyMap<string, WelfareContactEvent[]>;
  /** When household `index` of `count` registers. */
  registeredAt(index: number, count: number): Date;
  /** The year ages are counted in (D0's). */
  year: number;
}

function listedJourneys(scenario: Scenario, year: number): Map<string, Journey> {
  const listed = new Map<string, Journey>();
  for (const household of scenario.households) {
    if (household.intention === 'stay_under_protection') continue;
    for (const member of household.members) {
      listed.set(member.id, {
        id: newRecordId(),
        personRef: null,
        householdId: household.id,
        vehicleId: null,
        operationId: null,
        state: 'listed',
        version: 1,
        sex: member.identity.sex,
        ageBand: ageBandOf(member.identity.birthYear, year),
        departedAt: null,
        firstCheckpointId: null,
        lastPlaceId: null,
        lastSeenAt: null,
        expectedBy: null,
        arrivedAt: null,
        registeredAt: null,
      });
    }
  }
  return listed;
}

function welfareByHousehold(scenario: Scenario): Map<string, WelfareContactEvent[]> {
  const byHousehold = new Map<string, WelfareContactEvent[]>();
  for (const event of scenario.events) {
    if (event.type !== 'welfare_contact') continue;
    const list = byHousehold.get(event.householdId) ?? [];
    list.push(event);
    byHousehold.set(event.householdId, list);
  }
  return byHousehold;
}

/**
 * Plans the load of `scenario`; throws invalid_transition if an event breaks the journey
 * machine (the scenario is then not loadable as it stands).
 *
 * @example const plan = planLoad(scenario, actors);
 */
export function planLoad(scenario: Scenario, actors: DemoActors): LoadPlan {
  const start = new Date(scenario.meta.start);
  const year = start.getUTCFullYear();
  const route = routeFacts(scenario);
  const listed = listedJourneys(scenario, year);
  const final = new JourneyBook(listed);
  for (const event of scenario.events) {
    for (const move of movesOf(event, route, actors)) final.apply(move);
  }
  const from = start.getTime() - REGISTRATION_DAYS * DAY_MS;
  return {
    route,
    listed,
    final,
    welfare: welfareByHousehold(scenario),
    registeredAt: (index, count) =>
      new Date(from + Math.floor((index * REGISTRATION_DAYS * DAY_MS) / Math.max(1, count))),
    year,
  };
}
