// The rows checkpoint passages write, and what the log commits to for each. Written for one
// passage (write()) or for many at once (writeMany(): one statement per table and slice).
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { CaptureContext, SyncItem } from '../../../sync/capture-handler.ts';
import type { CheckpointPassage } from '../../database/checkpoint-passage.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { Vehicle } from '../../database/vehicle.repository.ts';
import { actorOf } from '../field-context.ts';
import type { CheckpointPassageCapture } from './checkpoint-passage.schema.ts';
import type { PassagePeoplePlan } from './passage-people.ts';

/** The rows one passage writes. */
export interface PassageRows {
  passage: CheckpointPassage;
  /** A vehicle first seen in this passage. */
  vehicle: Vehicle | undefined;
  people: PassagePeoplePlan;
}

/** What a passage row is made of. */
export interface PassageRowSource {
  item: SyncItem;
  capture: CaptureContext;
  payload: CheckpointPassageCapture;
  /** The passage time (ISO-8601 UTC). */
  at: string;
  vehicleId: string | null;
  people: PassagePeoplePlan;
}

/** The checkpoint_passage row of a capture, with the device's signature. */
export function passageRowOf(source: PassageRowSource): CheckpointPassage {
  const { item, capture, payload } = source;
  return {
    id: item.id,
    deviceId: capture.deviceId,
    signature: item.signature,
    checkpointId: payload.checkpointId,
    direction: payload.direction,
    vehicleId: source.vehicleId,
    journeyIds: source.people.journeyIds,
    occupants: payload.occupants,
    queueInAt: payload.queueInAt ?? null,
    screeningStartAt: payload.screeningStartAt ?? null,
    screeningEndAt: payload.screeningEndAt ?? null,
    screeningTypes: payload.screeningTypes,
    outcome: payload.outcome,
    recordedAt: source.at,
    recordedBy: actorOf(capture.principal),
  };
}

/** The vehicles first seen in `rows` that are not stored yet, each once. */
async function newVehicles(db: Kysely<Database>, rows: readonly PassageRows[]) {
  const store = passageStoreOn(db);
  const seen = new Map<string, Vehicle>();
  for (const { vehicle } of rows) {
    if (vehicle !== undefined && !seen.has(vehicle.id)) seen.set(vehicle.id, vehicle);
  }
  const fresh: Vehicle[] = [];
  // Read inside the transaction: an earlier capture or batch may have stored the vehicle.
  for (const vehicle of seen.values()) {
    if ((await store.vehicles.get(vehicle.id)) === undefined) fresh.push(vehicle);
  }
  return fresh;
}

/**
 * Writes the rows of `rows` on `db` (the sync transaction): new vehicles, the passages, the
 * journeys started, then the transitions (versioned: a journey changed meanwhile fails the
 * write with 'conflict').
 */
export async function writePassageRows(
  db: Kysely<Database>,
  rows: readonly PassageRows[],
): Promise<void> {
  const store = passageStoreOn(db);
  const vehicles = await newVehicles(db, rows);
  if (vehicles.length > 0) await store.vehicles.insertMany(vehicles);
  await store.passages.insertMany(rows.map((row) => row.passage));
  const started = rows.flatMap((row) => row.people.started);
  if (started.length > 0) await store.journeys.insertMany(started);
  const transitions = rows.flatMap((row) => row.people.transitions);
  if (transitions.length > 0) await store.journeys.transitionMany(transitions);
}

/** What the log commits to: ids, counts, states and times; the plate only as its HMAC. */
export function passageRecord(rows: PassageRows, declaredOccupants: number | undefined) {
  const { passage, vehicle, people } = rows;
  return {
    checkpointId: passage.checkpointId,
    direction: passage.direction,
    vehicleId: passage.vehicleId,
    vehicle:
      vehicle === undefined
        ? null
        : { kind: vehicle.kind, plateHmac: vehicle.plateHmac, seats: vehicle.seats },
    occupants: passage.occupants,
    declaredOccupants: declaredOccupants ?? null,
    queueInAt: passage.queueInAt,
    screeningStartAt: passage.screeningStartAt,
    screeningEndAt: passage.screeningEndAt,
    screeningTypes: passage.screeningTypes,
    outcome: passage.outcome,
    at: passage.recordedAt,
    deviceId: passage.deviceId,
    signature: passage.signature,
    people: people.steps,
    ...(people.late.length === 0 ? {} : { late: people.late }),
    started: people.started.map((journey) => ({
      journeyId: journey.id,
      sex: journey.sex,
      ageBand: journey.ageBand,
      expectedBy: journey.expectedBy,
    })),
  };
}
