// Two reads the registry needs that the passage store's ports do not offer: the journeys of a
// household with their person refs (for the operational view) and the households of people
// (for identity search results). Portable Kysely; `db` may be the pool or a transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { inSlices } from '../../database/batches.ts';
import type { JourneyState } from '../../model/states.ts';

/** A journey of a household as its operational view shows it. */
export interface HouseholdJourney {
  id: string;
  personRef: string | null;
  state: JourneyState;
  version: number;
  operationId: string | null;
  lastPlaceId: string | null;
  lastSeenAt: string | null;
  expectedBy: string | null;
  arrivedAt: string | null;
}

/** The household's journeys, by departure (not yet departed last), then id. */
export async function journeysOfHousehold(
  db: Kysely<Database>,
  householdId: string,
): Promise<HouseholdJourney[]> {
  const rows = await db
    .selectFrom('journey')
    .select([
      'id',
      'person_ref',
      'state',
      'version',
      'operation_id',
      'last_place_id',
      'last_seen_at',
      'expected_by',
      'arrived_at',
    ])
    .where('household_id', '=', householdId)
    .orderBy('departed_at', (order) => order.asc().nullsLast())
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    personRef: row.person_ref,
    state: row.state,
    version: row.version,
    operationId: row.operation_id,
    lastPlaceId: row.last_place_id,
    lastSeenAt: row.last_seen_at,
    expectedBy: row.expected_by,
    arrivedAt: row.arrived_at,
  }));
}

/** person ref → household id, for those of `personRefs` who are household members. */
export async function householdsOfPeople(
  db: Kysely<Database>,
  personRefs: readonly string[],
): Promise<Map<string, string>> {
  const households = new Map<string, string>();
  for (const slice of inSlices(personRefs)) {
    const rows = await db
      .selectFrom('member')
      .select(['person_ref', 'household_id'])
      .where('person_ref', 'in', slice)
      .execute();
    for (const row of rows) households.set(row.person_ref, row.household_id);
  }
  return households;
}
