// Test helpers of the incidents slice: information items stored as intake would store them,
// passage cases to link, and incident content as staff write it. Synthetic only.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { IncidentTable } from '../monitoring.tables.ts';
import { NO_TOLLS } from '../model/incident-content.ts';
import type { ContentInput } from './incident-content.prepare.ts';

/** Stores `count` new information items (a hotline call each); returns their ids. */
export async function seedItems(db: Kysely<Database>, count: number): Promise<string[]> {
  const at = '2023-09-25T19:00:00.000Z';
  const ids = Array.from({ length: count }, () => randomUUID());
  await db
    .insertInto('info_item')
    .values(
      ids.map((id) => ({
        id,
        channel: 'hotline_call' as const,
        source_id: null,
        proximity: null,
        credibility: 6,
        language: 'hy',
        account_sealed: 'sealed-elsewhere',
        received_at: at,
        occurred_at: null,
        place_id: null,
        event_type: null,
        collected_by: 'hotline-1',
        access: '{}',
        receipt_sha256: null,
        status: 'new' as const,
        created_at: at,
        updated_at: at,
        version: 1,
      })),
    )
    .execute();
  return ids;
}

/** The status of item `id`. */
export async function itemStatus(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('info_item')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}

/** Stores a held-person case and a tracing request; returns their ids. */
export async function seedCases(
  db: Kysely<Database>,
): Promise<{ heldCaseId: string; tracingRequestId: string }> {
  const at = '2023-09-26T08:00:00.000Z';
  const heldCaseId = randomUUID();
  const tracingRequestId = randomUUID();
  await db
    .insertInto('held_case')
    .values({
      id: heldCaseId,
      journey_id: null,
      person_ref: null,
      state: 'reported',
      place_id: null,
      held_by: null,
      reported_at: at,
      updated_at: at,
      icrc_notified_at: null,
      version: 1,
    })
    .execute();
  await db
    .insertInto('tracing_request')
    .values({
      id: tracingRequestId,
      sought_person_ref: null,
      requester_ref: randomUUID(),
      household_id: null,
      state: 'opened',
      opened_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { heldCaseId, tracingRequestId };
}

/** The fuel-depot explosion of 25 Sep 2023 with `killed` as its best figure. */
export function aContent(killed = 20, overrides: Partial<ContentInput> = {}): ContentInput {
  return {
    subEventType: 'mass_casualty_accident',
    occurredStart: '2023-09-25T18:30:00.000Z',
    occurredEnd: null,
    timePrecision: 1,
    placeId: null,
    lat: 39.82,
    lon: 46.73,
    geoPrecision: 2,
    actors: [{ name: 'Civilians (corridor queue)', actorType: 7, role: 'actor1' }],
    victims: [{ sex: 'unknown', ageBand: 'unknown', count: killed }],
    tolls: { ...NO_TOLLS, killed: { low: killed, best: killed, high: killed + 10 } },
    civilianTargeting: false,
    narrative: 'Explosion at a fuel depot beside the queue; witness M. named the site guard.',
    publicSummary: null,
    ...overrides,
  };
}

/**
 * A whole incident row for tests that insert one directly: a received checkpoint detention at
 * 2023-09-25T18:00Z with no place, actors, victims or tolls, unless `fields` says otherwise.
 */
export function anIncidentRow(fields: Partial<IncidentTable> = {}): IncidentTable {
  const at = fields.occurred_start ?? '2023-09-25T18:00:00.000Z';
  return {
    id: randomUUID(),
    state: 'received',
    sub_event_type: 'checkpoint_detention',
    occurred_start: at,
    occurred_end: null,
    time_precision: 1,
    place_id: null,
    lat: null,
    lon: null,
    geo_precision: 2,
    actors: '[]',
    victims: '[]',
    tolls: '{}',
    civilian_targeting: 0,
    narrative_sealed: 'sealed',
    public_summary: null,
    merged_into: null,
    created_at: at,
    updated_at: at,
    version: 1,
    ...fields,
  };
}
