// Held-person cases as coordinators follow them (DOMAIN.md §5): listed by state, read with their
// history, and moved through the held-case machine at the version the caller read. Whether the
// ICRC was told is part of what the mission checks (DOMAIN.md §4), so a transition may record it.
// A transition also moves the person's journey where the case implies it (released people go
// back on the road, confirmed detainees count as detained), in the same transaction and seal.
import { DomainError } from '../../../errors/domain-error.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { HeldCase, HeldCaseProgress } from '../../database/held-case.repository.ts';
import type { JourneyProgress, JourneyTransition } from '../../database/journey.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { TransitionEvent } from '../../database/transition.repository.ts';
import { journeyStepForHeldCase } from '../../model/held-case-journey.ts';
import { assertTransition } from '../../model/held-case.machine.ts';
import { HELD_CASE_STATES } from '../../model/states.ts';
import type { HeldCaseState } from '../../model/states.ts';
import type { FieldContext } from '../field-context.ts';
import { expectedByAfter } from '../journeys/journey-change.ts';
import { DEFAULT_TRANSIT_MINUTES } from '../places/place-directory.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';

/** A held case and its transitions, oldest first. */
export interface HeldCaseView {
  heldCase: HeldCase;
  history: TransitionEvent<HeldCaseState>[];
}

/** Which cases to list. */
export interface HeldCaseFilter {
  state?: HeldCaseState | undefined;
  limit: number;
}

/** A transition requested by a coordinator. */
export interface HeldCaseTransitionRequest {
  to: HeldCaseState;
  version: number;
  placeId?: string | undefined;
  heldBy?: string | undefined;
  /** True records now as the time the ICRC was notified, unless a time is recorded already. */
  icrcNotified?: boolean | undefined;
}

/** Held cases as coordinators see and change them. */
export class HeldCaseService {
  readonly #context: FieldContext;
  readonly #places: PlaceDirectory;

  constructor(context: FieldContext, places: PlaceDirectory) {
    this.#context = context;
    this.#places = places;
  }

  /** Cases in `filter.state` (every state when absent), oldest report first. */
  list(filter: HeldCaseFilter): Promise<HeldCase[]> {
    const states = filter.state === undefined ? HELD_CASE_STATES : [filter.state];
    return passageStoreOn(this.#context.db).heldCases.list({ states, limit: filter.limit });
  }

  /** The case and its history; 'not_found' when there is none. */
  async get(id: string): Promise<HeldCaseView> {
    const store = passageStoreOn(this.#context.db);
    const [heldCase, history] = await Promise.all([
      store.heldCases.get(id),
      store.heldCases.history(id),
    ]);
    if (heldCase === undefined) throw new DomainError('not_found', 'no such held case');
    return { heldCase, history };
  }

  /**
   * Moves case `id` as `actor`. Throws 'not_found', 'conflict' (not at `request.version`),
   * 'invalid_transition', or 'invalid_request' (unknown place).
   */
  async transition(
    id: string,
    request: HeldCaseTransitionRequest,
    actor: string,
  ): Promise<HeldCaseView> {
    if (request.placeId !== undefined) await this.#places.requirePlace(request.placeId, 'placeId');
    const { heldCase } = await this.get(id);
    if (heldCase.version !== request.version) {
      throw new DomainError('conflict', 'the held case changed meanwhile', {
        details: { id, expectedVersion: request.version, currentVersion: heldCase.version },
      });
    }
    assertTransition(heldCase.state, request.to, { subjectId: id });
    const at = this.#context.now().toISOString();
    const progress = progressOf(heldCase, request, at);
    const version = heldCase.version + 1;
    const journeyMove = await this.#journeyMove(heldCase, request, { at, actor });
    const seal = await this.#context.sealer.seal({
      kind: 'held_case.transition',
      id,
      version,
      record: {
        heldCaseId: id,
        from: heldCase.state,
        to: request.to,
        version,
        at,
        actor,
        ...progress,
        journey:
          journeyMove === undefined
            ? null
            : {
                journeyId: journeyMove.id,
                from: journeyMove.from,
                to: journeyMove.to,
                version: journeyMove.expectedVersion + 1,
              },
      },
    });
    await this.#context.db.transaction().execute(async (trx) => {
      await passageStoreOn(trx).heldCases.transition({
        id,
        from: heldCase.state,
        to: request.to,
        expectedVersion: heldCase.version,
        at,
        actor,
        progress,
      });
      // Versioned like any journey move: a journey changed meanwhile fails both with 'conflict'.
      if (journeyMove !== undefined) await passageStoreOn(trx).journeys.transition(journeyMove);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /** The move of the case's journey this transition implies, if any (model/held-case-journey). */
  async #journeyMove(
    heldCase: HeldCase,
    request: HeldCaseTransitionRequest,
    by: { at: string; actor: string },
  ): Promise<JourneyTransition | undefined> {
    if (heldCase.journeyId === null) return undefined;
    const journey = await passageStoreOn(this.#context.db).journeys.get(heldCase.journeyId);
    if (journey === undefined) return undefined;
    const to = journeyStepForHeldCase(journey.state, request.to);
    if (to === undefined) return undefined;
    const placeId = request.placeId ?? null;
    const progress: JourneyProgress = placeId === null ? {} : { lastPlaceId: placeId };
    if (to === 'released') {
      // Back on the road: seen now, and the overdue clock restarts from here.
      const minutes =
        placeId === null ? DEFAULT_TRANSIT_MINUTES : await this.#places.transitMinutesFrom(placeId);
      progress.lastSeenAt = by.at;
      progress.expectedBy = expectedByAfter(by.at, minutes);
    }
    return {
      id: journey.id,
      from: journey.state,
      to,
      expectedVersion: journey.version,
      at: by.at,
      actor: by.actor,
      placeId,
      sourceItemId: null,
      progress,
    };
  }
}

function progressOf(
  heldCase: HeldCase,
  request: HeldCaseTransitionRequest,
  at: string,
): HeldCaseProgress {
  const progress: HeldCaseProgress = {};
  if (request.placeId !== undefined) progress.placeId = request.placeId;
  if (request.heldBy !== undefined) progress.heldBy = request.heldBy;
  if (request.icrcNotified === true && heldCase.icrcNotifiedAt === null) {
    progress.icrcNotifiedAt = at;
  }
  return progress;
}
