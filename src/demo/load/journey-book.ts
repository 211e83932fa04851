// Every person's journey, replayed in memory through the journey machine (DOMAIN.md §5). The
// loader replays the scenario twice with the same moves: first to know each journey's final row
// (written once, at registration, so no row is updated half a million times), then in time
// order to write the history rows and seal them. Each step goes through assertTransition, so a
// scenario the domain forbids fails the build with invalid_transition instead of loading.
import type { Journey } from '../../passage/database/journey.repository.ts';
import { assertTransition } from '../../passage/model/journey.machine.ts';
import type { JourneyState } from '../../passage/model/states.ts';
import type { JourneyEventTable } from '../../passage/passage.tables.ts';

const MINUTE_MS = 60_000;

/** States reached at a checkpoint; the first checkpoint restarts the overdue clock. */
const CHECKPOINT_STATES: readonly JourneyState[] = ['passed', 'held_secondary', 'turned_back'];

/** One step of one person's journey. */
export interface JourneyMove {
  personId: string;
  to: JourneyState;
  at: string;
  placeId: string | null;
  actor: string;
  /** Set on boarding: the vehicle and operation. */
  vehicleId?: string;
  operationId?: string;
  /** Expected p95 transit from `placeId` to the humanitarian centre, for the overdue clock. */
  transitMinutes?: number;
  /** True when `placeId` is an exit post or checkpoint (field's CHECKPOINT_KINDS). */
  atCheckpoint?: boolean;
}

function after(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * MINUTE_MS).toISOString();
}

// The columns the new state implies, as the field's journey-change.ts sets them.
function progress(journey: Journey, move: JourneyMove): void {
  journey.lastSeenAt = move.at;
  if (move.placeId !== null) journey.lastPlaceId = move.placeId;
  if (move.to === 'boarded') {
    journey.departedAt ??= move.at;
    journey.vehicleId = move.vehicleId ?? journey.vehicleId;
    journey.operationId = move.operationId ?? journey.operationId;
    if (move.transitMinutes !== undefined) journey.expectedBy = after(move.at, move.transitMinutes);
  }
  const firstCheckpoint =
    move.atCheckpoint === true &&
    journey.firstCheckpointId === null &&
    CHECKPOINT_STATES.includes(move.to);
  if (firstCheckpoint && move.placeId !== null) {
    journey.firstCheckpointId = move.placeId;
    if (move.transitMinutes !== undefined) journey.expectedBy = after(move.at, move.transitMinutes);
  }
  if (move.to === 'arrived') journey.arrivedAt ??= move.at;
  if (move.to === 'registered_at_arrival') journey.registeredAt = move.at;
}

/**
 * The journeys of every travelling person, keyed by the scenario's person id.
 *
 * @example
 * const book = new JourneyBook(listed);
 * const row = book.apply({ personId, to: 'boarded', at, placeId, actor });
 */
export class JourneyBook {
  readonly #journeys = new Map<string, Journey>();

  /** Starts from `initial` (copied: two books never share a row). */
  constructor(initial: ReadonlyMap<string, Journey>) {
    for (const [personId, journey] of initial) this.#journeys.set(personId, { ...journey });
  }

  /** The journey of `personId` as it stands. */
  get(personId: string): Journey | undefined {
    return this.#journeys.get(personId);
  }

  /** Applies one move; returns its history row. Throws invalid_transition if not allowed. */
  apply(move: JourneyMove): JourneyEventTable {
    const journey = this.#journeys.get(move.personId);
    if (journey === undefined) throw new RangeError(`no journey for person ${move.personId}`);
    const from = journey.state;
    assertTransition(from, move.to, { subjectId: journey.id });
    journey.state = move.to;
    journey.version += 1;
    progress(journey, move);
    return {
      journey_id: journey.id,
      version: journey.version,
      from_state: from,
      to_state: move.to,
      at: move.at,
      place_id: move.placeId,
      actor: move.actor,
      source_item_id: null,
    };
  }
}

/**
 * A step as sealed records list it: [journey id, version after the step, from, to]. Arrays, not
 * objects: a bus carries fifty people, and the sealer canonicalises every record.
 */
export type SealedStep = [journeyId: string, version: number, from: JourneyState, to: JourneyState];

/** The sealed form of history rows. */
export function stepsOf(rows: readonly JourneyEventTable[]): SealedStep[] {
  return rows.map((row) => [row.journey_id, row.version, row.from_state, row.to_state]);
}
