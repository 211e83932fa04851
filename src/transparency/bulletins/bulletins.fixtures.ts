// Test support for the bulletin suites: the services over a test database with a Sealer over an
// in-memory log (to read what became public), and rows of the passage and monitoring tables the
// figures are counted from, written straight into those tables. Synthetic data only.
import type { Kysely } from 'kysely';
import type { RestrictionKind } from '../../monitoring/model/operations-vocabulary.ts';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import type { Bulletin } from './bulletin.repository.ts';
import { BulletinReadingService } from './bulletin-reading.service.ts';
import { DEFAULT_BULLETIN_SETTINGS } from './bulletin-settings.ts';
import { BulletinService } from './bulletin.service.ts';
import { anIncidentRow } from '../../monitoring/incidents/incident.fixtures.ts';

/** The services under test and the log they wrote. */
export interface TestBulletins {
  workflow: BulletinService;
  reading: BulletinReadingService;
  /** Every log entry appended, parsed, in log order (the index is the position). */
  entries(): { kind: string; id: string; version: number; at: string; body: unknown }[];
  /** Every log entry as text. */
  texts: string[];
  setNow(now: Date): void;
}

/** The services over `db` (default settings: 19:30 Asia/Yerevan), clock at `start`. */
export function openTestBulletins(db: Kysely<Database>, start: Date): TestBulletins {
  let now = start;
  const clock = () => now;
  const { sealer, entries } = openTestVault(db, { now: clock });
  const settings = DEFAULT_BULLETIN_SETTINGS;
  return {
    workflow: new BulletinService({ db, sealer, now: clock, settings }),
    reading: new BulletinReadingService({ db }),
    entries: () =>
      entries.map(
        (entry) =>
          JSON.parse(entry) as {
            kind: string;
            id: string;
            version: number;
            at: string;
            body: unknown;
          },
      ),
    texts: entries,
    setNow: (next) => {
      now = next;
    },
  };
}

/** A checkpoint in the gazetteer (a test place, as the commitments' tests insert); its id. */
export { insertPlace as insertCheckpoint } from '../../monitoring/commitments/commitments.fixtures.ts';

/** `draft` edited by `staff.analyst`, approved and published by `staff.coordinator`. */
export async function publishedDraft(
  test: TestBulletins,
  draft: Bulletin,
  staff: { analyst: string; coordinator: string },
): Promise<Bulletin> {
  const edited = await test.workflow.edit(
    draft.id,
    { version: draft.version, language: 'en', text: 'Calm.' },
    staff.analyst,
  );
  const approved = await test.workflow.approve(
    draft.id,
    { version: edited.version },
    staff.coordinator,
  );
  return test.workflow.publish(draft.id, { version: approved.version }, staff.coordinator);
}

/** `captures` passages of `occupants` people each through `checkpointId` at `at`. */
export async function insertPassages(
  db: Kysely<Database>,
  where: { checkpointId: string; direction: 'in' | 'out'; at: string },
  captures: number,
  occupants = 1,
): Promise<void> {
  for (let i = 0; i < captures; i++) {
    await db
      .insertInto('checkpoint_passage')
      .values({
        id: newRecordId(),
        device_id: 'device-test',
        signature: 'c2ln',
        checkpoint_id: where.checkpointId,
        direction: where.direction,
        vehicle_id: null,
        journey_ids: '[]',
        occupants,
        queue_in_at: null,
        screening_start_at: null,
        screening_end_at: null,
        screening_types: '[]',
        outcome: 'passed',
        recorded_at: where.at,
        recorded_by: 'staff-monitor',
      })
      .execute();
  }
}

/** An incident opened at `at` of sub-type `subType` in `state` with `killed` dead (best). */
export async function insertIncident(
  db: Kysely<Database>,
  incident: { at: string; subType: string; state?: string; killed?: number },
): Promise<string> {
  const id = newRecordId();
  const range = (best: number) => ({ low: best, best, high: best });
  const tolls = { killed: range(incident.killed ?? 0), injured: range(0) };
  await db
    .insertInto('incident')
    .values(
      anIncidentRow({
        id,
        state: (incident.state ?? 'received') as 'received',
        sub_event_type: incident.subType,
        occurred_start: incident.at,
        tolls: JSON.stringify(tolls),
      }),
    )
    .execute();
  return id;
}

/** `count` hotline contacts received at `at`, none answered. */
export async function insertHotlineContacts(
  db: Kysely<Database>,
  at: string,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db
      .insertInto('hotline_contact')
      .values({
        id: newRecordId(),
        received_at: at,
        channel: 'phone',
        caller_ref: 'pseudonym-test',
        topic: 'safe_passage',
        responded_at: null,
        response_seconds: null,
        outcome: null,
        info_item_id: null,
        tracing_request_id: null,
        recorded_by: 'staff-hotline',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  }
}

/** A restriction of `kind` on the mission at `at` and `placeId`. */
export async function insertRestriction(
  db: Kysely<Database>,
  restriction: { kind: RestrictionKind; at: string; placeId: string },
): Promise<void> {
  await db
    .insertInto('access_restriction')
    .values({
      id: newRecordId(),
      kind: restriction.kind,
      sub_kind: null,
      occurred_at: restriction.at,
      place_id: restriction.placeId,
      duration_minutes: null,
      imposed_by: 'Party B',
      patrol_id: null,
      description: 'Patrol turned back at the bridge.',
      recorded_by: 'staff-analyst',
      created_at: restriction.at,
      version: 1,
    })
    .execute();
}
