// Test helpers of the evidence slice: an incident row to link evidence to (written directly:
// the incidents slice owns the workflow, these tests only need the row to exist).
import type { Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import { INCIDENT_STATES } from '../model/vocabulary.ts';
import { anIncidentRow } from '../incidents/incident.fixtures.ts';

/** Inserts a minimal incident; returns its id. */
export async function insertIncident(db: Kysely<Database>): Promise<string> {
  const id = newRecordId();
  await db
    .insertInto('incident')
    .values(
      anIncidentRow({
        id,
        state: INCIDENT_STATES[0],
        sub_event_type: 'test',
        geo_precision: 1,
        narrative_sealed: 'v1.test',
      }),
    )
    .execute();
  return id;
}
