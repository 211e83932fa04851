// The reads the dataset builders share: the gazetteer (small: held in memory for a release) and
// the incidents that may be published, read page by page in a stable order so that a large
// history never sits in memory at once.
import type { Kysely, Selectable } from 'kysely';
import type { IncidentTable } from '../../monitoring/monitoring.tables.ts';
import type { Database } from '../../store/schema.ts';
import type { BulletinFigures } from '../bulletins/bulletin-figures.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { Gazetteer } from './open-data.disclosure.ts';

// Names are staff-entered JSON {en, hy?, az?, ru?}; a row written by an older version may lack
// English, so take the first name there is rather than fail the release.
function englishName(names: string): string {
  try {
    const parsed: unknown = JSON.parse(names);
    if (typeof parsed !== 'object' || parsed === null) return '';
    const record = parsed as Record<string, unknown>;
    const first = record['en'] ?? Object.values(record)[0];
    return typeof first === 'string' ? first : '';
  } catch {
    return '';
  }
}

/** Loads the whole gazetteer. */
export async function loadGazetteer(db: Kysely<Database>): Promise<Gazetteer> {
  const rows = await db
    .selectFrom('place')
    .select(['id', 'kind', 'names', 'lat', 'lon', 'admin_code'])
    .orderBy('id')
    .execute();
  const places = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: englishName(row.names),
    lat: row.lat,
    lon: row.lon,
    adminCode: row.admin_code,
  }));
  return {
    byId: new Map(places.map((place) => [place.id, place])),
    settlements: places.filter((place) => place.kind === 'settlement'),
  };
}

/** States in which an incident has been verified and cleared for publication (DOMAIN.md §5). */
export const PUBLISHABLE_STATES = ['cleared_for_publication', 'published', 'corrected'] as const;

/** The incident columns the datasets read (never the sealed narrative). */
export type IncidentRow = Pick<
  Selectable<IncidentTable>,
  | 'id'
  | 'state'
  | 'sub_event_type'
  | 'occurred_start'
  | 'occurred_end'
  | 'time_precision'
  | 'place_id'
  | 'lat'
  | 'lon'
  | 'geo_precision'
  | 'actors'
  | 'tolls'
  | 'civilian_targeting'
  | 'public_summary'
>;

const PAGE = 1000;

/**
 * The publishable incidents that started at or before `startedBy` (ISO-8601), oldest first,
 * page by page (keyset on occurred_start, id). The delay itself is checked by the caller on
 * the end time.
 */
export async function* publishableIncidents(
  db: Kysely<Database>,
  startedBy: string,
): AsyncGenerator<IncidentRow> {
  let after: { start: string; id: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('incident')
      .select([
        'id',
        'state',
        'sub_event_type',
        'occurred_start',
        'occurred_end',
        'time_precision',
        'place_id',
        'lat',
        'lon',
        'geo_precision',
        'actors',
        'tolls',
        'civilian_targeting',
        'public_summary',
      ])
      .where('state', 'in', PUBLISHABLE_STATES)
      .where('occurred_start', '<=', startedBy);
    if (after !== undefined) {
      const { start, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('occurred_start', '>', start),
          eb.and([eb('occurred_start', '=', start), eb('id', '>', id)]),
        ]),
      );
    }
    const rows = await query.orderBy('occurred_start').orderBy('id').limit(PAGE).execute();
    yield* rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return;
    after = { start: last.occurred_start, id: last.id };
  }
}

/**
 * The passages table of each published daily report, by its reporting day: what the open data
 * repeats for that day (checkpoint-daily.dataset.ts). Rows are checkpoints in id order, as the
 * report laid them out; each row's cells are one per direction, then the row total.
 */
export async function publishedDailyPassages(
  db: Kysely<Database>,
): Promise<Map<string, { names: Record<string, string> | undefined; cells: PublishedCell[] }[]>> {
  const rows = await db
    .selectFrom('bulletin')
    .select(['draft_key', 'figures'])
    .where('state', '=', 'published')
    .where('draft_key', 'like', 'daily:%')
    .execute();
  const byDay = new Map<
    string,
    { names: Record<string, string> | undefined; cells: PublishedCell[] }[]
  >();
  for (const row of rows) {
    const figures = JSON.parse(row.figures) as BulletinFigures;
    const section = figures.sections.find((s) => s.key === 'passages');
    const checkpoints = section?.rows.filter((r) => r.key === 'checkpoint') ?? [];
    byDay.set(
      (row.draft_key ?? '').slice('daily:'.length),
      checkpoints.map((r) => ({ names: r.names, cells: r.cells })),
    );
  }
  return byDay;
}
