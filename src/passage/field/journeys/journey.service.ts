// Staff reading a journey with its history, and moving it through the journey machine by hand
// (a coordinator records what the hotline learnt; a monitor corrects a capture). The same
// planner as the devices' journey_event captures, so both paths apply the same rules; staff
// name the version they read, so two people changing one journey cannot overwrite each other.
import { DomainError } from '../../../errors/domain-error.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Journey, JourneyEvent } from '../../database/journey.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { JourneyState } from '../../model/states.ts';
import { raiseAndLog } from '../field-context.ts';
import type { FieldContext } from '../field-context.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';
import { journeyEventRecord, writeJourneyEvent } from './journey-event.plan.ts';
import type { JourneyEventPlanner } from './journey-event.plan.ts';

/** A journey and its transitions, oldest first. */
export interface JourneyView {
  journey: Journey;
  history: JourneyEvent[];
}

/** A transition requested by staff. */
export interface JourneyTransitionRequest {
  to: JourneyState;
  placeId?: string | undefined;
  /** The version the caller read. */
  version: number;
}

/** What the journey service needs. */
export interface JourneyServiceDeps {
  context: FieldContext;
  places: PlaceDirectory;
  planner: JourneyEventPlanner;
}

/** Journeys as staff see and change them. */
export class JourneyService {
  readonly #deps: JourneyServiceDeps;

  constructor(deps: JourneyServiceDeps) {
    this.#deps = deps;
  }

  /** The journey and its history; 'not_found' when there is none. */
  async get(id: string): Promise<JourneyView> {
    const store = passageStoreOn(this.#deps.context.db);
    const [journey, history] = await Promise.all([
      store.journeys.get(id),
      store.journeys.history(id),
    ]);
    if (journey === undefined) throw new DomainError('not_found', 'no such journey');
    return { journey, history };
  }

  /**
   * Moves journey `id` to `request.to` as `actor`. Throws 'not_found', 'conflict' (the journey
   * is no longer at `request.version`), 'invalid_transition', or 'invalid_request' (unknown
   * place, or a registration without one).
   */
  async transition(
    id: string,
    request: JourneyTransitionRequest,
    actor: string,
  ): Promise<JourneyView> {
    const { context, places, planner } = this.#deps;
    if (request.placeId !== undefined) await places.requirePlace(request.placeId, 'placeId');
    const store = passageStoreOn(context.db);
    const journey = await store.journeys.get(id);
    if (journey === undefined) throw new DomainError('not_found', 'no such journey');
    if (journey.version !== request.version) {
      throw new DomainError('conflict', 'the journey changed meanwhile', {
        details: { id, expectedVersion: request.version, currentVersion: journey.version },
      });
    }
    const plan = await planner.plan(store, {
      journey,
      to: request.to,
      at: context.now().toISOString(),
      placeId: request.placeId ?? null,
      actor,
      sourceItemId: null,
    });
    const seal = await context.sealer.seal({
      kind: 'journey.transition',
      id,
      version: plan.journey.version,
      record: journeyEventRecord(plan),
    });
    await context.db.transaction().execute(async (trx) => {
      await writeJourneyEvent(passageStoreOn(trx), plan);
      await insertSeals(trx, [seal]);
    });
    await raiseAndLog(context, plan.alerts);
    return this.get(id);
  }
}
