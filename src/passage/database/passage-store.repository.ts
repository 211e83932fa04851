import type { AggregateCountRepository } from './aggregate-count.repository.ts';
import type { AlertRepository } from './alert.repository.ts';
import type { ArrivalRepository } from './arrival.repository.ts';
import type { CheckpointPassageRepository } from './checkpoint-passage.repository.ts';
import type { HeldCaseRepository } from './held-case.repository.ts';
import type { HouseholdRepository } from './household.repository.ts';
import type { JourneyRepository } from './journey.repository.ts';
import type { OperationRepository } from './operation.repository.ts';
import type { PlaceRepository } from './place.repository.ts';
import type { TracingRepository } from './tracing.repository.ts';
import type { VehicleRepository } from './vehicle.repository.ts';
import type { WelfareContactRepository } from './welfare-contact.repository.ts';

/**
 * Every repository of the passage domain, bound to one database handle. A service opens it on
 * the transaction it runs (`passageStoreOn(trx)`), so all its reads and writes, and the seals
 * it stores beside them, commit or roll back together.
 */
export interface PassageStore {
  places: PlaceRepository;
  operations: OperationRepository;
  households: HouseholdRepository;
  vehicles: VehicleRepository;
  journeys: JourneyRepository;
  passages: CheckpointPassageRepository;
  counts: AggregateCountRepository;
  heldCases: HeldCaseRepository;
  tracing: TracingRepository;
  arrivals: ArrivalRepository;
  welfareContacts: WelfareContactRepository;
  alerts: AlertRepository;
}
