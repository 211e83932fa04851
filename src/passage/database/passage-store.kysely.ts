import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { KyselyAggregateCountRepository } from './aggregate-count.kysely.ts';
import { KyselyAlertRepository } from './alert.kysely.ts';
import { KyselyArrivalRepository } from './arrival.kysely.ts';
import { KyselyCheckpointPassageRepository } from './checkpoint-passage.kysely.ts';
import { KyselyHeldCaseRepository } from './held-case.kysely.ts';
import { KyselyHouseholdRepository } from './household.kysely.ts';
import { KyselyJourneyRepository } from './journey.kysely.ts';
import { KyselyOperationRepository } from './operation.kysely.ts';
import type { PassageStore } from './passage-store.repository.ts';
import { KyselyPlaceRepository } from './place.kysely.ts';
import { KyselyTracingRepository } from './tracing.kysely.ts';
import { KyselyVehicleRepository } from './vehicle.kysely.ts';
import { KyselyWelfareContactRepository } from './welfare-contact.kysely.ts';

/**
 * The passage repositories over `db`: the pool for reads, or a transaction for a write. Cheap
 * (a dozen small objects), so open it per transaction.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await passageStoreOn(trx).journeys.transition(change);
 *   await insertSeals(trx, [seal]);
 * });
 */
export function passageStoreOn(db: Kysely<Database>): PassageStore {
  return {
    places: new KyselyPlaceRepository(db),
    operations: new KyselyOperationRepository(db),
    households: new KyselyHouseholdRepository(db),
    vehicles: new KyselyVehicleRepository(db),
    journeys: new KyselyJourneyRepository(db),
    passages: new KyselyCheckpointPassageRepository(db),
    counts: new KyselyAggregateCountRepository(db),
    heldCases: new KyselyHeldCaseRepository(db),
    tracing: new KyselyTracingRepository(db),
    arrivals: new KyselyArrivalRepository(db),
    welfareContacts: new KyselyWelfareContactRepository(db),
    alerts: new KyselyAlertRepository(db),
  };
}
