// Two bulk writes the passage repositories do not offer yet, in the same portable Kysely: the
// history rows of journey transitions already applied in memory (JourneyRepository's
// transitionMany updates the journey row once per transition, which a bulk load must avoid:
// the loader writes each journey's final row once), and arrival registrations by the thousand
// (ArrivalRepository.insert takes one). Both belong in their repositories; see the report.
import type { Kysely } from 'kysely';
import type { ArrivalRegistration } from '../../passage/database/arrival.repository.ts';
import type { JourneyEventTable } from '../../passage/passage.tables.ts';
import { insertRows } from '../../store/insert-rows.ts';
import { compareKeys } from '../../store/key-order.ts';
import type { Database } from '../../store/schema.ts';

/**
 * Inserts journey history rows, as few statements as the parameter limit allows.
 *
 * @example await insertJourneyHistory(trx, rows);
 */
export async function insertJourneyHistory(
  db: Kysely<Database>,
  rows: readonly JourneyEventTable[],
): Promise<void> {
  // In key order: journeys' ids are random, so rows in event order land all over the primary
  // key's B-tree, and sorted ones descend paths the previous row left in the cache.
  const sorted = rows.toSorted(
    (a, b) => compareKeys(a.journey_id, b.journey_id) || a.version - b.version,
  );
  await insertRows(db, 'journey_event', sorted);
}

/**
 * Inserts arrival registrations, as few statements as the parameter limit allows.
 *
 * @example await insertArrivalRegistrations(trx, registrations);
 */
export async function insertArrivalRegistrations(
  db: Kysely<Database>,
  registrations: readonly ArrivalRegistration[],
): Promise<void> {
  await insertRows(
    db,
    'arrival_registration',
    registrations.map((registration) => ({
      id: registration.id,
      journey_id: registration.journeyId,
      place_id: registration.placeId,
      registered_at: registration.registeredAt,
      registered_by: registration.registeredBy,
    })),
  );
}
