// What really happened, as the generator knows it (ground truth the reports are about): the
// fuel-depot explosion in the queue on the evening of D1 (DOMAIN.md §7: 170–220 dead, 120–290
// injured, about 100 first reported missing), every detention of the passage scenario (linked to
// its held case), deaths in the queue, and a spread of corridor incidents over the days.
import type { Random } from '../random.ts';
import type { Place } from '../scenario.types.ts';
import type { SubEventType, VictimCountDraft } from './monitoring.types.ts';
import type { MonitoringInput, MonitoringWorld } from './monitoring-world.ts';
import { DAY_MS, HOUR_MS, MONITORING_DAYS, dayTime } from './monitoring-world.ts';

/** True figures of one happening. */
export interface TrueToll {
  readonly killed: number;
  readonly injured: number;
  readonly detained: number;
  readonly missing: number;
}

/** One thing that happened. */
export interface Happening {
  readonly id: string;
  readonly subEventType: SubEventType;
  readonly at: number;
  readonly end: number | null;
  readonly place: Place;
  /** The party whose personnel acted (actor 1), if any. */
  readonly partyId: string | null;
  readonly toll: TrueToll;
  readonly victims: readonly VictimCountDraft[];
  readonly civilianTargeting: boolean;
  /** How many independent reports it draws (1 = a single source). */
  readonly reach: number;
  readonly heldCaseId?: string;
}

/** The explosion: 18:30 on D1, in the queue near the main town. */
export const EXPLOSION_HOURS_AFTER_D1 = 18.5;

const NONE: TrueToll = { killed: 0, injured: 0, detained: 0, missing: 0 };

// Sub-types of the background incidents, with weights: checkpoint practice first.
const BACKGROUND: readonly (readonly [SubEventType, number])[] = [
  ['filming_or_biometric_capture', 5],
  ['confiscation', 4],
  ['denial_of_passage', 4],
  ['checkpoint_ill_treatment', 3],
  ['firing_near_corridor', 3],
  ['medical_evacuation', 3],
  ['removal_from_convoy', 1],
  ['mines_or_uxo', 2],
  ['humanitarian_convoy_blocked', 2],
  ['threats_to_those_who_stay', 3],
  ['property_destruction', 3],
  ['denial_of_services', 2],
];

// Incidents about those who stayed happen in the settlements; the rest on the corridor.
const IN_SETTLEMENTS = new Set<SubEventType>([
  'threats_to_those_who_stay',
  'property_destruction',
  'denial_of_services',
]);

/** The party in control of `place` at `at` (the checkpoint authority when nothing says). */
export function controllerAt(world: MonitoringWorld, place: Place, at: number): string {
  const period = place.control.find(
    (p) =>
      (p.from === undefined || Date.parse(p.from) <= at) &&
      (p.to === undefined || at < Date.parse(p.to)),
  );
  return period?.partyId ?? world.partyByRole.checkpoint_authority.id;
}

function explosion(world: MonitoringWorld, rng: Random): Happening {
  const main = world.settlements[0] ?? world.checkpoint;
  return {
    id: rng.uuid(),
    subEventType: 'mass_casualty_accident',
    at: dayTime(world, 1, EXPLOSION_HOURS_AFTER_D1),
    end: null,
    place: main,
    partyId: null,
    toll: { killed: 218, injured: 290, detained: 0, missing: 0 },
    victims: [
      { sex: 'male', ageBand: '18-45', count: 96 },
      { sex: 'female', ageBand: '18-45', count: 51 },
      { sex: 'male', ageBand: '46-64', count: 29 },
      { sex: 'unknown', ageBand: 'unknown', count: 42 },
    ],
    civilianTargeting: false,
    reach: 12,
  };
}

function detentions(world: MonitoringWorld, input: MonitoringInput, rng: Random): Happening[] {
  return input.events.flatMap((event): Happening[] => {
    if (event.type !== 'detained') return [];
    const place = world.places.find((p) => p.id === event.placeId) ?? world.checkpoint;
    return [
      {
        id: rng.uuid(),
        subEventType: 'checkpoint_detention',
        at: Date.parse(event.at),
        end: null,
        place,
        partyId: event.partyId,
        toll: { ...NONE, detained: 1 },
        victims: [{ sex: 'male', ageBand: '18-45', count: 1 }],
        civilianTargeting: true,
        reach: rng.int(2, 4),
        heldCaseId: event.caseId,
      },
    ];
  });
}

function queueDeaths(world: MonitoringWorld, input: MonitoringInput, rng: Random): Happening[] {
  return input.events.flatMap((event): Happening[] => {
    if (event.type !== 'died_en_route') return [];
    const place = world.places.find((p) => p.id === event.nearPlaceId) ?? world.checkpoint;
    return [
      {
        id: rng.uuid(),
        subEventType: 'death_in_queue',
        at: Date.parse(event.at),
        end: null,
        place,
        partyId: null,
        toll: { ...NONE, killed: 1 },
        victims: [{ sex: 'unknown', ageBand: '65+', count: 1 }],
        civilianTargeting: false,
        reach: rng.int(1, 3),
      },
    ];
  });
}

function background(world: MonitoringWorld, rng: Random, count: number): Happening[] {
  const kinds = BACKGROUND.map(([kind]) => kind);
  const weights = BACKGROUND.map(([, weight]) => weight);
  const corridor = [world.checkpoint, ...world.exitPosts];
  const span = (MONITORING_DAYS.last - 2 - (MONITORING_DAYS.first + 2)) * DAY_MS;
  return Array.from({ length: count }, (): Happening => {
    const subEventType = rng.pickWeighted(kinds, weights);
    const place = rng.pick(IN_SETTLEMENTS.has(subEventType) ? world.settlements : corridor);
    const at = dayTime(world, MONITORING_DAYS.first + 2, 0) + rng.float() * span;
    const harmed = rng.int(1, 6);
    const isHarm = subEventType === 'firing_near_corridor' || subEventType === 'mines_or_uxo';
    return {
      id: rng.uuid(),
      subEventType,
      at,
      end: rng.chance(0.3) ? at + rng.between(1, 6) * HOUR_MS : null,
      place,
      partyId: subEventType === 'medical_evacuation' ? null : controllerAt(world, place, at),
      toll: isHarm ? { ...NONE, injured: rng.int(0, 3), killed: rng.int(0, 1) } : NONE,
      victims: [{ sex: rng.chance(0.6) ? 'male' : 'female', ageBand: 'unknown', count: harmed }],
      civilianTargeting: subEventType !== 'medical_evacuation' && subEventType !== 'mines_or_uxo',
      reach: rng.pickWeighted([1, 2, 3, 4], [3, 4, 2, 1]),
    };
  });
}

/**
 * Every happening of the demo, sorted by time; the explosion is the first of D1's evening.
 *
 * @example const happenings = generateHappenings(world, scenario);
 */
export function generateHappenings(world: MonitoringWorld, input: MonitoringInput): Happening[] {
  const rng = world.root.fork('happenings');
  return [
    explosion(world, rng),
    ...detentions(world, input, rng),
    ...queueDeaths(world, input, rng),
    ...background(world, rng, rng.int(36, 44)),
  ].sort((a, b) => a.at - b.at);
}
