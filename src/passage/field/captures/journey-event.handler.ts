// The 'journey_event' and 'arrival_registration' captures: what a monitor sees happen to one
// person outside a checkpoint passage — boarding, a no-show at roll call, release, a person
// turned back, detained or missing, a death or medical evacuation on the road, arrival — and the
// host authority's registration on arrival. Each goes through the journey machine; an illegal
// change rejects that item only (the sync service answers per item).
import { z } from 'zod';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from '../../../sync/capture-handler.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { instantSchema, parsePayload } from '../capture-payload.ts';
import { raiseInBackground } from '../field-context.ts';
import type { FieldContext } from '../field-context.ts';
import { journeyEventRecord, writeJourneyEvent } from '../journeys/journey-event.plan.ts';
import type { JourneyEventPlanner, JourneyEventRequest } from '../journeys/journey-event.plan.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';
import { namedJourneyKeys } from './journey-keys.ts';

/** The capture types these handlers apply. */
export const JOURNEY_EVENT = 'journey_event';
export const ARRIVAL_REGISTRATION = 'arrival_registration';

/** What a journey_event may record (checkpoint outcomes come with checkpoint_passage). */
export const JOURNEY_EVENT_STATES = [
  'boarded',
  'no_show',
  'released',
  'turned_back',
  'detained',
  'unknown',
  'died_en_route',
  'medevac',
  'arrived',
] as const;

/** The 'journey_event' payload (strict); `at` defaults to the capture time. */
export const JourneyEventPayload = z.strictObject({
  journeyId: z.uuid(),
  to: z.enum(JOURNEY_EVENT_STATES),
  placeId: z.uuid().optional(),
  at: instantSchema.optional(),
});

/** The 'arrival_registration' payload (strict). */
export const ArrivalRegistrationPayload = z.strictObject({
  journeyId: z.uuid(),
  placeId: z.uuid(),
});

/** What both handlers need. */
export interface JourneyCaptureDeps {
  context: FieldContext;
  places: PlaceDirectory;
  planner: JourneyEventPlanner;
}

type EventFields = Pick<JourneyEventRequest, 'to' | 'at' | 'placeId' | 'arriveFirst'> & {
  journeyId: string;
  arrivalId?: string;
};

/** Plans, seals and returns the write of one journey capture. */
async function prepareJourneyCapture(
  deps: JourneyCaptureDeps,
  item: SyncItem,
  capture: CaptureContext,
  fields: EventFields,
): Promise<PreparedCapture> {
  if (fields.placeId !== null) await deps.places.requirePlace(fields.placeId, 'placeId');
  const store = passageStoreOn(deps.context.db);
  const journey = await store.journeys.get(fields.journeyId);
  if (journey === undefined) throw new DomainError('not_found', 'no such journey');
  const plan = await deps.planner.plan(store, {
    ...fields,
    journey,
    actor: capture.deviceId,
    sourceItemId: item.id,
    boardFirst: true,
  });
  const seal = await deps.context.sealer.seal({
    kind: item.type === ARRIVAL_REGISTRATION ? 'journey.arrival' : 'journey.event',
    id: item.id,
    version: 1,
    record: { ...journeyEventRecord(plan), deviceId: capture.deviceId, signature: item.signature },
  });
  return {
    seals: [seal],
    write: (db) => writeJourneyEvent(passageStoreOn(db), plan),
    afterCommit: () => {
      raiseInBackground(deps.context, plan.alerts);
    },
  };
}

/** Applies 'journey_event' captures. */
export function journeyEventHandler(deps: JourneyCaptureDeps): CaptureHandler {
  return {
    touches: (item) => namedJourneyKeys(item.payload),
    prepare(item, capture) {
      const payload = parsePayload(JourneyEventPayload, item.payload, item.type);
      return prepareJourneyCapture(deps, item, capture, {
        journeyId: payload.journeyId,
        to: payload.to,
        at: payload.at ?? new Date(item.capturedAt).toISOString(),
        placeId: payload.placeId ?? null,
      });
    },
  };
}

/**
 * Applies 'arrival_registration' captures: arrived → registered_at_arrival; a journey still on
 * the road (boarded, passed, released) steps through arrived first.
 */
export function arrivalRegistrationHandler(deps: JourneyCaptureDeps): CaptureHandler {
  return {
    touches: (item) => namedJourneyKeys(item.payload),
    prepare(item, capture) {
      const payload = parsePayload(ArrivalRegistrationPayload, item.payload, item.type);
      return prepareJourneyCapture(deps, item, capture, {
        journeyId: payload.journeyId,
        to: 'registered_at_arrival',
        at: new Date(item.capturedAt).toISOString(),
        placeId: payload.placeId,
        arriveFirst: true,
        arrivalId: item.id,
      });
    },
  };
}
