// One change of a journey, planned in memory before anything is written: the states it steps
// through (each checked by the journey machine, so an illegal change is a typed
// invalid_transition), the versioned transitions to store, and the columns the new state
// implies (when the person departed, was last seen, arrived, was registered).
//
// Two steps may be implied, because a monitor records what they see, not the machine's path:
// - a person still `listed` (or marked `no_show`) who is seen at a checkpoint or arriving has
//   evidently boarded: the journey steps through `boarded` first (DOMAIN.md §5);
// - a person registered on arrival who was last seen on the road has evidently arrived: the
//   journey steps through `arrived` first.
// Each implied step leaves its own history row, so the record shows it was inferred at that time.
import type { JourneyProgress, JourneyTransition } from '../../database/journey.repository.ts';
import type { Journey } from '../../database/journey.repository.ts';
import { journeyOutcomeOf } from '../../model/journey-outcome.ts';
import { assertTransition, canTransition } from '../../model/journey.machine.ts';
import type { JourneyState } from '../../model/states.ts';
import { expectedArrivalBy } from '../../model/transit.ts';

/** What happened to a journey, as a monitor or a member of staff records it. */
export interface JourneyChange {
  to: JourneyState;
  /** When it happened (ISO-8601 UTC). */
  at: string;
  placeId: string | null;
  /** A staff or device id, never a name. */
  actor: string;
  /** The sync item that carried the change, if it came from a device. */
  sourceItemId: string | null;
  /** Step through `boarded` first when the journey is still listed or marked no-show. */
  boardFirst?: boolean;
  /** Step through `arrived` first when registering a journey still on the road. */
  arriveFirst?: boolean;
  /** Columns to set besides those the states imply (vehicle, first checkpoint, expectedBy). */
  progress?: JourneyProgress;
}

/** The planned transitions and the journey as it will be once they are stored. */
export interface PlannedChange {
  transitions: JourneyTransition[];
  after: Journey;
}

/**
 * The states a journey in `from` steps through to reach `to`, with the implied steps the change
 * allows (see the file comment). Not checked against the machine: planJourneyChange does that.
 *
 * @example statePath('listed', 'passed', { boardFirst: true }) // ['boarded', 'passed']
 */
export function statePath(
  from: JourneyState,
  to: JourneyState,
  implied: Pick<JourneyChange, 'boardFirst' | 'arriveFirst'> = {},
): JourneyState[] {
  const path: JourneyState[] = [];
  let at = from;
  if (
    implied.boardFirst === true &&
    (at === 'listed' || at === 'no_show') &&
    to !== 'boarded' &&
    to !== 'no_show'
  ) {
    path.push('boarded');
    at = 'boarded';
  }
  if (implied.arriveFirst === true && to === 'registered_at_arrival' && at !== 'medevac') {
    if (at !== 'arrived' && canTransition(at, 'arrived')) path.push('arrived');
  }
  path.push(to);
  return path;
}

/** The columns the states of `path` imply, for a journey as it was before the change. */
function impliedProgress(
  journey: Journey,
  path: readonly JourneyState[],
  change: JourneyChange,
): JourneyProgress {
  const progress: JourneyProgress = { lastSeenAt: change.at };
  if (change.placeId !== null) progress.lastPlaceId = change.placeId;
  const departs = path.some((state) => journeyOutcomeOf(state) !== 'not_departed');
  if (journey.departedAt === null && departs) progress.departedAt = change.at;
  if (path.includes('arrived') && journey.arrivedAt === null) progress.arrivedAt = change.at;
  if (path.includes('registered_at_arrival')) progress.registeredAt = change.at;
  return progress;
}

/**
 * The transitions that record `change` on `journey`, versions chained from the journey's
 * version, with every column the change sets on the last one. Throws DomainError
 * 'invalid_transition' (details name the journey) when a step is not allowed.
 *
 * @example planJourneyChange(journey, { to: 'passed', at, placeId, actor, sourceItemId,
 *   boardFirst: true })
 */
export function planJourneyChange(journey: Journey, change: JourneyChange): PlannedChange {
  const path = statePath(journey.state, change.to, change);
  const transitions: JourneyTransition[] = [];
  let from = journey.state;
  let version = journey.version;
  for (const to of path) {
    assertTransition(from, to, { subjectId: journey.id });
    transitions.push({
      id: journey.id,
      from,
      to,
      expectedVersion: version,
      at: change.at,
      actor: change.actor,
      placeId: change.placeId,
      sourceItemId: change.sourceItemId,
    });
    from = to;
    version += 1;
  }
  const progress = { ...impliedProgress(journey, path, change), ...change.progress };
  const last = transitions.at(-1);
  if (last !== undefined) last.progress = progress;
  return { transitions, after: { ...journey, ...progress, state: from, version } };
}

/**
 * When a person who passed `at` should have reached safety, `transitMinutes` (the route's p95)
 * later.
 *
 * @example expectedByAfter('2023-09-26T08:00:00.000Z', 240) // '2023-09-26T12:00:00.000Z'
 */
export function expectedByAfter(at: string, transitMinutes: number): string {
  return expectedArrivalBy(new Date(at), { p95Minutes: transitMinutes }).toISOString();
}

/**
 * The columns a journey's first checkpoint sets (DOMAIN.md §5: overdue when no arrival within
 * the expected transit time): the checkpoint, and the expected arrival counted from this
 * passage. Nothing when the journey has passed a checkpoint before: the first one sets the clock.
 *
 * @example firstCheckpointProgress(journey, checkpointId, at, 2970)
 */
export function firstCheckpointProgress(
  journey: Pick<Journey, 'firstCheckpointId'>,
  checkpointId: string,
  at: string,
  transitMinutes: number,
): JourneyProgress {
  if (journey.firstCheckpointId !== null) return {};
  return { firstCheckpointId: checkpointId, expectedBy: expectedByAfter(at, transitMinutes) };
}
