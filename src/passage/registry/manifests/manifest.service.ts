// Convoy manifests (DOMAIN.md §4 and §5): a vehicle of a convoy and the listed journeys it will
// carry, set before the convoy leaves. Checked in this order, each before anything is written:
// the operation (unknown: 'not_found'; an open window or a convoy already moving or over:
// 'invalid_transition'), the vehicle id ('already_exists'), the journeys (unknown or no longer
// listed: 'invalid_request' naming their ids; already on a vehicle: 'conflict'). Then one SEALED
// entry of kind 'passage.manifest' (ids, kind, seats; never the plate), and one transaction
// writing the vehicle, the journeys' vehicle and operation, and the seal. Journeys stay `listed`:
// boarding is their own later transition.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Keyring } from '../../../people/keyring.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Journey } from '../../database/journey.repository.ts';
import type { Operation } from '../../database/operation.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { Vehicle } from '../../database/vehicle.repository.ts';
import type { OperationState } from '../../model/states.ts';
import type { JourneyState } from '../../model/states.ts';
import { parseInput } from '../registry-input.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { newManifestSchema } from './manifest.schema.ts';
import type { NewManifestInput } from './manifest.schema.ts';

/** The sealed log entry kind of manifests (id: the vehicle). */
export const MANIFEST_KIND = 'passage.manifest';

/** Operation states in which a convoy's manifests may still be drawn up. */
const MANIFESTABLE: readonly OperationState[] = ['proposed', 'agreed', 'scheduled', 'boarding'];

/** What the manifest service needs. */
export interface ManifestServiceDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  keyring: Pick<Keyring, 'plateHmac'>;
}

/** What a new manifest answers. */
export interface ManifestCreated {
  vehicleId: string;
  operationId: string;
  journeys: number;
}

/** One vehicle of an operation and its journeys' states; no person data, no plate. */
export interface Manifest {
  vehicleId: string;
  kind: Vehicle['kind'];
  seats: number | null;
  journeys: { journeyId: string; state: JourneyState }[];
}

/** Draws up and reads convoy manifests. */
export class ManifestService {
  readonly #deps: ManifestServiceDeps;

  constructor(deps: ManifestServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Puts a vehicle and listed journeys on convoy `operationId`'s manifest.
   *
   * @example await manifests.create(convoyId, { vehicle: { id, kind: 'bus' }, journeyIds })
   */
  async create(operationId: string, input: NewManifestInput): Promise<ManifestCreated> {
    const parsed = parseInput(newManifestSchema, input, 'manifest');
    const { db, sealer, keyring } = this.#deps;
    const store = passageStoreOn(db);
    assertManifestable(operationId, await store.operations.get(operationId));
    const vehicleId = parsed.vehicle.id;
    if ((await store.vehicles.get(vehicleId)) !== undefined) throw vehicleExists(vehicleId);
    const journeyIds = [...new Set(parsed.journeyIds)];
    assertAssignable(journeyIds, await store.journeys.getMany(journeyIds));
    const vehicle: Vehicle = {
      id: vehicleId,
      kind: parsed.vehicle.kind,
      plateHmac:
        parsed.vehicle.plate === undefined ? null : keyring.plateHmac(parsed.vehicle.plate),
      seats: parsed.vehicle.seats ?? null,
      operationId,
    };
    const { kind, seats } = vehicle;
    const seal = await sealer.seal({
      kind: MANIFEST_KIND,
      id: vehicleId,
      version: 1,
      record: { operationId, vehicleId, kind, seats, journeyIds },
    });
    try {
      await db.transaction().execute(async (trx) => {
        const written = passageStoreOn(trx);
        await written.vehicles.insertMany([vehicle]);
        await written.journeys.assignToVehicle({ journeyIds, vehicleId, operationId });
        await insertSeals(trx, [seal]);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw vehicleExists(vehicleId, error);
      throw error;
    }
    return { vehicleId, operationId, journeys: journeyIds.length };
  }

  /** The manifests of operation `operationId`, by vehicle id; 'not_found' if it is unknown. */
  async list(operationId: string): Promise<Manifest[]> {
    const store = passageStoreOn(this.#deps.db);
    if ((await store.operations.get(operationId)) === undefined) throw unknownOperation();
    const manifests: Manifest[] = [];
    for (const vehicle of await store.vehicles.listForOperation(operationId)) {
      const journeys = await store.journeys.listForVehicle(vehicle.id);
      manifests.push({
        vehicleId: vehicle.id,
        kind: vehicle.kind,
        seats: vehicle.seats,
        journeys: journeys.map((journey) => ({ journeyId: journey.id, state: journey.state })),
      });
    }
    return manifests;
  }
}

function assertManifestable(id: string, operation: Operation | undefined): void {
  if (operation === undefined) throw unknownOperation();
  if (operation.kind !== 'convoy' || !MANIFESTABLE.includes(operation.state)) {
    throw new DomainError('invalid_transition', `operation ${id} takes no manifest now`, {
      details: { id, kind: operation.kind, state: operation.state },
    });
  }
}

/** Throws unless every id names a journey that is listed and on no vehicle. */
function assertAssignable(ids: readonly string[], found: readonly Journey[]): void {
  const byId = new Map(found.map((journey) => [journey.id, journey]));
  const unknown = ids.filter((id) => !byId.has(id));
  const notListed = found.filter((journey) => journey.state !== 'listed').map((j) => j.id);
  if (unknown.length > 0 || notListed.length > 0) {
    const details = [
      { path: 'journeyIds', code: 'unknown_reference', ids: unknown },
      { path: 'journeyIds', code: 'not_listed', ids: notListed.sort() },
    ].filter((issue) => issue.ids.length > 0);
    throw new DomainError('invalid_request', 'some journeys are unknown or not listed', {
      details,
    });
  }
  const taken = found.filter((journey) => journey.vehicleId !== null).map((j) => j.id);
  if (taken.length > 0) {
    throw new DomainError('conflict', 'some journeys are already on a vehicle', {
      details: { journeyIds: taken.sort() },
    });
  }
}

function unknownOperation(): DomainError {
  return new DomainError('not_found', 'no such operation');
}

function vehicleExists(id: string, cause?: unknown): DomainError {
  return new DomainError('already_exists', `vehicle ${id} already exists`, { cause });
}
