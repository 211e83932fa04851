// Row mapping for the journey adapter: domain records to and from the journey tables, and the
// scope filter shared by the reconciliation reads.
import type { SelectQueryBuilder, Selectable, Updateable } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { Database } from '../../store/schema.ts';
import type { JourneyEventTable, JourneyTable } from '../passage.tables.ts';
import type {
  Journey,
  JourneyProgress,
  JourneyTransition,
  ReconciliationScope,
} from './journey.repository.ts';
import { transitionColumns } from './transition.kysely.ts';

/** A journey as a row. */
export function journeyRow(journey: Journey): JourneyTable {
  return {
    id: journey.id,
    person_ref: journey.personRef,
    household_id: journey.householdId,
    vehicle_id: journey.vehicleId,
    operation_id: journey.operationId,
    state: journey.state,
    version: journey.version,
    sex: journey.sex,
    age_band: journey.ageBand,
    departed_at: journey.departedAt,
    first_checkpoint_id: journey.firstCheckpointId,
    last_place_id: journey.lastPlaceId,
    last_seen_at: journey.lastSeenAt,
    expected_by: journey.expectedBy,
    arrived_at: journey.arrivedAt,
    registered_at: journey.registeredAt,
  };
}

/** A row as a journey. */
export function toJourney(row: Selectable<JourneyTable>): Journey {
  return {
    id: row.id,
    personRef: row.person_ref,
    householdId: row.household_id,
    vehicleId: row.vehicle_id,
    operationId: row.operation_id,
    state: row.state,
    version: row.version,
    sex: row.sex,
    ageBand: row.age_band,
    departedAt: row.departed_at,
    firstCheckpointId: row.first_checkpoint_id,
    lastPlaceId: row.last_place_id,
    lastSeenAt: row.last_seen_at,
    expectedBy: row.expected_by,
    arrivedAt: row.arrived_at,
    registeredAt: row.registered_at,
  };
}

/** The columns a transition sets; keys absent from `progress` are left as they are. */
export function progressColumns(progress: JourneyProgress): Updateable<JourneyTable> {
  const set: Updateable<JourneyTable> = {};
  if (progress.vehicleId !== undefined) set.vehicle_id = progress.vehicleId;
  if (progress.departedAt !== undefined) set.departed_at = progress.departedAt;
  if (progress.firstCheckpointId !== undefined)
    set.first_checkpoint_id = progress.firstCheckpointId;
  if (progress.lastPlaceId !== undefined) set.last_place_id = progress.lastPlaceId;
  if (progress.lastSeenAt !== undefined) set.last_seen_at = progress.lastSeenAt;
  if (progress.expectedBy !== undefined) set.expected_by = progress.expectedBy;
  if (progress.arrivedAt !== undefined) set.arrived_at = progress.arrivedAt;
  if (progress.registeredAt !== undefined) set.registered_at = progress.registeredAt;
  return set;
}

/** The history row a transition leaves. */
export function journeyEventRow(transition: JourneyTransition): JourneyEventTable {
  return {
    journey_id: transition.id,
    ...transitionColumns(transition),
    place_id: transition.placeId,
    source_item_id: transition.sourceItemId,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** [day, next day]: as bounds on ISO text they compare right whatever the time's precision. */
function dayBounds(day: string): [string, string] {
  const start = new Date(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(start.getTime())) {
    throw new DomainError('invalid_request', `not a calendar day: ${day}`);
  }
  return [day, new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10)];
}

/** Restricts a journey query to one operation, one UTC departure day, or nothing. */
export function inScope<Output>(
  query: SelectQueryBuilder<Database, 'journey', Output>,
  scope: ReconciliationScope,
): SelectQueryBuilder<Database, 'journey', Output> {
  if ('operationId' in scope) return query.where('operation_id', '=', scope.operationId);
  if ('day' in scope) {
    const [from, before] = dayBounds(scope.day);
    return query.where('departed_at', '>=', from).where('departed_at', '<', before);
  }
  return query;
}

/** An ISO-8601 column as a Date (an unparsable value becomes an Invalid Date, never a throw). */
export function dateOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}
