import type { Kysely } from 'kysely';

// Most journeys are self-organised traffic seen first at a checkpoint (DOMAIN.md §5): no
// operation, household or registered person, often no vehicle. Their index entries under NULL
// were never looked up (every query asks for one id), yet each insert paid for four of them.
// Indexing only the journeys that have the column makes those inserts cheaper on both engines;
// an equality or IN on the column implies it is not null, so the same queries use the index.
const COLUMNS = {
  journey_operation: 'operation_id',
  journey_vehicle: 'vehicle_id',
  journey_household: 'household_id',
  journey_person: 'person_ref',
} as const;

/** Re-creates the journey's indexes on nullable references as partial indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of Object.entries(COLUMNS)) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('journey')
      .column(column)
      .where(column, 'is not', null)
      .execute();
  }
}
