// Incident rows ⇄ records. JSON columns are parsed and checked on read: a damaged or older row
// fails as a typed storage fault ('internal'), never as a wrongly typed value in a service.
import type { Insertable, Selectable } from 'kysely';
import type { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import type { IncidentTable } from '../monitoring.tables.ts';
import type { Incident, StoredContent } from './incident.repository.ts';
import { ActorSchema, StoredContentSchema, TollsSchema, VictimSchema } from './incident.schemas.ts';

/**
 * Parses the JSON text of `column` and checks it against `schema`.
 *
 * @example parseColumn(row.tolls, TollsSchema, 'incident.tolls')
 */
export function parseColumn<T>(text: string, schema: z.ZodType<T>, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DomainError('internal', `stored ${column} is not JSON`, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new DomainError('internal', `stored ${column} has an unexpected shape`);
  return parsed.data;
}

const ActorsSchema = ActorSchema.array();
const VictimsSchema = VictimSchema.array();

/** The incident of a row. */
export function toIncident(row: Selectable<IncidentTable>): Incident {
  const facts = StoredContentSchema.pick({
    subEventType: true,
    timePrecision: true,
    geoPrecision: true,
  }).safeParse({
    subEventType: row.sub_event_type,
    timePrecision: row.time_precision,
    geoPrecision: row.geo_precision,
  });
  if (!facts.success) throw new DomainError('internal', 'stored incident has unknown codes');
  return {
    id: row.id,
    state: row.state,
    ...facts.data,
    occurredStart: row.occurred_start,
    occurredEnd: row.occurred_end,
    placeId: row.place_id,
    lat: row.lat,
    lon: row.lon,
    actors: parseColumn(row.actors, ActorsSchema, 'incident.actors'),
    victims: parseColumn(row.victims, VictimsSchema, 'incident.victims'),
    tolls: parseColumn(row.tolls, TollsSchema, 'incident.tolls'),
    civilianTargeting: row.civilian_targeting === 1,
    narrativeSealed: row.narrative_sealed,
    publicSummary: row.public_summary,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The content columns of `content`. */
export function contentColumns(content: StoredContent) {
  return {
    sub_event_type: content.subEventType,
    occurred_start: content.occurredStart,
    occurred_end: content.occurredEnd,
    time_precision: content.timePrecision,
    place_id: content.placeId,
    lat: content.lat,
    lon: content.lon,
    geo_precision: content.geoPrecision,
    actors: JSON.stringify(content.actors),
    victims: JSON.stringify(content.victims),
    tolls: JSON.stringify(content.tolls),
    civilian_targeting: content.civilianTargeting ? 1 : 0,
    narrative_sealed: content.narrativeSealed,
    public_summary: content.publicSummary,
  };
}

/** The row of a new incident. */
export function toRow(incident: Incident): Insertable<IncidentTable> {
  return {
    id: incident.id,
    state: incident.state,
    ...contentColumns(incident),
    merged_into: incident.mergedInto,
    created_at: incident.createdAt,
    updated_at: incident.updatedAt,
    version: incident.version,
  };
}

/** The stored content of an incident (what its version row keeps). */
export function contentOf(incident: StoredContent): StoredContent {
  return {
    subEventType: incident.subEventType,
    occurredStart: incident.occurredStart,
    occurredEnd: incident.occurredEnd,
    timePrecision: incident.timePrecision,
    placeId: incident.placeId,
    lat: incident.lat,
    lon: incident.lon,
    geoPrecision: incident.geoPrecision,
    actors: incident.actors,
    victims: incident.victims,
    tolls: incident.tolls,
    civilianTargeting: incident.civilianTargeting,
    narrativeSealed: incident.narrativeSealed,
    publicSummary: incident.publicSummary,
  };
}
