import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { VehicleTable } from '../passage.tables.ts';
import { inSlices } from './batches.ts';
import type { Vehicle, VehicleRepository } from './vehicle.repository.ts';

function toVehicle(row: Selectable<VehicleTable>): Vehicle {
  return {
    id: row.id,
    kind: row.kind,
    plateHmac: row.plate_hmac,
    seats: row.seats,
    operationId: row.operation_id,
  };
}

/** Vehicles in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyVehicleRepository implements VehicleRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMany(vehicles: readonly Vehicle[]): Promise<void> {
    for (const slice of inSlices(vehicles)) {
      await this.#db
        .insertInto('vehicle')
        .values(
          slice.map((vehicle) => ({
            id: vehicle.id,
            kind: vehicle.kind,
            plate_hmac: vehicle.plateHmac,
            seats: vehicle.seats,
            operation_id: vehicle.operationId,
          })),
        )
        .execute();
    }
  }

  async get(id: string): Promise<Vehicle | undefined> {
    const row = await this.#db
      .selectFrom('vehicle')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toVehicle(row);
  }

  async findByPlateHmac(plateHmac: string): Promise<Vehicle[]> {
    const rows = await this.#db
      .selectFrom('vehicle')
      .selectAll()
      .where('plate_hmac', '=', plateHmac)
      .orderBy('id')
      .execute();
    return rows.map(toVehicle);
  }

  async listForOperation(operationId: string): Promise<Vehicle[]> {
    const rows = await this.#db
      .selectFrom('vehicle')
      .selectAll()
      .where('operation_id', '=', operationId)
      .orderBy('id')
      .execute();
    return rows.map(toVehicle);
  }
}
