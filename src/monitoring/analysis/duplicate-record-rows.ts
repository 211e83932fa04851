// Rows of the intake and incident tables as duplicate suggestions compare them. An incident
// states its own time and place precision; an item states only a time (or none: then the time
// it was received stands in, as a week-precision guess) and a gazetteer place (exact).
import type { DuplicateSubject } from '../model/duplicate-pair.ts';
import type { GeoPrecision, TimePrecision } from '../model/vocabulary.ts';

/** One incident or item as the scorer compares it; its text still sealed. */
export interface ComparableRecord {
  subject: DuplicateSubject;
  /** The incident's state or the item's status. */
  status: string;
  occurredStart: string | null;
  occurredEnd: string | null;
  timePrecision: TimePrecision;
  placeId: string | null;
  /** The record's own point, else its place's. */
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision;
  /** The admin area of its place, for finding candidates in the same area. */
  adminCode: string | null;
  eventType: string | null;
  /** The narrative or verbatim account, sealed under the secret box. */
  sealedText: string;
}

/** The columns read of an incident (joined to its place as p). */
export interface IncidentRecordRow {
  id: string;
  state: string;
  occurred_start: string;
  occurred_end: string | null;
  time_precision: number;
  place_id: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: number;
  sub_event_type: string;
  narrative_sealed: string;
  admin_code: string | null;
}

/** The columns read of an information item (joined to its place as p). */
export interface ItemRecordRow {
  id: string;
  status: string;
  occurred_at: string | null;
  received_at: string;
  place_id: string | null;
  lat: number | null;
  lon: number | null;
  event_type: string | null;
  account_sealed: string;
  admin_code: string | null;
}

// Rows written by another slice (or an older version): anything outside the scale counts as
// the coarsest precision, never as more precise than stated.
function timePrecisionOf(value: number): TimePrecision {
  return value === 1 || value === 2 ? value : 3;
}

function geoPrecisionOf(value: number): GeoPrecision {
  return value === 1 || value === 2 ? value : 3;
}

/** An incident row as a comparable record. */
export function toIncidentRecord(row: IncidentRecordRow): ComparableRecord {
  return {
    subject: { kind: 'incident', id: row.id },
    status: row.state,
    occurredStart: row.occurred_start,
    occurredEnd: row.occurred_end,
    timePrecision: timePrecisionOf(row.time_precision),
    placeId: row.place_id,
    lat: row.lat,
    lon: row.lon,
    geoPrecision: geoPrecisionOf(row.geo_precision),
    adminCode: row.admin_code,
    eventType: row.sub_event_type,
    sealedText: row.narrative_sealed,
  };
}

/** An item row as a comparable record. */
export function toItemRecord(row: ItemRecordRow): ComparableRecord {
  const isStated = row.occurred_at !== null;
  return {
    subject: { kind: 'info_item', id: row.id },
    status: row.status,
    occurredStart: row.occurred_at ?? row.received_at,
    occurredEnd: null,
    timePrecision: isStated ? 1 : 2,
    placeId: row.place_id,
    lat: row.lat,
    lon: row.lon,
    geoPrecision: 1,
    adminCode: row.admin_code,
    eventType: row.event_type,
    sealedText: row.account_sealed,
  };
}
