// A journey event as the field records it — from a device (journey_event, arrival_registration
// captures) or from staff (POST /api/v1/journeys/:id/transitions) — planned before anything is
// written, so a capture can seal it in prepare() and write it inside the sync transaction:
// the transitions, a held case opened for a person detained or missing (DOMAIN.md §4: "the
// outcome for every person pulled aside"), the arrival registration, and the alerts to raise.
import { DomainError } from '../../../errors/domain-error.ts';
import type { ArrivalRegistration } from '../../database/arrival.repository.ts';
import type { HeldCase } from '../../database/held-case.repository.ts';
import type {
  Journey,
  JourneyProgress,
  JourneyTransition,
} from '../../database/journey.repository.ts';
import type { PassageStore } from '../../database/passage-store.repository.ts';
import type { PlaceKind } from '../../database/passage-vocabulary.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { heldPerson } from '../../model/alert-rules.ts';
import { heldCaseMachine } from '../../model/held-case.machine.ts';
import type { JourneyState } from '../../model/states.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';
import { expectedByAfter, firstCheckpointProgress, planJourneyChange } from './journey-change.ts';
import type { JourneyChange } from './journey-change.ts';
import { newRecordId } from '../../../random/record-id.ts';

/** Places where a checkpoint passage is recorded. */
export const CHECKPOINT_KINDS: readonly PlaceKind[] = ['exit_post', 'checkpoint'];

/** Journey states whose person is followed as a held case. */
const CASE_STATES: readonly JourneyState[] = ['detained', 'unknown'];

/** States reached at a checkpoint: the first of them starts the overdue clock. */
const CHECKPOINT_STATES: readonly JourneyState[] = ['passed', 'held_secondary', 'turned_back'];

/** A journey event to plan. */
export interface JourneyEventRequest extends JourneyChange {
  journey: Journey;
  /** Id for the arrival registration this event makes (a capture's item id), else random. */
  arrivalId?: string;
}

/** What recording one journey event writes and raises. */
export interface JourneyEventPlan {
  /** The journey as it will be. */
  journey: Journey;
  transitions: JourneyTransition[];
  heldCase: HeldCase | undefined;
  arrival: ArrivalRegistration | undefined;
  alerts: AlertCandidate[];
}

/** Plans journey events against the gazetteer (for the transit clock). */
export class JourneyEventPlanner {
  readonly #places: PlaceDirectory;

  constructor(places: PlaceDirectory) {
    this.#places = places;
  }

  /**
   * Plans `request`, reading open held cases through `store`. Throws 'invalid_transition' when
   * the machine refuses a step, 'invalid_request' for a registration without a place.
   */
  async plan(store: PassageStore, request: JourneyEventRequest): Promise<JourneyEventPlan> {
    const progress = { ...(await this.#clockProgress(request)), ...request.progress };
    const planned = planJourneyChange(request.journey, { ...request, progress });
    const after = planned.after;
    const heldCase = CASE_STATES.includes(after.state)
      ? await openCaseUnlessOpen(store, after, request)
      : undefined;
    const alert = heldPerson({
      journeyId: after.id,
      state: after.state,
      checkpointId: request.placeId,
      at: new Date(request.at),
    });
    return {
      journey: after,
      transitions: planned.transitions,
      heldCase,
      arrival: arrivalOf(planned.transitions, request),
      alerts: alert === undefined ? [] : [alert],
    };
  }

  /** Boarding, or a first checkpoint seen by staff, starts the overdue clock. */
  async #clockProgress(request: JourneyEventRequest): Promise<JourneyProgress> {
    const { journey, placeId, to, at } = request;
    if (placeId === null) return {};
    if (to === 'boarded' && journey.expectedBy === null) {
      return { expectedBy: expectedByAfter(at, await this.#places.transitMinutesFrom(placeId)) };
    }
    if (!CHECKPOINT_STATES.includes(to) || journey.firstCheckpointId !== null) return {};
    const kind = await this.#places.kindOf(placeId);
    if (kind === undefined || !CHECKPOINT_KINDS.includes(kind)) return {};
    const minutes = await this.#places.transitMinutesFrom(placeId);
    return firstCheckpointProgress(journey, placeId, at, minutes);
  }
}

async function openCaseUnlessOpen(
  store: PassageStore,
  journey: Journey,
  request: JourneyEventRequest,
): Promise<HeldCase | undefined> {
  const cases = await store.heldCases.listForJourney(journey.id);
  if (cases.some((heldCase) => !heldCaseMachine.isTerminal(heldCase.state))) return undefined;
  return {
    id: newRecordId(),
    journeyId: journey.id,
    personRef: journey.personRef,
    state: 'reported',
    placeId: request.placeId,
    heldBy: null,
    reportedAt: request.at,
    updatedAt: request.at,
    icrcNotifiedAt: null,
    version: 1,
  };
}

function arrivalOf(
  transitions: readonly JourneyTransition[],
  request: JourneyEventRequest,
): ArrivalRegistration | undefined {
  if (!transitions.some((transition) => transition.to === 'registered_at_arrival')) {
    return undefined;
  }
  if (request.placeId === null) {
    throw new DomainError('invalid_request', 'a registration on arrival needs its place', {
      details: [{ path: 'placeId', code: 'required' }],
    });
  }
  return {
    id: request.arrivalId ?? newRecordId(),
    journeyId: request.journey.id,
    placeId: request.placeId,
    registeredAt: request.at,
    registeredBy: request.actor,
  };
}

/**
 * Writes a planned event on `store` (a transaction): the transitions (a concurrent change
 * makes them fail with 'conflict'), the held case, the arrival registration.
 */
export async function writeJourneyEvent(
  store: PassageStore,
  plan: JourneyEventPlan,
): Promise<void> {
  await store.journeys.transitionMany(plan.transitions);
  if (plan.heldCase !== undefined) await store.heldCases.insert(plan.heldCase);
  if (plan.arrival !== undefined && !(await store.arrivals.insert(plan.arrival))) {
    throw new DomainError('conflict', 'the journey is already registered on arrival');
  }
}

/** What the log commits to for a journey event: ids, states, versions, places and times. */
export function journeyEventRecord(plan: JourneyEventPlan): Record<string, unknown> {
  return {
    journeyId: plan.journey.id,
    steps: plan.transitions.map((step) => ({
      from: step.from,
      to: step.to,
      version: step.expectedVersion + 1,
      at: step.at,
      placeId: step.placeId,
      actor: step.actor,
    })),
    expectedBy: plan.journey.expectedBy,
    heldCaseId: plan.heldCase?.id ?? null,
    arrivalId: plan.arrival?.id ?? null,
  };
}
