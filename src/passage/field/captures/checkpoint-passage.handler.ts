// The 'checkpoint_passage' capture: a monitor's signed record of a vehicle (or a person on foot)
// crossing a checkpoint. prepare() validates, reads the journeys aboard with one query, plans
// every change in memory and seals one log entry for the whole capture; write() then stores the
// rows with a handful of statements inside the sync transaction. Speed matters here: the mission
// must keep up with a vehicle every 15 s at one checkpoint, and with the replay of a day's
// captures when a device comes back online (DOMAIN.md §7).
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from '../../../sync/capture-handler.ts';
import type { CheckpointPassage } from '../../database/checkpoint-passage.repository.ts';
import type { Journey } from '../../database/journey.repository.ts';
import type { Vehicle } from '../../database/vehicle.repository.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { headcountMismatch } from '../../model/alert-rules.ts';
import { parsePayload } from '../capture-payload.ts';
import { raiseInBackground } from '../field-context.ts';
import type { FieldContext } from '../field-context.ts';
import { CHECKPOINT_KINDS } from '../journeys/journey-event.plan.ts';
import { DEFAULT_TRANSIT_MINUTES } from '../places/place-directory.ts';
import type { PlaceDirectory } from '../places/place-directory.ts';
import { CheckpointPassagePayload } from './checkpoint-passage.schema.ts';
import type { CheckpointPassageCapture } from './checkpoint-passage.schema.ts';
import { JourneyBatchReader } from './journey-batch-reader.ts';
import { journeysAboardKeys } from './journey-keys.ts';
import { planPassagePeople } from './passage-people.ts';
import { passageRecord, passageRowOf, writePassageRows } from './passage-rows.ts';
import type { PassageRows } from './passage-rows.ts';

/** The capture type this handler applies. */
export const CHECKPOINT_PASSAGE = 'checkpoint_passage';

/** Applies 'checkpoint_passage' captures. */
export class CheckpointPassageHandler implements CaptureHandler {
  readonly #context: FieldContext;
  readonly #places: PlaceDirectory;
  readonly #journeys: JourneyBatchReader;
  /** The rows behind each prepared capture, for writeMany. */
  readonly #rows = new WeakMap<PreparedCapture, PassageRows>();

  constructor(context: FieldContext, places: PlaceDirectory) {
    this.#context = context;
    this.#places = places;
    this.#journeys = new JourneyBatchReader(context.db);
  }

  /** The journeys listed aboard: a later passage of one of them waits for this one. */
  touches(item: SyncItem): readonly string[] {
    return journeysAboardKeys(item.payload);
  }

  async prepare(item: SyncItem, capture: CaptureContext): Promise<PreparedCapture> {
    const payload = parsePayload(CheckpointPassagePayload, item.payload, item.type);
    await this.#places.requirePlace(payload.checkpointId, 'checkpointId', CHECKPOINT_KINDS);
    const at = new Date(item.capturedAt).toISOString();
    const vehicle = this.#vehicleOf(payload);
    const vehicleId = vehicle?.id ?? payload.vehicleId ?? null;
    const people = planPassagePeople(payload.people ?? [], await this.#journeysOf(payload), {
      checkpointId: payload.checkpointId,
      vehicleId,
      at,
      transitMinutes: await this.#transitMinutes(payload),
      actor: capture.deviceId,
      sourceItemId: item.id,
    });
    const passage = passageRowOf({ item, capture, payload, at, vehicleId, people });
    return this.#sealed(item, { passage, vehicle, people }, payload.declaredOccupants);
  }

  /** Seals the capture and hands back its write, remembering its rows for writeMany. */
  async #sealed(
    item: SyncItem,
    rows: PassageRows,
    declaredOccupants: number | undefined,
  ): Promise<PreparedCapture> {
    const seal = await this.#context.sealer.seal({
      kind: 'passage.crossing',
      id: item.id,
      version: 1,
      record: passageRecord(rows, declaredOccupants),
    });
    const alerts = [...rows.people.alerts, ...headcountAlerts(rows.passage, declaredOccupants)];
    const prepared: PreparedCapture = {
      seals: [seal],
      write: (db) => writePassageRows(db, [rows]),
      afterCommit: () => {
        raiseInBackground(this.#context, alerts);
      },
    };
    this.#rows.set(prepared, rows);
    return prepared;
  }

  /** p95 minutes to safety; returns go home, not to a reception point: no route to judge. */
  #transitMinutes(payload: CheckpointPassageCapture): Promise<number> | number {
    return payload.direction === 'out'
      ? this.#places.transitMinutesFrom(payload.checkpointId)
      : DEFAULT_TRANSIT_MINUTES;
  }

  /**
   * Writes the rows of many passages this handler prepared, in their order, with one statement
   * per table where the repositories allow (instead of one write() each). For a sync service that
   * batches writes per handler; a conflict fails the whole call, like a failed batch.
   */
  async writeMany(db: Kysely<Database>, prepared: readonly PreparedCapture[]): Promise<void> {
    await writePassageRows(
      db,
      prepared.map((capture) => {
        const rows = this.#rows.get(capture);
        if (rows === undefined) throw new TypeError('a capture this handler did not prepare');
        return rows;
      }),
    );
  }

  #journeysOf(payload: CheckpointPassageCapture): Promise<Map<string, Journey>> {
    return this.#journeys.read((payload.people ?? []).flatMap((person) => person.journeyId ?? []));
  }

  /** A vehicle first seen here; its plate only as the keyring's HMAC. */
  #vehicleOf(payload: CheckpointPassageCapture): Vehicle | undefined {
    const vehicle = payload.vehicle;
    if (vehicle === undefined) return undefined;
    return {
      id: vehicle.id,
      kind: vehicle.kind,
      plateHmac:
        vehicle.plate === undefined ? null : this.#context.keyring.plateHmac(vehicle.plate),
      seats: vehicle.seats ?? null,
      operationId: null,
    };
  }
}

function headcountAlerts(
  passage: CheckpointPassage,
  declared: number | undefined,
): AlertCandidate[] {
  if (declared === undefined || passage.vehicleId === null) return [];
  const alert = headcountMismatch({
    vehicleId: passage.vehicleId,
    checkpointId: passage.checkpointId,
    declared,
    counted: passage.occupants,
  });
  return alert === undefined ? [] : [alert];
}
