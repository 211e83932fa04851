// The road and the bridge checkpoint. Vehicles drive from the exit post to the checkpoint queue
// (slow when many left in the last hours: the road itself was the queue), then the checkpoint
// screens one vehicle per headway (about 15 s, so 230–250 an hour at saturation, DOMAIN.md §7)
// in queue order; buses of a convoy go first in their own column. Screening takes minutes per
// car; a man taken aside for secondary screening holds the vehicle 20–60 min. After the
// checkpoint: the reception point (a headcount) and the humanitarian centre.
import { HOUR, MINUTE } from './journey-model.ts';
import type { CrossingTimeline, JourneyDraft, PersonInfo } from './journey-model.ts';
import type { Random } from './random.ts';
import type { ScreeningType } from './scenario-events.types.ts';

/** Mean seconds between two vehicles entering screening at scale 1 (240 vehicles an hour). */
export const HEADWAY_SECONDS = 15;

// Road time from exit post to the checkpoint queue: (median, p95) in minutes off-peak and at
// the worst of the peak; interpolated on a log scale by congestion.
const ROAD_OFF_PEAK: readonly [number, number] = [70, 150];
const ROAD_PEAK: readonly [number, number] = [720, 3300];
// Convoys drive escorted, with priority on the road.
const CONVOY_ROAD: readonly [number, number] = [150, 240];

function logLerp(a: number, b: number, t: number): number {
  return Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * t);
}

/** Road time (ms) from the exit post to the checkpoint queue. */
export function roadTime(rng: Random, congestion: number, kind: 'car' | 'bus'): number {
  if (kind === 'bus') return rng.lognormalFromQuantiles(CONVOY_ROAD[0], CONVOY_ROAD[1]) * MINUTE;
  const p50 = logLerp(ROAD_OFF_PEAK[0], ROAD_PEAK[0], congestion);
  const p95 = logLerp(ROAD_OFF_PEAK[1], ROAD_PEAK[1], congestion);
  return Math.min(rng.lognormalFromQuantiles(p50, p95), 5 * 24 * 60) * MINUTE;
}

/** The result of screening one vehicle. */
export interface Screening {
  readonly end: number;
  readonly types: ScreeningType[];
  readonly holds: readonly { personId: string; heldAt: number; decisionAt: number }[];
}

/** Is this person in the group whose faces are captured (men about 18–45, DOMAIN.md §7)? */
export function isScreenedMan(info: PersonInfo): boolean {
  return info.person.identity.sex === 'male' && info.age >= 18 && info.age <= 45;
}

/**
 * Screens one vehicle that entered screening at `start`: document check for all, face capture
 * when men 18–45 are aboard, sometimes a search; people in `held` are taken aside.
 */
export function screenVehicle(
  rng: Random,
  journey: JourneyDraft,
  start: number,
  context: { readonly people: ReadonlyMap<string, PersonInfo>; readonly held: ReadonlySet<string> },
): Screening {
  const bus = journey.vehicle.kind === 'bus';
  const minutes = bus ? rng.between(20, 40) : Math.min(45, 1 + rng.lognormalFromQuantiles(3, 11));
  let end = start + minutes * MINUTE;
  const types: ScreeningType[] = ['document_check'];
  const men = journey.personIds.some((id) => {
    const info = context.people.get(id);
    return info !== undefined && isScreenedMan(info);
  });
  if (men) types.push('face_capture');
  if (rng.chance(bus ? 0.5 : 0.25)) types.push('vehicle_search');
  const holds = journey.personIds
    .filter((id) => context.held.has(id))
    .map((personId) => {
      const heldAt = start + rng.between(0.5, Math.min(minutes, 10)) * MINUTE;
      return { personId, heldAt, decisionAt: heldAt + rng.between(20, 60) * MINUTE };
    });
  for (const hold of holds) end = Math.max(end, hold.decisionAt + rng.between(1, 5) * MINUTE);
  return { end, types, holds };
}

/** Reception point and humanitarian centre times after the checkpoint. */
export function afterCheckpoint(
  rng: Random,
  congestion: number,
  screeningEnd: number,
  kind: 'car' | 'bus',
): Pick<CrossingTimeline, 'receptionIn' | 'receptionStart' | 'receptionEnd' | 'arrival'> {
  const c = kind === 'bus' ? 0 : congestion;
  const receptionIn =
    screeningEnd + rng.lognormalFromQuantiles(logLerp(15, 45, c), logLerp(40, 180, c)) * MINUTE;
  const receptionStart = receptionIn + rng.between(0, 10 + 40 * c) * MINUTE;
  const receptionEnd =
    receptionStart + (kind === 'bus' ? rng.between(10, 20) : rng.between(3, 10)) * MINUTE;
  const drive = rng.lognormalFromQuantiles(logLerp(40, 90, c), logLerp(90, 240, c));
  return { receptionIn, receptionStart, receptionEnd, arrival: receptionEnd + drive * MINUTE };
}

/**
 * The checkpoint's single screening entrance: one vehicle per headway. Buses reserve their
 * slots first (their own queue, priority over cars); cars then take the free slots in order
 * of arrival in the queue.
 */
export class CheckpointEntrance {
  readonly #headway: number;
  readonly #reserved: [number, number][] = [];
  #busFree = Number.NEGATIVE_INFINITY;

  /** `scale` stretches the headway so a smaller scenario keeps the same queueing shape. */
  constructor(scale: number) {
    this.#headway = (HEADWAY_SECONDS * 1000) / scale;
  }

  #gap(rng: Random): number {
    return this.#headway * rng.between(0.8333, 1.1667);
  }

  /** A bus entering the queue at `queueIn`: its screening start. */
  reserveBus(rng: Random, queueIn: number): number {
    const start = Math.max(queueIn, this.#busFree);
    this.#busFree = start + this.#gap(rng);
    this.#reserved.push([start, this.#busFree]);
    return start;
  }

  /** Screening starts for cars, given in the order of their queue-in times. */
  admitCars(rng: Random, queueIns: readonly number[]): number[] {
    const reserved = [...this.#reserved].sort((a, b) => a[0] - b[0]);
    let next = 0;
    let free = Number.NEGATIVE_INFINITY;
    return queueIns.map((queueIn) => {
      let start = Math.max(queueIn, free);
      const gap = this.#gap(rng);
      // Skip past bus slots that overlap this car's slot.
      for (;;) {
        const slot = reserved[next];
        if (slot === undefined || slot[0] >= start + gap) break;
        if (slot[1] > start) start = slot[1];
        next++;
      }
      free = start + gap;
      return start;
    });
  }
}

/** Congestion 0…1 at each departure: vehicles that left in the preceding 12 h, vs. the peak. */
export function congestionAt(departures: readonly number[], scale: number): number[] {
  const full = 2400 * scale;
  const window = 12 * HOUR;
  let tail = 0;
  return departures.map((t, i) => {
    while ((departures[tail] ?? t) < t - window) tail++;
    return Math.min(1, (i - tail + 1) / full);
  });
}
