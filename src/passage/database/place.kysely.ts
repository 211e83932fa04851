import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { PlaceTable } from '../passage.tables.ts';
import { inSlices } from './batches.ts';
import { isJsonObject, parseJsonColumn } from './json-column.ts';
import type { PlaceKind, PlaceNames } from './passage-vocabulary.ts';
import type { Place, PlaceControl, PlaceRepository, RouteLeg } from './place.repository.ts';
import { requireVersionedUpdate } from './versioned-update.kysely.ts';

const LANGUAGES = ['en', 'hy', 'az', 'ru'] as const;

function isPlaceNames(value: unknown): value is PlaceNames {
  return (
    isJsonObject(value) &&
    typeof value['en'] === 'string' &&
    Object.entries(value).every(
      ([key, name]) => LANGUAGES.some((language) => language === key) && typeof name === 'string',
    )
  );
}

function toRow(place: Place): PlaceTable {
  return {
    id: place.id,
    kind: place.kind,
    names: JSON.stringify(place.names),
    lat: place.lat,
    lon: place.lon,
    admin_code: place.adminCode,
    created_at: place.createdAt,
    version: place.version,
  };
}

function toPlace(row: Selectable<PlaceTable>): Place {
  return {
    id: row.id,
    kind: row.kind,
    names: parseJsonColumn(row.names, isPlaceNames, 'place.names'),
    lat: row.lat,
    lon: row.lon,
    adminCode: row.admin_code,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** The gazetteer in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyPlaceRepository implements PlaceRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMany(places: readonly Place[]): Promise<void> {
    for (const slice of inSlices(places)) {
      await this.#db.insertInto('place').values(slice.map(toRow)).execute();
    }
  }

  async get(id: string): Promise<Place | undefined> {
    const row = await this.#db
      .selectFrom('place')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toPlace(row);
  }

  async list(kind?: PlaceKind): Promise<Place[]> {
    let query = this.#db.selectFrom('place').selectAll().orderBy('id');
    if (kind !== undefined) query = query.where('kind', '=', kind);
    return (await query.execute()).map(toPlace);
  }

  async update(place: Place, expectedVersion: number): Promise<void> {
    const { id } = place;
    const result = await this.#db
      .updateTable('place')
      .set({
        kind: place.kind,
        names: JSON.stringify(place.names),
        lat: place.lat,
        lon: place.lon,
        admin_code: place.adminCode,
        version: expectedVersion + 1,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'place', id, expectedVersion }, () =>
      this.#db.selectFrom('place').select('version').where('id', '=', id).executeTakeFirst(),
    );
  }

  async changeControl(control: Omit<PlaceControl, 'until'>): Promise<void> {
    await this.#db
      .updateTable('place_control')
      .set({ until: control.since })
      .where('place_id', '=', control.placeId)
      .where('until', 'is', null)
      .where('since', '<', control.since)
      .execute();
    await this.#db
      .insertInto('place_control')
      .values({
        place_id: control.placeId,
        controlled_by: control.controlledBy,
        since: control.since,
        until: null,
      })
      .execute();
  }

  async controlHistory(placeId: string): Promise<PlaceControl[]> {
    const rows = await this.#db
      .selectFrom('place_control')
      .selectAll()
      .where('place_id', '=', placeId)
      .orderBy('since')
      .execute();
    return rows.map((row) => ({
      placeId: row.place_id,
      controlledBy: row.controlled_by,
      since: row.since,
      until: row.until,
    }));
  }

  async controllerAt(placeId: string, at: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('place_control')
      .select('controlled_by')
      .where('place_id', '=', placeId)
      .where('since', '<=', at)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)]))
      .orderBy('since', 'desc')
      .executeTakeFirst();
    return row?.controlled_by;
  }

  async saveRouteLegs(legs: readonly RouteLeg[]): Promise<void> {
    for (const slice of inSlices(legs)) {
      await this.#db
        .insertInto('route_leg')
        .values(
          slice.map((leg) => ({
            from_place_id: leg.fromPlaceId,
            to_place_id: leg.toPlaceId,
            p50_minutes: leg.p50Minutes,
            p95_minutes: leg.p95Minutes,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['from_place_id', 'to_place_id']).doUpdateSet((eb) => ({
            p50_minutes: eb.ref('excluded.p50_minutes'),
            p95_minutes: eb.ref('excluded.p95_minutes'),
          })),
        )
        .execute();
    }
  }

  async listRouteLegs(): Promise<RouteLeg[]> {
    const rows = await this.#db
      .selectFrom('route_leg')
      .selectAll()
      .orderBy('from_place_id')
      .orderBy('to_place_id')
      .execute();
    return rows.map((row) => ({
      fromPlaceId: row.from_place_id,
      toPlaceId: row.to_place_id,
      p50Minutes: row.p50_minutes,
      p95Minutes: row.p95_minutes,
    }));
  }
}
