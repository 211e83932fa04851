// Test records for the open datasets: a small gazetteer, incidents in every situation the
// disclosure rules treat differently, counts with a small one planted, a restriction, hotline
// contacts — and identity data (a name, a document number, a phone, a plate) planted in the
// places that must never reach an output. Synthetic only.
import type { Kysely } from 'kysely';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import { aPassage, aPlace, newId } from '../../passage/database/passage.fixtures.ts';
import { ANNA, personInput, TEST_ACTOR } from '../../people/identity-vault.fixture.ts';
import type { IdentityVault } from '../../people/identity-vault.service.ts';
import type { Keyring } from '../../people/keyring.ts';
import type { Database } from '../../store/schema.ts';
import { anIncidentRow } from '../../monitoring/incidents/incident.fixtures.ts';
import { openTestBulletins, publishedDraft } from '../bulletins/bulletins.fixtures.ts';

/** What must appear in no output, whatever the release. */
export const PLANTED = {
  name: 'Petrosyan',
  document: 'AN0498127',
  phone: '+374 91 234567',
  plate: '35 OU 123',
  staffId: 'staff-recorder-7f3a',
};

/** The release time of the scenario. */
export const RELEASE_AT = new Date('2023-10-01T12:00:00.000Z');

const hoursBefore = (hours: number) =>
  new Date(RELEASE_AT.getTime() - hours * 3_600_000).toISOString();

/** The places and incidents' ids of the scenario. */
export interface Scenario {
  checkpointId: string;
  settlementId: string;
  incidents: Record<'published' | 'verifiedOnly' | 'tooRecent' | 'nearPoint' | 'remote', string>;
}

const TOLLS = (killed: number, detained: number) =>
  JSON.stringify({
    killed: { low: killed, best: killed, high: killed },
    injured: { low: 12, best: 12, high: 15 },
    detained: { low: detained, best: detained, high: detained },
    missing: { low: 0, best: 0, high: 0 },
  });

/** One incident of the scenario (identity data planted in its sealed and victim fields). */
export async function insertIncident(
  db: Kysely<Database>,
  fields: { state: string; start: string; placeId?: string; at?: [number, number] } & {
    killed?: number;
  },
): Promise<string> {
  const id = newId();
  const secret = `${PLANTED.name} ${PLANTED.document} ${PLANTED.phone} ${PLANTED.plate}`;
  await db
    .insertInto('incident')
    .values(
      anIncidentRow({
        id,
        state: fields.state as 'published',
        occurred_start: fields.start,
        place_id: fields.placeId ?? null,
        lat: fields.at?.[0] ?? null,
        lon: fields.at?.[1] ?? null,
        geo_precision: 1,
        actors: JSON.stringify([
          { name: 'Party A border service', actorType: 1, role: 'actor1' },
          { name: `Anna ${PLANTED.name}`, actorType: 7, role: 'actor2' },
        ]),
        victims: JSON.stringify([{ sex: 'female', ageBand: '18-45', count: 1, personRefs: [id] }]),
        tolls: TOLLS(fields.killed ?? 3, 7),
        civilian_targeting: 1,
        narrative_sealed: `sealed:${secret}`,
        public_summary: 'A man was detained at the bridge checkpoint.',
      }),
    )
    .execute();
  return id;
}

async function seedPlaces(db: Kysely<Database>) {
  const settlement = aPlace({
    kind: 'settlement',
    names: { en: 'Hilltown' },
    lat: 39.52,
    lon: 46.35,
    adminCode: 'AM-SU',
  });
  const checkpoint = aPlace();
  const remote = aPlace({ kind: 'exit_post', lat: 40.9, lon: 44.9, adminCode: 'AM-GR' });
  await passageStoreOn(db).places.insertMany([settlement, checkpoint, remote]);
  return { settlement, checkpoint, remote };
}

/** One interval count through `checkpointId` (a tally recorded at its start). */
export function insertCount(
  db: Kysely<Database>,
  checkpointId: string,
  count: { start: string; direction: 'in' | 'out'; people: number; vehicles: number },
): Promise<unknown> {
  return passageStoreOn(db).counts.insert({
    id: newId(),
    checkpointId,
    intervalStart: count.start,
    intervalEnd: count.start,
    direction: count.direction,
    people: count.people,
    vehicles: count.vehicles,
    bySexAge: null,
    method: 'tally',
    sourceGrade: 'B2',
    recordedBy: PLANTED.staffId,
    recordedAt: count.start,
  });
}

async function seedCounts(db: Kysely<Database>, checkpointId: string): Promise<void> {
  const store = passageStoreOn(db);
  const count = (start: string, direction: 'in' | 'out', people: number, vehicles: number) =>
    insertCount(db, checkpointId, { start, direction, people, vehicles });
  await count('2023-09-29T08:00:00.000Z', 'out', 3, 1);
  await count('2023-09-29T08:00:00.000Z', 'in', 123, 40);
  await count('2023-09-28T08:00:00.000Z', 'out', 1234, 260);
  await count('2023-10-01T08:00:00.000Z', 'out', 999, 99);
  await store.passages.insert(
    aPassage({ checkpointId, occupants: 4, recordedAt: '2023-09-28T09:00:00.000Z' }),
  );
}

async function seedOperations(db: Kysely<Database>, placeId: string, keyring: Keyring) {
  await db
    .insertInto('access_restriction')
    .values({
      id: newId(),
      kind: 'delay',
      sub_kind: 'documents_demanded',
      occurred_at: hoursBefore(30),
      place_id: placeId,
      duration_minutes: 40,
      imposed_by: 'Party A border service',
      patrol_id: null,
      description: 'The patrol was held at the bridge for 40 minutes.',
      recorded_by: PLANTED.staffId,
      created_at: hoursBefore(30),
      version: 1,
    })
    .execute();
  const contact = (topic: 'detention' | 'safe_passage', hour: number) => ({
    id: newId(),
    received_at: `2023-09-29T${String(hour).padStart(2, '0')}:00:00.000Z`,
    channel: 'phone' as const,
    caller_ref: keyring.pseudonym('hotline-caller', PLANTED.phone),
    topic,
    responded_at: null,
    response_seconds: null,
    outcome: null,
    info_item_id: null,
    tracing_request_id: null,
    recorded_by: PLANTED.staffId,
    created_at: RELEASE_AT.toISOString(),
    updated_at: RELEASE_AT.toISOString(),
    version: 1,
  });
  const contacts = [
    ...[1, 2, 3].map((hour) => contact('detention', hour)),
    ...Array.from({ length: 12 }, (_, hour) => contact('safe_passage', hour + 4)),
  ];
  await db.insertInto('hotline_contact').values(contacts).execute();
}

/** Stores the scenario (and Anna, with her document and phone, in the vault). */
export async function seedScenario(
  db: Kysely<Database>,
  vault: { vault: IdentityVault; keyring: Keyring },
): Promise<Scenario> {
  await vault.vault.storePerson(personInput(ANNA), TEST_ACTOR);
  const { settlement, checkpoint, remote } = await seedPlaces(db);
  const incidents = {
    published: await insertIncident(db, {
      state: 'published',
      start: hoursBefore(120),
      placeId: checkpoint.id,
    }),
    verifiedOnly: await insertIncident(db, { state: 'verified', start: hoursBefore(120) }),
    tooRecent: await insertIncident(db, {
      state: 'published',
      start: hoursBefore(1),
      placeId: checkpoint.id,
    }),
    nearPoint: await insertIncident(db, {
      state: 'corrected',
      start: hoursBefore(144),
      at: [39.5201, 46.3501],
      killed: 40,
    }),
    remote: await insertIncident(db, {
      state: 'cleared_for_publication',
      start: hoursBefore(96),
      placeId: remote.id,
    }),
  };
  await seedCounts(db, checkpoint.id);
  await seedOperations(db, checkpoint.id, vault.keyring);
  return { checkpointId: checkpoint.id, settlementId: settlement.id, incidents };
}

/**
 * Publishes the daily reports of `dates` (local dates of their cut-offs) through the bulletin
 * workflow, as the mission would: checkpoint_daily releases only days whose report is public.
 */
export async function publishDailyReports(
  db: Kysely<Database>,
  dates: readonly string[],
): Promise<void> {
  const bulletins = openTestBulletins(db, RELEASE_AT);
  const staff = { analyst: 'staff-analyst-1', coordinator: 'staff-coordinator-2' };
  for (const date of dates) {
    const draft = await bulletins.workflow.create({ product: 'daily', date }, staff.analyst);
    await publishedDraft(bulletins, draft, staff);
  }
}
