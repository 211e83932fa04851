// Test data for the analysis slice: incidents, information items and places written straight into
// their tables (as the incidents and intake slices store them), with the narrative or account
// sealed under the test keyring's secret box. Synthetic only.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { Keyring } from '../../people/keyring.ts';
import type { SecretBox } from '../../people/keyring.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { IncidentTable, InfoItemTable } from '../monitoring.tables.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { anIncidentRow } from '../incidents/incident.fixtures.ts';

/** The bridge checkpoint of the scenario (DOMAIN.md §7), roughly. */
export const BRIDGE = { lat: 39.5123, lon: 46.3412 };

/** A context on `db` with an in-memory log, a fresh keyring and a fixed clock. */
export function analysisContext(
  db: Kysely<Database>,
  logged: unknown[] = [],
): AnalysisContext & { box: SecretBox } {
  let index = 0;
  const keyring = new Keyring(randomBytes(32));
  return {
    db,
    sealer: new Sealer({ append: () => Promise.resolve({ index: index++ }) }),
    keyring,
    now: () => new Date('2023-09-27T10:00:00.000Z'),
    logError: (error) => logged.push(error),
    box: keyring.createSecretBox(),
  };
}

/** What a test says about an incident; `narrative` is sealed on the way in. */
export type IncidentSeed = Partial<Omit<Insertable<IncidentTable>, 'narrative_sealed'>> & {
  narrative?: string;
};

/** Stores an incident (triaged, a detention at the bridge on the evening of D1); returns its id. */
export async function insertIncident(
  db: Kysely<Database>,
  box: SecretBox,
  seed: IncidentSeed = {},
): Promise<string> {
  const { narrative = 'Two men detained at the bridge checkpoint during screening', ...rest } =
    seed;
  const id = rest.id ?? randomUUID();
  const at = '2023-09-25T20:00:00.000Z';
  await db
    .insertInto('incident')
    .values(
      anIncidentRow({
        id,
        state: 'triaged',
        occurred_start: '2023-09-25T18:30:00.000Z',
        lat: BRIDGE.lat,
        lon: BRIDGE.lon,
        geo_precision: 1,
        civilian_targeting: 1,
        created_at: at,
        updated_at: at,
        ...rest,
        narrative_sealed: box.seal(narrative),
      }),
    )
    .execute();
  return id;
}

/** What a test says about an item; `account` is sealed on the way in. */
export type ItemSeed = Partial<Omit<Insertable<InfoItemTable>, 'account_sealed'>> & {
  account?: string;
};

/** Stores an untriaged hotline call about the same detention; returns its id. */
export async function insertItem(
  db: Kysely<Database>,
  box: SecretBox,
  seed: ItemSeed = {},
): Promise<string> {
  const { account = 'two men were detained at the bridge checkpoint, screening', ...rest } = seed;
  const id = rest.id ?? randomUUID();
  const at = '2023-09-25T21:00:00.000Z';
  await db
    .insertInto('info_item')
    .values({
      id,
      channel: 'hotline_call',
      source_id: null,
      proximity: null,
      credibility: 6,
      language: 'en',
      received_at: at,
      occurred_at: '2023-09-25T19:00:00.000Z',
      place_id: null,
      event_type: 'checkpoint_detention',
      collected_by: 'hotline-1',
      access: '{}',
      receipt_sha256: null,
      status: 'new',
      created_at: at,
      updated_at: at,
      version: 1,
      ...rest,
      account_sealed: box.seal(account),
    })
    .execute();
  return id;
}

/** Stores a gazetteer place (a checkpoint at the bridge unless told); returns its id. */
export async function insertPlace(
  db: Kysely<Database>,
  seed: { lat?: number; lon?: number; adminCode?: string | null } = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('place')
    .values({
      id,
      kind: 'checkpoint',
      names: JSON.stringify({ en: 'Bridge checkpoint' }),
      lat: seed.lat ?? BRIDGE.lat,
      lon: seed.lon ?? BRIDGE.lon,
      admin_code: seed.adminCode === undefined ? 'AM-SU' : seed.adminCode,
      created_at: '2023-09-20T00:00:00.000Z',
      version: 1,
    })
    .execute();
  return id;
}
