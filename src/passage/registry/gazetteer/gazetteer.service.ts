// The gazetteer: places, who controls them since when, and expected transit times between
// them. Every change is a PUBLIC log entry (DESIGN.md §3: "checkpoint and gazetteer changes"
// are public kinds): anyone can follow the map the mission works with, and nothing in it
// concerns a person. Writes follow the domain's pattern: validate, seal, then one transaction
// writing the rows with their seals.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { SealRequest, Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { PlaceKind } from '../../database/passage-vocabulary.ts';
import type { Place, PlaceControl, RouteLeg } from '../../database/place.repository.ts';
import { parseInput, unknownReference } from '../registry-input.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { controlChangeSchema, newPlaceSchema, routeLegsSchema } from './gazetteer.schema.ts';
import type { ControlChangeInput, NewPlaceInput, RouteLegsInput } from './gazetteer.schema.ts';

/** Public log entry kinds of the gazetteer. */
export const GAZETTEER_KINDS = {
  place: 'gazetteer.place',
  control: 'gazetteer.control',
  routeLeg: 'gazetteer.route_leg',
} as const;

/** What the gazetteer needs. */
export interface GazetteerDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'sealMany'>;
  now: () => Date;
}

/** A place with its control history, oldest first. */
export interface PlaceWithControl extends Place {
  control: PlaceControl[];
}

/** The published gazetteer. */
export interface Gazetteer {
  places: Place[];
  routeLegs: RouteLeg[];
}

function placeEntry(place: Place): SealRequest {
  const { id, kind, names, lat, lon, adminCode } = place;
  return {
    kind: GAZETTEER_KINDS.place,
    id,
    version: place.version,
    record: { id, kind, names, lat, lon, adminCode },
    visibility: 'public',
  };
}

// A control change and a route leg are facts of their own, each under a fresh id: their
// keys (place and since; from and to) are not UUIDs, and a leg's new times are a new fact.
function controlEntry(control: Omit<PlaceControl, 'until'>): SealRequest {
  return {
    kind: GAZETTEER_KINDS.control,
    id: randomUUID(),
    version: 1,
    record: control,
    visibility: 'public',
  };
}

function routeLegEntry(leg: RouteLeg): SealRequest {
  return {
    kind: GAZETTEER_KINDS.routeLeg,
    id: randomUUID(),
    version: 1,
    record: leg,
    visibility: 'public',
  };
}

/** Adds places, records changes of control and transit times, and publishes the gazetteer. */
export class GazetteerService {
  readonly #deps: GazetteerDeps;

  constructor(deps: GazetteerDeps) {
    this.#deps = deps;
  }

  /**
   * Adds a place (and, if given, who controls it since when). Throws 'invalid_request' for bad
   * input and 'already_exists' when a place has the given id.
   *
   * @example await gazetteer.addPlace({ kind: 'checkpoint', names: { en: 'Bridge' }, lat, lon })
   */
  async addPlace(input: NewPlaceInput): Promise<PlaceWithControl> {
    const parsed = parseInput(newPlaceSchema, input, 'place');
    const id = parsed.id ?? randomUUID();
    const { db, sealer, now } = this.#deps;
    if ((await passageStoreOn(db).places.get(id)) !== undefined) throw placeExists(id);
    const place: Place = {
      id,
      kind: parsed.kind,
      names: parsed.names,
      lat: parsed.lat,
      lon: parsed.lon,
      adminCode: parsed.adminCode ?? null,
      createdAt: now().toISOString(),
      version: 1,
    };
    const control = parsed.control === undefined ? undefined : { placeId: id, ...parsed.control };
    const entries = [placeEntry(place), ...(control === undefined ? [] : [controlEntry(control)])];
    const seals = await sealer.sealMany(entries);
    try {
      await db.transaction().execute(async (trx) => {
        const places = passageStoreOn(trx).places;
        await places.insertMany([place]);
        if (control !== undefined) await places.changeControl(control);
        await insertSeals(trx, seals);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw placeExists(id, error);
      throw error;
    }
    return this.getPlace(id);
  }

  /**
   * Records that a party controls the place from `since`, closing the period before. Changes
   * are recorded in time order: a `since` not after the last one is 'invalid_request'.
   */
  async changeControl(placeId: string, input: ControlChangeInput): Promise<PlaceWithControl> {
    const parsed = parseInput(controlChangeSchema, input, 'control change');
    const { db, sealer } = this.#deps;
    const places = passageStoreOn(db).places;
    if ((await places.get(placeId)) === undefined) throw noSuchPlace();
    const last = (await places.controlHistory(placeId)).at(-1);
    if (last !== undefined && parsed.since <= last.since) {
      throw new DomainError('invalid_request', 'control changes are recorded in time order', {
        details: [{ path: 'since', code: 'not_after_last_change' }],
      });
    }
    const control = { placeId, ...parsed };
    const seals = await sealer.sealMany([controlEntry(control)]);
    try {
      await db.transaction().execute(async (trx) => {
        await passageStoreOn(trx).places.changeControl(control);
        await insertSeals(trx, seals);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError('conflict', 'control of this place changed meanwhile', {
        cause: error,
      });
    }
    return this.getPlace(placeId);
  }

  /** Inserts or replaces route legs between known places; returns every leg. */
  async saveRouteLegs(input: RouteLegsInput): Promise<RouteLeg[]> {
    const { legs } = parseInput(routeLegsSchema, input, 'route legs');
    const { db, sealer } = this.#deps;
    const known = new Set((await passageStoreOn(db).places.list()).map((place) => place.id));
    legs.forEach((leg, index) => {
      if (!known.has(leg.fromPlaceId)) throw unknownReference(`legs.${index}.fromPlaceId`, 'place');
      if (!known.has(leg.toPlaceId)) throw unknownReference(`legs.${index}.toPlaceId`, 'place');
    });
    const seals = await sealer.sealMany(legs.map(routeLegEntry));
    await db.transaction().execute(async (trx) => {
      await passageStoreOn(trx).places.saveRouteLegs(legs);
      await insertSeals(trx, seals);
    });
    return passageStoreOn(db).places.listRouteLegs();
  }

  /** Every place (or those of one kind) and every route leg. */
  async gazetteer(kind?: PlaceKind): Promise<Gazetteer> {
    const places = passageStoreOn(this.#deps.db).places;
    return { places: await places.list(kind), routeLegs: await places.listRouteLegs() };
  }

  /** One place with its control history; 'not_found' if unknown. */
  async getPlace(id: string): Promise<PlaceWithControl> {
    const places = passageStoreOn(this.#deps.db).places;
    const place = await places.get(id);
    if (place === undefined) throw noSuchPlace();
    return { ...place, control: await places.controlHistory(id) };
  }
}

function noSuchPlace(): DomainError {
  return new DomainError('not_found', 'no such place');
}

function placeExists(id: string, cause?: unknown): DomainError {
  return new DomainError('already_exists', `place ${id} already exists`, { cause });
}
