// Reads for duplicate suggestions, straight from the intake and incident tables (portable Kysely):
// one record as the scorer compares it, and the records that could describe the same event —
// found in SQL by time window and area, so that only a few are opened and scored in process.
// Places give coordinates to records that name a gazetteer place but carry none of their own.
import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import {
  MAX_RADIUS_KM,
  MAX_TIME_WIDENING_MS,
  TIME_WIDENING_MS,
  TIME_WINDOW_MS,
} from '../model/duplicate-score.ts';
import type { DuplicateSubject } from '../model/duplicate-pair.ts';
import type { IncidentState, TimePrecision } from '../model/vocabulary.ts';
import type { Database } from '../../store/schema.ts';
import { toIncidentRecord, toItemRecord } from './duplicate-record-rows.ts';
import type { ComparableRecord } from './duplicate-record-rows.ts';

/** Incidents that can no longer take a duplicate: already flagged, merged, or set aside. */
const CLOSED_STATES: readonly IncidentState[] = ['duplicate', 'merged', 'out_of_scope'];
/** Incidents that may still be flagged duplicate (incident machine: received, triaged). */
const OPEN_STATES: readonly IncidentState[] = ['received', 'triaged'];
const KM_PER_DEGREE = 111.2;

/** A time range of occurred times (ISO-8601) that SQL compares as text. */
interface TextRange {
  from: string;
  to: string;
}

function rangeAround(record: ComparableRecord, reachMs: number): TextRange | undefined {
  const start = record.occurredStart === null ? Number.NaN : Date.parse(record.occurredStart);
  if (!Number.isFinite(start)) return undefined;
  const end = record.occurredEnd === null ? Number.NaN : Date.parse(record.occurredEnd);
  const widened = TIME_WIDENING_MS[record.timePrecision] + TIME_WINDOW_MS + reachMs;
  const last = Number.isFinite(end) && end > start ? end : start;
  return {
    from: new Date(Math.max(0, start - widened)).toISOString(),
    to: new Date(Math.min(8.64e15, last + widened)).toISOString(),
  };
}

/** How far (ms) a candidate of `precision` may be stated from an event it matches. */
const reachOf = (precision: TimePrecision) => TIME_WIDENING_MS[precision];

/** The latitude/longitude box `MAX_RADIUS_KM` around a point. */
function boxAround(lat: number, lon: number) {
  const dLat = MAX_RADIUS_KM / KM_PER_DEGREE;
  const dLon = MAX_RADIUS_KM / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** Where a candidate's place and own coordinates are (items have no coordinates of their own). */
interface LocationColumns {
  placeId: string;
  lat: string | null;
  lon: string | null;
}

/**
 * The area of `record` as an SQL condition: its place, its place's admin area, a box around its
 * point — or, for a candidate with no place at all, anywhere (time, type and text may still
 * match it). Always true when `record` itself has no location.
 */
function inArea(record: ComparableRecord, columns: LocationColumns): RawBuilder<SqlBool> {
  const placeId = sql.ref(columns.placeId);
  const coordinate = (own: string | null, place: string) =>
    own === null ? sql.ref(place) : sql`coalesce(${sql.ref(own)}, ${sql.ref(place)})`;
  const lat = coordinate(columns.lat, 'p.lat');
  const lon = coordinate(columns.lon, 'p.lon');
  const parts: RawBuilder<unknown>[] = [];
  if (record.placeId !== null) parts.push(sql`${placeId} = ${record.placeId}`);
  if (record.adminCode !== null) parts.push(sql`p.admin_code = ${record.adminCode}`);
  if (record.lat !== null && record.lon !== null) {
    const box = boxAround(record.lat, record.lon);
    parts.push(
      sql`(${lat} between ${box.minLat} and ${box.maxLat} and ${lon} between ${box.minLon} and ${box.maxLon})`,
    );
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 1`;
  parts.push(sql`(${placeId} is null and ${lat} is null)`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The records duplicate suggestions read; `db` may be the pool or a transaction. */
export class KyselyDuplicateRecords {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #incidents() {
    return this.#db
      .selectFrom('incident as i')
      .leftJoin('place as p', 'p.id', 'i.place_id')
      .select((eb) => [
        'i.id',
        'i.state',
        'i.occurred_start',
        'i.occurred_end',
        'i.time_precision',
        'i.place_id',
        eb.fn.coalesce('i.lat', 'p.lat').as('lat'),
        eb.fn.coalesce('i.lon', 'p.lon').as('lon'),
        'i.geo_precision',
        'i.sub_event_type',
        'i.narrative_sealed',
        'p.admin_code',
      ]);
  }

  #items() {
    return this.#db
      .selectFrom('info_item as it')
      .leftJoin('place as p', 'p.id', 'it.place_id')
      .select([
        'it.id',
        'it.status',
        'it.occurred_at',
        'it.received_at',
        'it.place_id',
        'p.lat',
        'p.lon',
        'it.event_type',
        'it.account_sealed',
        'p.admin_code',
      ]);
  }

  /** One incident or item as the scorer sees it; undefined when there is none. */
  async get(subject: DuplicateSubject): Promise<ComparableRecord | undefined> {
    if (subject.kind === 'incident') {
      const row = await this.#incidents().where('i.id', '=', subject.id).executeTakeFirst();
      return row === undefined ? undefined : toIncidentRecord(row);
    }
    const row = await this.#items().where('it.id', '=', subject.id).executeTakeFirst();
    return row === undefined ? undefined : toItemRecord(row);
  }

  /**
   * Incidents (not closed, not `record` itself, not already linked to it) stated close enough
   * in time to `record`, in its area or with no place at all; at most `limit`.
   */
  async incidentsNear(record: ComparableRecord, limit: number): Promise<ComparableRecord[]> {
    const near = rangeAround(record, reachOf(1));
    const far = rangeAround(record, MAX_TIME_WIDENING_MS);
    if (near === undefined || far === undefined) return [];
    const { id, kind } = record.subject;
    let query = this.#incidents()
      .where('i.state', 'not in', CLOSED_STATES)
      // One range over the index (read in time order, so LIMIT stops early), then the tighter
      // window for candidates whose own time is precise to the day.
      .where('i.occurred_start', '>=', far.from)
      .where('i.occurred_start', '<=', far.to)
      .where((eb) =>
        eb.or([eb('i.time_precision', '>', 1), eb.between('i.occurred_start', near.from, near.to)]),
      )
      .where(inArea(record, { placeId: 'i.place_id', lat: 'i.lat', lon: 'i.lon' }));
    if (kind === 'incident') query = query.where('i.id', '<>', id);
    else {
      query = query.where('i.id', 'not in', (eb) =>
        eb.selectFrom('incident_item').select('incident_id').where('item_id', '=', id),
      );
    }
    // Nearest in time first: half from the subject's start on, half before it, so that a dense
    // period cuts off the farthest candidates, never one side.
    const pivot = new Date(
      Date.parse(near.from) + (Date.parse(near.to) - Date.parse(near.from)) / 2,
    );
    const split = pivot.toISOString();
    const half = Math.ceil(limit / 2);
    const [later, earlier] = await Promise.all([
      query
        .where('i.occurred_start', '>=', split)
        .orderBy('i.occurred_start')
        .orderBy('i.id')
        .limit(half)
        .execute(),
      query
        .where('i.occurred_start', '<', split)
        .orderBy('i.occurred_start', 'desc')
        .orderBy('i.id', 'desc')
        .limit(limit - half)
        .execute(),
    ]);
    return [...earlier.reverse(), ...later].map(toIncidentRecord);
  }

  /**
   * Untriaged items (status new, not linked to `record`) stated close enough in time to
   * incident `record`, in its area or with no place; at most `limit`.
   */
  async itemsNear(record: ComparableRecord, limit: number): Promise<ComparableRecord[]> {
    const stated = rangeAround(record, reachOf(1));
    const received = rangeAround(record, reachOf(2));
    if (stated === undefined || received === undefined) return [];
    const rows = await this.#items()
      .where('it.status', '=', 'new')
      .where((eb) =>
        eb.or([
          eb.between('it.occurred_at', stated.from, stated.to),
          eb.and([
            eb('it.occurred_at', 'is', null),
            eb.between('it.received_at', received.from, received.to),
          ]),
        ]),
      )
      .where(inArea(record, { placeId: 'it.place_id', lat: null, lon: null }))
      .where('it.id', 'not in', (eb) =>
        eb
          .selectFrom('incident_item')
          .select('item_id')
          .where('incident_id', '=', record.subject.id),
      )
      .orderBy('it.received_at')
      .orderBy('it.id')
      .limit(limit)
      .execute();
    return rows.map(toItemRecord);
  }

  /**
   * The newest records that may still turn out to be duplicates: untriaged items and incidents
   * not yet past triage, at most `limit` of each.
   */
  async openSubjects(limit: number): Promise<ComparableRecord[]> {
    const [items, incidents] = await Promise.all([
      this.#items()
        .where('it.status', '=', 'new')
        .orderBy('it.received_at', 'desc')
        .orderBy('it.id', 'desc')
        .limit(limit)
        .execute(),
      this.#incidents()
        .where('i.state', 'in', OPEN_STATES)
        .orderBy('i.created_at', 'desc')
        .orderBy('i.id', 'desc')
        .limit(limit)
        .execute(),
    ]);
    return [...items.map(toItemRecord), ...incidents.map(toIncidentRecord)];
  }
}
