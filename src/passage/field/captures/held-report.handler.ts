// The 'held_report' capture: a monitor learns that a person is held (by a party, at a place),
// whether or not the person's journey is known. It opens a held case in `reported`
// (DOMAIN.md §5); what follows is the held-case machine, moved by coordinators.
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from '../../../sync/capture-handler.ts';
import type { HeldCase } from '../../database/held-case.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { heldPerson } from '../../model/alert-rules.ts';
import { heldCaseMachine } from '../../model/held-case.machine.ts';
import { parsePayload } from '../capture-payload.ts';
import { raiseInBackground } from '../field-context.ts';
import type { FieldContext } from '../field-context.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';
import { HeldBySchema } from './held-by.schema.ts';
import { namedJourneyKeys } from './journey-keys.ts';

/** The capture type this handler applies. */
export const HELD_REPORT = 'held_report';

/** The 'held_report' payload (strict). */
export const HeldReportPayload = z.strictObject({
  journeyId: z.uuid().optional(),
  placeId: z.uuid(),
  heldBy: HeldBySchema.optional(),
});

/** Applies 'held_report' captures; the case takes the capture's id. */
export class HeldReportHandler implements CaptureHandler {
  readonly #context: FieldContext;
  readonly #places: PlaceDirectory;

  constructor(context: FieldContext, places: PlaceDirectory) {
    this.#context = context;
    this.#places = places;
  }

  /** The journey reported on: its state and open cases decide this report. */
  touches(item: SyncItem): readonly string[] {
    return namedJourneyKeys(item.payload);
  }

  async prepare(item: SyncItem, capture: CaptureContext): Promise<PreparedCapture> {
    const payload = parsePayload(HeldReportPayload, item.payload, item.type);
    await this.#places.requirePlace(payload.placeId, 'placeId');
    const at = new Date(item.capturedAt).toISOString();
    const { personRef, alerts } = await this.#journeyFacts(payload.journeyId, payload.placeId, at);
    const heldCase: HeldCase = {
      id: item.id,
      journeyId: payload.journeyId ?? null,
      personRef,
      state: 'reported',
      placeId: payload.placeId,
      heldBy: payload.heldBy ?? null,
      reportedAt: at,
      updatedAt: at,
      icrcNotifiedAt: null,
      version: 1,
    };
    const seal = await this.#context.sealer.seal({
      kind: 'held_case.reported',
      id: item.id,
      version: 1,
      record: { ...heldCase, deviceId: capture.deviceId, signature: item.signature },
    });
    return {
      seals: [seal],
      write: async (db) => {
        await passageStoreOn(db).heldCases.insert(heldCase);
      },
      afterCommit: () => {
        raiseInBackground(this.#context, alerts);
      },
    };
  }

  /**
   * The journey's pseudonym and, when the journey already shows the person held, the alert
   * (deduplicated with the one its state change raised). Refuses a second open case.
   */
  async #journeyFacts(
    journeyId: string | undefined,
    placeId: string,
    at: string,
  ): Promise<{ personRef: string | null; alerts: AlertCandidate[] }> {
    if (journeyId === undefined) return { personRef: null, alerts: [] };
    const store = passageStoreOn(this.#context.db);
    const journey = await store.journeys.get(journeyId);
    if (journey === undefined) throw new DomainError('not_found', 'no such journey');
    const cases = await store.heldCases.listForJourney(journeyId);
    const open = cases.find((heldCase) => !heldCaseMachine.isTerminal(heldCase.state));
    if (open !== undefined) {
      throw new DomainError('conflict', 'a held case is already open for this journey', {
        details: { heldCaseId: open.id },
      });
    }
    const alert = heldPerson({
      journeyId,
      state: journey.state,
      checkpointId: placeId,
      at: new Date(at),
    });
    return { personRef: journey.personRef, alerts: alert === undefined ? [] : [alert] };
  }
}
