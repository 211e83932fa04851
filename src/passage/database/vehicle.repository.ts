import type { VehicleKind } from './passage-vocabulary.ts';

/** A vehicle; its plate only as a keyed HMAC (plates are never stored in clear). */
export interface Vehicle {
  id: string;
  kind: VehicleKind;
  plateHmac: string | null;
  seats: number | null;
  operationId: string | null;
}

/** Port for vehicles. */
export interface VehicleRepository {
  /** Stores vehicles, at most 500 rows per statement. */
  insertMany(vehicles: readonly Vehicle[]): Promise<void>;
  get(id: string): Promise<Vehicle | undefined>;
  /** Every vehicle with this plate HMAC (a car may make several trips), ordered by id. */
  findByPlateHmac(plateHmac: string): Promise<Vehicle[]>;
  /** The vehicles of an operation, ordered by id. */
  listForOperation(operationId: string): Promise<Vehicle[]>;
}
