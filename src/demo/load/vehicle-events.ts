// The events of a vehicle's trip: departure (everyone aboard boards; a vehicle first seen is
// recorded with its plate only as the keyring's HMAC), each checkpoint passage (a signed capture
// of the monitor's device, as the field slice stores it), arrival at the humanitarian centre and
// the host's registration of a household. Each is one sealed entry listing the journey steps it
// made, as the field's 'passage.crossing' record does.
import { headcountMismatch } from '../../passage/model/alert-rules.ts';
import type { JourneyEventTable } from '../../passage/passage.tables.ts';
import type {
  ArrivalEvent,
  ArrivalRegistrationEvent,
  CheckpointPassageEvent,
  DepartureEvent,
  ScenarioEvent,
} from '../scenario-events.types.ts';
import type { EventBatch } from './event-batch.ts';
import type { EventState } from './event-state.ts';
import { stepsOf } from './journey-book.ts';
import { movesOf } from './journey-moves.ts';
import { passagePayload } from './passage-capture.ts';
import type { PassagePayload } from './passage-capture.ts';
import { newRecordId } from '../../random/record-id.ts';

/** Sealed entry kinds of the vehicle events. */
export const VEHICLE_EVENT_KINDS = {
  boarding: 'passage.boarding',
  crossing: 'passage.crossing',
  arrival: 'passage.arrival',
  registration: 'passage.arrival_registration',
} as const;

/** Applies the journey moves of `event`; returns their history rows (also queued in `batch`). */
export function moveJourneys(
  state: EventState,
  batch: EventBatch,
  event: ScenarioEvent,
): JourneyEventTable[] {
  const rows = movesOf(event, state.route, state.context.actors).map((move) =>
    state.book.apply(move),
  );
  batch.history.push(...rows);
  return rows;
}

function firstSeenVehicle(state: EventState, event: DepartureEvent) {
  if (state.seenVehicles.has(event.vehicleId)) return null;
  state.seenVehicles.add(event.vehicleId);
  const vehicle = state.vehicles.get(event.vehicleId);
  if (vehicle === undefined) throw new RangeError(`unknown vehicle ${event.vehicleId}`);
  return {
    id: vehicle.id,
    kind: vehicle.kind,
    plateHmac: state.context.passage.keyring.plateHmac(vehicle.plate),
    seats: vehicle.seats,
    operationId: event.operationId,
  };
}

/** A vehicle leaves its exit post: everyone aboard boards. */
export function planDeparture(state: EventState, batch: EventBatch, event: DepartureEvent): void {
  const rows = moveJourneys(state, batch, event);
  const vehicle = firstSeenVehicle(state, event);
  if (vehicle !== null) batch.vehicles.push(vehicle);
  state.tripHeadcount.set(event.journeyId, event.headcount);
  batch.entries.push({
    kind: VEHICLE_EVENT_KINDS.boarding,
    id: event.id,
    version: 1,
    record: {
      vehicleId: event.vehicleId,
      vehicle:
        vehicle === null
          ? null
          : { kind: vehicle.kind, plateHmac: vehicle.plateHmac, seats: vehicle.seats },
      operationId: event.operationId,
      placeId: event.placeId,
      at: event.at,
      headcount: event.headcount,
      people: stepsOf(rows),
      deviceId: state.context.actors.device,
    },
  });
}

/** What a passage row and its sealed record take from the capture (its people aside). */
function captureFields(payload: PassagePayload) {
  return {
    checkpointId: payload.checkpointId,
    direction: payload.direction,
    vehicleId: payload.vehicleId,
    occupants: payload.occupants,
    queueInAt: payload.queueInAt,
    screeningStartAt: payload.screeningStartAt,
    screeningEndAt: payload.screeningEndAt,
    screeningTypes: payload.screeningTypes,
    outcome: payload.outcome,
  };
}

/** A vehicle passes a checkpoint or the reception point: a signed capture of the device. */
export function planPassage(
  state: EventState,
  batch: EventBatch,
  event: CheckpointPassageEvent,
): void {
  const rows = moveJourneys(state, batch, event);
  const journeyIds = rows.map((row) => row.journey_id);
  const hadSecondary = state.secondary.has(`${event.journeyId} ${event.placeId}`);
  const payload = passagePayload(event, journeyIds, hadSecondary);
  const deviceId = state.context.actors.device;
  const passage = {
    ...captureFields(payload),
    id: event.id,
    deviceId,
    signature: '',
    journeyIds,
    recordedAt: event.at,
    recordedBy: deviceId,
  };
  const declared = state.tripHeadcount.get(event.journeyId) ?? event.headcount;
  const record = {
    ...captureFields(payload),
    deviceId,
    signature: '',
    declaredOccupants: declared,
    at: event.at,
    people: stepsOf(rows),
  };
  batch.passages.push(passage);
  batch.unsigned.push({ passage, record });
  batch.entries.push({ kind: VEHICLE_EVENT_KINDS.crossing, id: event.id, version: 1, record });
  if (state.route.isCheckpoint(event.placeId)) {
    const alert = headcountMismatch({
      vehicleId: event.vehicleId,
      checkpointId: event.placeId,
      declared,
      counted: event.headcount,
    });
    if (alert !== undefined) batch.alerts.push({ candidate: alert, at: event.at });
  }
}

/** A vehicle reaches the humanitarian centre with the people still aboard. */
export function planArrival(state: EventState, batch: EventBatch, event: ArrivalEvent): void {
  const rows = moveJourneys(state, batch, event);
  batch.entries.push({
    kind: VEHICLE_EVENT_KINDS.arrival,
    id: event.id,
    version: 1,
    record: {
      vehicleId: event.vehicleId,
      placeId: event.placeId,
      at: event.at,
      headcount: event.headcount,
      people: stepsOf(rows),
      deviceId: state.context.actors.device,
    },
  });
}

/** The host authority registers the arrived members of a household. */
export function planRegistration(
  state: EventState,
  batch: EventBatch,
  event: ArrivalRegistrationEvent,
): void {
  const rows = moveJourneys(state, batch, event);
  const registeredBy = state.context.actors.device;
  const registrations = rows.map((row) => ({
    id: newRecordId(),
    journeyId: row.journey_id,
    placeId: event.placeId,
    registeredAt: event.at,
    registeredBy,
  }));
  batch.arrivals.push(...registrations);
  batch.entries.push({
    kind: VEHICLE_EVENT_KINDS.registration,
    id: event.id,
    version: 1,
    record: {
      householdId: event.householdId,
      placeId: event.placeId,
      at: event.at,
      registrations: registrations.map(({ id, journeyId }) => ({ id, journeyId })),
      people: stepsOf(rows),
      registeredBy,
    },
  });
}
