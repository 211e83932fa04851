// The raw counts behind a bulletin's figures, read with SQL from the passage and monitoring
// tables for one period [from, to). Raw counts never leave this slice unprotected: the only
// caller is bulletin-figures.ts, which passes every one through the disclosure rules.
import type { Kysely } from 'kysely';
import { RESTRICTION_KINDS } from '../../monitoring/model/operations-vocabulary.ts';
import type { RestrictionKind } from '../../monitoring/model/operations-vocabulary.ts';
import type { Database } from '../../store/schema.ts';

/** People counted through one checkpoint in one direction. */
export interface PassageCount {
  checkpointId: string;
  direction: string;
  people: number;
}

/** Everything a daily or weekly report counts for one period. */
export interface RawCounts {
  passages: PassageCount[];
  /** Incidents opened in the period (duplicates, merged and out-of-scope ones left out). */
  incidentsReported: number;
  /** Of those, checkpoint detentions (published under the stricter threshold). */
  detentionsReported: number;
  /** Incidents that first reached `verified` in the period. */
  incidentsVerified: number;
  /** Best estimates over verified incidents that occurred in the period (OHCHR: verified only). */
  killed: number;
  injured: number;
  restrictions: Record<RestrictionKind, number>;
  hotlineResponded: number;
  hotlineUnanswered: number;
}

/** A period as UTC ISO instants, `to` excluded. */
export interface CountPeriod {
  from: string;
  to: string;
}

const NOT_COUNTED = ['duplicate', 'merged', 'out_of_scope'] as const;
const VERIFIED_OR_LATER = [
  'verified',
  'cleared_for_publication',
  'published',
  'corrected',
] as const;

async function passageCounts(db: Kysely<Database>, period: CountPeriod): Promise<PassageCount[]> {
  const captured = await db
    .selectFrom('checkpoint_passage')
    .select([
      'checkpoint_id',
      'direction',
      (eb) => eb.fn.sum<number | string>('occupants').as('people'),
    ])
    .where('recorded_at', '>=', period.from)
    .where('recorded_at', '<', period.to)
    .groupBy(['checkpoint_id', 'direction'])
    .execute();
  const counted = await db
    .selectFrom('aggregate_count')
    .select([
      'checkpoint_id',
      'direction',
      (eb) => eb.fn.sum<number | string>('people').as('people'),
    ])
    .where('interval_start', '>=', period.from)
    .where('interval_start', '<', period.to)
    .groupBy(['checkpoint_id', 'direction'])
    .execute();
  const totals = new Map<string, PassageCount>();
  for (const row of [...captured, ...counted]) {
    const key = `${row.checkpoint_id} ${row.direction}`;
    const entry = totals.get(key) ?? {
      checkpointId: row.checkpoint_id,
      direction: row.direction,
      people: 0,
    };
    // PostgreSQL returns sums of integers as text (bigint).
    entry.people += Number(row.people);
    totals.set(key, entry);
  }
  return [...totals.values()];
}

async function incidentCounts(db: Kysely<Database>, period: CountPeriod) {
  const opened = await db
    .selectFrom('incident')
    .select(['sub_event_type', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .where('state', 'not in', NOT_COUNTED)
    .groupBy('sub_event_type')
    .execute();
  // Counted on the day an incident first reached `verified`, so the days add up to the week
  // (a weekly figure is audited as the sum of its days' published figures).
  const verified = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('incident_transition')
        .select((sub) => ['incident_id', sub.fn.min<string>('at').as('first_at')])
        .where('to_state', '=', 'verified')
        .groupBy('incident_id')
        .as('first_verified'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('first_at', '>=', period.from)
    .where('first_at', '<', period.to)
    .executeTakeFirst();
  const reported = opened.reduce((sum, row) => sum + Number(row.count), 0);
  const detentions = opened
    .filter((row) => row.sub_event_type === 'checkpoint_detention')
    .reduce((sum, row) => sum + Number(row.count), 0);
  return { reported, detentions, verified: Number(verified?.count ?? 0) };
}

function bestOf(tolls: unknown, kind: 'killed' | 'injured'): number {
  if (typeof tolls !== 'object' || tolls === null) return 0;
  const range: unknown = (tolls as Record<string, unknown>)[kind];
  if (typeof range !== 'object' || range === null) return 0;
  const best: unknown = (range as Record<string, unknown>)['best'];
  return typeof best === 'number' && Number.isSafeInteger(best) && best > 0 ? best : 0;
}

async function casualtyCounts(db: Kysely<Database>, period: CountPeriod) {
  const rows = await db
    .selectFrom('incident')
    .select('tolls')
    .where('occurred_start', '>=', period.from)
    .where('occurred_start', '<', period.to)
    .where('state', 'in', VERIFIED_OR_LATER)
    .execute();
  let killed = 0;
  let injured = 0;
  for (const row of rows) {
    const tolls: unknown = JSON.parse(row.tolls);
    killed += bestOf(tolls, 'killed');
    injured += bestOf(tolls, 'injured');
  }
  return { killed, injured };
}

async function restrictionCounts(db: Kysely<Database>, period: CountPeriod) {
  const rows = await db
    .selectFrom('access_restriction')
    .select(['kind', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('occurred_at', '>=', period.from)
    .where('occurred_at', '<', period.to)
    .groupBy('kind')
    .execute();
  const counts = Object.fromEntries(RESTRICTION_KINDS.map((kind) => [kind, 0])) as Record<
    RestrictionKind,
    number
  >;
  for (const row of rows) counts[row.kind] += Number(row.count);
  return counts;
}

async function hotlineCounts(db: Kysely<Database>, period: CountPeriod) {
  const row = await db
    .selectFrom('hotline_contact')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('contacts'),
      (eb) => eb.fn.count<number | string>('responded_at').as('responded'),
    ])
    .where('received_at', '>=', period.from)
    .where('received_at', '<', period.to)
    .executeTakeFirst();
  const contacts = Number(row?.contacts ?? 0);
  const responded = Number(row?.responded ?? 0);
  return { responded, unanswered: contacts - responded };
}

/** The raw counts of `period`. */
export async function countPeriod(db: Kysely<Database>, period: CountPeriod): Promise<RawCounts> {
  const [passages, incidents, casualties, restrictions, hotline] = await Promise.all([
    passageCounts(db, period),
    incidentCounts(db, period),
    casualtyCounts(db, period),
    restrictionCounts(db, period),
    hotlineCounts(db, period),
  ]);
  return {
    passages,
    incidentsReported: incidents.reported,
    detentionsReported: incidents.detentions,
    incidentsVerified: incidents.verified,
    ...casualties,
    restrictions,
    hotlineResponded: hotline.responded,
    hotlineUnanswered: hotline.unanswered,
  };
}

/** The names of the checkpoints `ids` (public gazetteer data), by id. */
export async function checkpointNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('place')
    .select(['id', 'names'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, JSON.parse(row.names) as Record<string, string>]));
}
