// What a checkpoint passage does to the people aboard: each listed journey moves through the
// journey machine to the person's outcome (a journey still listed steps through boarded; the
// first checkpoint starts the overdue clock), and a person without a journey — self-organised
// traffic, most of it in 2023 (DOMAIN.md §5) — starts a new journey at their outcome with only
// sex and age band. Pure: the journeys and the transit time are read beforehand.
import { newRecordId } from '../../../random/record-id.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Journey, JourneyTransition } from '../../database/journey.repository.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { heldPerson } from '../../model/alert-rules.ts';
import { journeyMachine } from '../../model/journey.machine.ts';
import type { JourneyState } from '../../model/states.ts';
import {
  expectedByAfter,
  firstCheckpointProgress,
  planJourneyChange,
} from '../journeys/journey-change.ts';
import type { PassagePerson } from './checkpoint-passage.schema.ts';

/** Where and when the people were seen, and by whom. */
export interface PassageScene {
  checkpointId: string;
  vehicleId: string | null;
  /** ISO-8601 UTC. */
  at: string;
  /** p95 minutes from this checkpoint to safety. */
  transitMinutes: number;
  actor: string;
  sourceItemId: string;
}

/** The journeys a passage moves and starts, and the alerts for the people held. */
export interface PassagePeoplePlan {
  transitions: JourneyTransition[];
  started: Journey[];
  /** Every journey of the passage (listed or started), in payload order. */
  journeyIds: string[];
  /** What the log commits to about each person: ids and states only. */
  steps: { journeyId: string; from: string | null; to: string; version: number }[];
  /** Journeys already seen somewhere after this passage's time: it was synced late. */
  late: string[];
  alerts: AlertCandidate[];
}

function startedJourney(person: PassagePerson, scene: PassageScene): Journey {
  journeyMachine.assertStartAt(person.outcome);
  return {
    id: newRecordId(),
    personRef: null,
    householdId: null,
    vehicleId: scene.vehicleId,
    operationId: null,
    state: person.outcome,
    version: 1,
    sex: person.sex ?? null,
    ageBand: person.ageBand ?? null,
    departedAt: scene.at,
    firstCheckpointId: scene.checkpointId,
    lastPlaceId: scene.checkpointId,
    lastSeenAt: scene.at,
    expectedBy: expectedByAfter(scene.at, scene.transitMinutes),
    arrivedAt: null,
    registeredAt: null,
  };
}

function movedJourney(journey: Journey, person: PassagePerson, scene: PassageScene) {
  const progress = firstCheckpointProgress(
    journey,
    scene.checkpointId,
    scene.at,
    scene.transitMinutes,
  );
  return planJourneyChange(journey, {
    to: person.outcome,
    at: scene.at,
    placeId: scene.checkpointId,
    actor: scene.actor,
    sourceItemId: scene.sourceItemId,
    boardFirst: true,
    progress: scene.vehicleId === null ? progress : { ...progress, vehicleId: scene.vehicleId },
  });
}

/** Where a person's journey stands after the passage; late when it did not move it. */
interface Outcome {
  id: string;
  state: JourneyState;
  late?: boolean;
}

/**
 * How much earlier than a journey's last sighting a passage must be to count as late. Devices'
 * clocks differ by minutes: within this margin a passage moves the journey as usual, so a slow
 * clock at a checkpoint never leaves a boarded journey unmoved (and without its overdue clock).
 */
export const LATE_MARGIN_MS = 15 * 60_000;

// A passage captured well before the journey's last sighting (a device that synced hours after
// another recorded the same people further on) is a true observation of the past: it is stored
// and counted at its checkpoint, but moves no journey — moving it would set the journey's last
// place and time back, or refuse the capture as an illegal transition and lose the observation.
function seenSince(journey: Journey, at: string): boolean {
  return (
    journey.lastSeenAt !== null && Date.parse(journey.lastSeenAt) - Date.parse(at) > LATE_MARGIN_MS
  );
}

function addStarted(plan: PassagePeoplePlan, person: PassagePerson, scene: PassageScene): Outcome {
  const journey = startedJourney(person, scene);
  plan.started.push(journey);
  plan.steps.push({ journeyId: journey.id, from: null, to: journey.state, version: 1 });
  return { id: journey.id, state: journey.state };
}

function addMoved(
  plan: PassagePeoplePlan,
  listed: { person: PassagePerson; journeyId: string; journeys: ReadonlyMap<string, Journey> },
  scene: PassageScene,
): Outcome {
  const journey = listed.journeys.get(listed.journeyId);
  if (journey === undefined) {
    throw new DomainError('not_found', 'a journey of the passage does not exist', {
      details: { journeyId: listed.journeyId },
    });
  }
  if (seenSince(journey, scene.at)) {
    plan.late.push(journey.id);
    return { id: journey.id, state: journey.state, late: true };
  }
  const moved = movedJourney(journey, listed.person, scene);
  plan.transitions.push(...moved.transitions);
  for (const step of moved.transitions) {
    const version = step.expectedVersion + 1;
    plan.steps.push({ journeyId: journey.id, from: step.from, to: step.to, version });
  }
  return { id: journey.id, state: moved.after.state };
}

/**
 * Plans the people of one passage. Throws 'not_found' when a listed journey does not exist and
 * 'invalid_transition' when one cannot reach its outcome (e.g. a person already turned back).
 *
 * @example planPassagePeople(people, journeysById, scene)
 */
export function planPassagePeople(
  people: readonly PassagePerson[],
  journeys: ReadonlyMap<string, Journey>,
  scene: PassageScene,
): PassagePeoplePlan {
  const plan: PassagePeoplePlan = {
    transitions: [],
    started: [],
    journeyIds: [],
    steps: [],
    late: [],
    alerts: [],
  };
  for (const person of people) {
    const { id, state, late } =
      person.journeyId === undefined
        ? addStarted(plan, person, scene)
        : addMoved(plan, { person, journeyId: person.journeyId, journeys }, scene);
    plan.journeyIds.push(id);
    if (late === true) continue;
    const at = new Date(scene.at);
    const held = heldPerson({ journeyId: id, state, checkpointId: scene.checkpointId, at });
    if (held !== undefined) plan.alerts.push(held);
  }
  return plan;
}
