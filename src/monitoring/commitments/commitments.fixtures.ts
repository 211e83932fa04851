// Test support for this slice's service suites: the services over a test database with a Sealer
// over an in-memory log (to read what is public), and the few rows of other slices the tests
// point at (a place, an incident, an information item), written straight into their tables.
// Synthetic data only.
import type { Kysely } from 'kysely';
import { aPlace } from '../../passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import { HotlineService } from '../operations/hotline.service.ts';
import { PatrolService } from '../operations/patrol.service.ts';
import { RestrictionService } from '../operations/restriction.service.ts';
import { CommitmentService } from './commitment.service.ts';
import { anIncidentRow } from '../incidents/incident.fixtures.ts';

/** The services under test and what they wrote to the log. */
export interface TestCommitments {
  commitments: CommitmentService;
  restrictions: RestrictionService;
  patrols: PatrolService;
  hotline: HotlineService;
  /** Every log entry appended, parsed. */
  entries(): { kind: string; id: string; version: number; body: unknown }[];
  setNow(now: Date): void;
}

/** The services over `db`, clock at 24 Sep 2023 12:00 UTC until moved. */
export function openTestCommitments(db: Kysely<Database>): TestCommitments {
  let now = new Date('2023-09-24T12:00:00.000Z');
  const clock = () => now;
  const { keyring, sealer, entries } = openTestVault(db, { now: clock });
  const deps = { db, sealer, keyring, now: clock };
  return {
    commitments: new CommitmentService(deps),
    restrictions: new RestrictionService(deps),
    patrols: new PatrolService(deps),
    hotline: new HotlineService(deps),
    entries: () =>
      entries.map(
        (entry) =>
          JSON.parse(entry) as { kind: string; id: string; version: number; body: unknown },
      ),
    setNow: (next) => {
      now = next;
    },
  };
}

/** A gazetteer place; its id. */
export async function insertPlace(db: Kysely<Database>): Promise<string> {
  const place = aPlace();
  await passageStoreOn(db).places.insertMany([place]);
  return place.id;
}

/** A received incident that started at `occurredStart`; its id. */
export async function insertIncident(db: Kysely<Database>, occurredStart: string): Promise<string> {
  const id = newRecordId();
  await db
    .insertInto('incident')
    .values(anIncidentRow({ id, occurred_start: occurredStart }))
    .execute();
  return id;
}

/** An information item received at `receivedAt` about an event at `occurredAt`; its id. */
export async function insertInfoItem(
  db: Kysely<Database>,
  receivedAt: string,
  occurredAt: string | null,
): Promise<string> {
  const id = newRecordId();
  await db
    .insertInto('info_item')
    .values({
      id,
      channel: 'monitor_observation',
      source_id: null,
      proximity: 'eyewitness',
      credibility: 6,
      language: 'en',
      account_sealed: 'sealed',
      received_at: receivedAt,
      occurred_at: occurredAt,
      place_id: null,
      event_type: null,
      collected_by: 'staff-monitor',
      access: '{}',
      receipt_sha256: null,
      status: 'new',
      status_reason: null,
      created_at: receivedAt,
      updated_at: receivedAt,
      version: 1,
    })
    .execute();
  return id;
}

/** Rows of every table of this slice and of sealed_record, to prove a rejection wrote nothing. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'commitment',
    'commitment_version',
    'commitment_link',
    'commitment_link_withdrawal',
    'access_restriction',
    'access_restriction_version',
    'patrol',
    'patrol_transition',
    'hotline_contact',
    'sealed_record',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
