// The passage domain's tables (src/passage/passage.tables.ts), declared as data so that the
// whole schema reads on one page; columns are written as in SQL ("name type [null]"), NOT NULL
// unless marked. Frozen once shipped: a later change is a new migration, so nothing here
// imports the live word lists. Foreign keys tie only a record to its own parts (events,
// members, checks, controls, legs, contacts). References across records (journey → vehicle,
// passage → checkpoint, …) carry none: captures arrive offline in any order, and retention
// destroys plates and raw sheets after reconciliation while the journeys stay (DOMAIN.md §6).
import type { Kysely } from 'kysely';
import { createTable } from './table-spec.ts';
import type { TableSpec } from './table-spec.ts';

/** The columns of every transition history: the version after the change, who, when. */
const EVENT = 'version integer, from_state text, to_state text, at text, actor text';

const TABLES: readonly TableSpec[] = [
  {
    name: 'place',
    columns: `id text, kind text, names text, lat double, lon double, admin_code text null,
              created_at text, version integer`,
    primaryKey: ['id'],
    indexes: { place_kind: ['kind'] },
  },
  {
    name: 'place_control',
    columns: 'place_id text, controlled_by text, since text, until text null',
    primaryKey: ['place_id', 'since'],
    parent: ['place_id', 'place'],
  },
  {
    name: 'route_leg',
    columns: 'from_place_id text, to_place_id text, p50_minutes integer, p95_minutes integer',
    primaryKey: ['from_place_id', 'to_place_id'],
    parent: ['from_place_id', 'place'],
  },
  {
    name: 'operation',
    columns: `id text, kind text, name text, state text, state_reason text null,
              origin_place_id text null, destination_place_id text null,
              window_start text null, window_end text null, version integer, updated_at text`,
    primaryKey: ['id'],
    indexes: { operation_state: ['state'] },
  },
  {
    name: 'operation_event',
    columns: `operation_id text, ${EVENT}, reason text null`,
    primaryKey: ['operation_id', 'version'],
    parent: ['operation_id', 'operation'],
  },
  {
    name: 'household',
    columns: `id text, reference_code text, intention text, registered_at text,
              origin_place_id text null, member_count integer, version integer`,
    primaryKey: ['id'],
    indexes: { household_reference_code_unique: ['reference_code'] },
  },
  {
    name: 'household_check',
    columns: 'household_id text, check_hmac text',
    primaryKey: ['household_id', 'check_hmac'],
    parent: ['household_id', 'household'],
  },
  {
    name: 'member',
    columns: `person_ref text, household_id text, sex text, age_band text, flags text,
              family_group_id text null`,
    primaryKey: ['person_ref'],
    parent: ['household_id', 'household'],
    indexes: { member_household: ['household_id'] },
  },
  {
    name: 'vehicle',
    columns: `id text, kind text, plate_hmac text null, seats integer null,
              operation_id text null`,
    primaryKey: ['id'],
    indexes: { vehicle_plate_hmac: ['plate_hmac'], vehicle_operation: ['operation_id'] },
  },
  {
    name: 'journey',
    columns: `id text, person_ref text null, household_id text null, vehicle_id text null,
              operation_id text null, state text, version integer, sex text null,
              age_band text null, departed_at text null, first_checkpoint_id text null,
              last_place_id text null, last_seen_at text null, expected_by text null,
              arrived_at text null, registered_at text null`,
    primaryKey: ['id'],
    indexes: {
      journey_overdue: ['state', 'expected_by'],
      journey_operation: ['operation_id'],
      journey_vehicle: ['vehicle_id'],
      journey_household: ['household_id'],
      journey_departed: ['departed_at'],
      journey_person: ['person_ref'],
    },
  },
  {
    name: 'journey_event',
    columns: `journey_id text, ${EVENT}, place_id text null, source_item_id text null`,
    primaryKey: ['journey_id', 'version'],
    parent: ['journey_id', 'journey'],
  },
  {
    name: 'checkpoint_passage',
    columns: `id text, device_id text, signature text, checkpoint_id text, direction text,
              vehicle_id text null, journey_ids text, occupants integer,
              queue_in_at text null, screening_start_at text null, screening_end_at text null,
              screening_types text, outcome text, recorded_at text, recorded_by text`,
    primaryKey: ['id'],
    indexes: { checkpoint_passage_time: ['checkpoint_id', 'recorded_at'] },
  },
  {
    name: 'aggregate_count',
    columns: `id text, checkpoint_id text, interval_start text, interval_end text,
              direction text, people integer, vehicles integer, by_sex_age text null,
              method text, source_grade text, recorded_by text, recorded_at text`,
    primaryKey: ['id'],
    indexes: { aggregate_count_time: ['checkpoint_id', 'interval_start'] },
  },
  {
    name: 'arrival_registration',
    columns: 'id text, journey_id text, place_id text, registered_at text, registered_by text',
    primaryKey: ['id'],
    indexes: {
      arrival_registration_journey_unique: ['journey_id'],
      arrival_registration_place: ['place_id', 'registered_at'],
    },
  },
  {
    name: 'held_case',
    columns: `id text, journey_id text null, person_ref text null, state text,
              place_id text null, held_by text null, reported_at text, updated_at text,
              icrc_notified_at text null, version integer`,
    primaryKey: ['id'],
    indexes: { held_case_state: ['state', 'reported_at'], held_case_journey: ['journey_id'] },
  },
  {
    name: 'held_case_event',
    columns: `held_case_id text, ${EVENT}`,
    primaryKey: ['held_case_id', 'version'],
    parent: ['held_case_id', 'held_case'],
  },
  {
    name: 'tracing_request',
    columns: `id text, sought_person_ref text null, requester_ref text, household_id text null,
              state text, opened_at text, updated_at text, version integer`,
    primaryKey: ['id'],
    indexes: {
      tracing_request_state: ['state', 'opened_at'],
      tracing_request_household: ['household_id'],
      tracing_request_sought: ['sought_person_ref'],
    },
  },
  {
    name: 'tracing_event',
    columns: `tracing_request_id text, ${EVENT}`,
    primaryKey: ['tracing_request_id', 'version'],
    parent: ['tracing_request_id', 'tracing_request'],
  },
  {
    name: 'welfare_contact',
    columns: `id text, household_id text, due_at text, mode text, state text,
              done_at text null, done_by text null`,
    primaryKey: ['id'],
    parent: ['household_id', 'household'],
    indexes: {
      welfare_contact_due: ['state', 'due_at'],
      welfare_contact_household: ['household_id'],
    },
  },
  {
    name: 'alert',
    columns: `id text, type text, severity text, subject_type text, subject_id text,
              dedupe_key text, raised_at text, details text, acknowledged_at text null,
              acknowledged_by text null`,
    primaryKey: ['id'],
    indexes: { alert_dedupe_key_unique: ['dedupe_key'], alert_raised: ['raised_at', 'id'] },
  },
];

// `double` is double precision on both engines: PostgreSQL's `real` is only 4 bytes, too
// coarse for coordinates (about a metre at 7 significant digits).
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const spec of TABLES) await createTable(db, spec);
}
