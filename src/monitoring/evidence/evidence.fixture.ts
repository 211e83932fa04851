// Test helpers of the evidence slice: an incident row to link evidence to (written directly:
// the incidents slice owns the workflow, these tests only need the row to exist).
import type { Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import { INCIDENT_STATES } from '../model/vocabulary.ts';

/** Inserts a minimal incident; returns its id. */
export async function insertIncident(db: Kysely<Database>): Promise<string> {
  const id = newRecordId();
  const at = '2023-09-25T18:00:00.000Z';
  await db
    .insertInto('incident')
    .values({
      id,
      state: INCIDENT_STATES[0],
      sub_event_type: 'test',
      occurred_start: at,
      occurred_end: null,
      time_precision: 1,
      place_id: null,
      lat: null,
      lon: null,
      geo_precision: 1,
      actors: '[]',
      victims: '[]',
      tolls: '{}',
      civilian_targeting: 0,
      narrative_sealed: 'v1.test',
      public_summary: null,
      merged_into: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return id;
}
