import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type {
  ArrivalDayCount,
  ArrivalRegistration,
  ArrivalRepository,
} from './arrival.repository.ts';
import type { TimeRange } from './time-range.ts';

/** The UTC day of an ISO-8601 instant; substr is the same function on both engines. */
const REGISTERED_DAY = sql<string>`substr(registered_at, 1, 10)`;

/** Arrival registrations in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyArrivalRepository implements ArrivalRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(registration: ArrivalRegistration): Promise<boolean> {
    // No conflict target: a repeated id and a second registration of one journey (the unique
    // index on journey_id) are both no-ops, and RETURNING then names no row.
    const rows = await this.#db
      .insertInto('arrival_registration')
      .values({
        id: registration.id,
        journey_id: registration.journeyId,
        place_id: registration.placeId,
        registered_at: registration.registeredAt,
        registered_by: registration.registeredBy,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  async findForJourney(journeyId: string): Promise<ArrivalRegistration | undefined> {
    const row = await this.#db
      .selectFrom('arrival_registration')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : {
          id: row.id,
          journeyId: row.journey_id,
          placeId: row.place_id,
          registeredAt: row.registered_at,
          registeredBy: row.registered_by,
        };
  }

  async countPerDay(range: TimeRange): Promise<ArrivalDayCount[]> {
    const rows = await this.#db
      .selectFrom('arrival_registration')
      .select((eb) => [
        'place_id as placeId',
        REGISTERED_DAY.as('day'),
        eb.fn.countAll().as('registrations'),
      ])
      .where('registered_at', '>=', range.from)
      .where('registered_at', '<', range.before)
      .groupBy(['place_id', REGISTERED_DAY])
      .orderBy('place_id')
      .orderBy('day')
      .execute();
    return rows.map((row) => ({ ...row, registrations: Number(row.registrations) }));
  }
}
