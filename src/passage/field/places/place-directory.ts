// The gazetteer as the field captures read it: which places exist and of what kind, and the
// expected transit from a place to safety. Thousands of captures a second each need a place
// check and many a transit time, so both come from an in-memory snapshot of the place and
// route_leg tables, reloaded after a short time-to-live (the gazetteer changes rarely, and a
// place added a moment ago is found by reloading once on a miss).
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Database } from '../../../store/schema.ts';
import { KyselyPlaceRepository } from '../../database/place.kysely.ts';
import type { PlaceKind } from '../../database/passage-vocabulary.ts';
import type { PlaceLeg } from '../../model/transit.ts';
import { transitToNearest } from './destination-transit.ts';

/**
 * Expected transit when the gazetteer knows no route from a place to safety: 72 hours, the top
 * of the p95 range at the September 2023 peak (DOMAIN.md §7: median 12–20 h, p95 48–72 h), so a
 * journey on an unknown route is judged overdue no sooner than the slowest known one.
 */
export const DEFAULT_TRANSIT_MINUTES = 72 * 60;

/** How long a snapshot of the gazetteer is used before it is read again. */
export const PLACE_CACHE_TTL_MS = 30_000;

/** A miss reloads the snapshot only if it is at least this old (no reload storm). */
const MIN_RELOAD_MS = 1_000;

/** Where people reach safety, in order of preference: registration, else the first reception. */
const DESTINATION_KINDS: readonly PlaceKind[] = ['humanitarian_centre', 'reception_point'];

interface Snapshot {
  loadedAt: number;
  kinds: ReadonlyMap<string, PlaceKind>;
  legs: readonly PlaceLeg[];
  /** Memo of transitMinutesFrom per place. */
  transit: Map<string, number>;
}

/** Options of a PlaceDirectory. */
export interface PlaceDirectoryOptions {
  db: Kysely<Database>;
  ttlMs?: number;
  /** Milliseconds since the epoch (tests move it). */
  clock?: () => number;
}

/** Cached reads of the gazetteer for the field captures. */
export class PlaceDirectory {
  readonly #db: Kysely<Database>;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  #last: Snapshot | undefined;
  #loading: Promise<Snapshot> | undefined;

  constructor(options: PlaceDirectoryOptions) {
    this.#db = options.db;
    this.#ttlMs = options.ttlMs ?? PLACE_CACHE_TTL_MS;
    this.#clock = options.clock ?? Date.now;
  }

  /** The kind of place `placeId`, or undefined when the gazetteer has no such place. */
  async kindOf(placeId: string): Promise<PlaceKind | undefined> {
    const snapshot = await this.#current();
    const kind = snapshot.kinds.get(placeId);
    if (kind !== undefined || this.#clock() - snapshot.loadedAt < MIN_RELOAD_MS) return kind;
    return (await this.#reload()).kinds.get(placeId);
  }

  /**
   * The kind of `placeId`; DomainError 'invalid_request' (details: `field`) when there is no
   * such place or, with `kinds`, when it is of another kind.
   */
  async requirePlace(
    placeId: string,
    field: string,
    kinds?: readonly PlaceKind[],
  ): Promise<PlaceKind> {
    const kind = await this.kindOf(placeId);
    if (kind === undefined || (kinds !== undefined && !kinds.includes(kind))) {
      const expected = kinds === undefined ? 'a known place' : `a place of kind ${kinds.join('|')}`;
      throw new DomainError('invalid_request', `${field} must name ${expected}`, {
        details: [{ path: field, code: 'unknown_place' }],
      });
    }
    return kind;
  }

  /**
   * Minutes of p95 transit from `placeId` to the nearest humanitarian centre (else reception
   * point) through known legs; DEFAULT_TRANSIT_MINUTES when no route is known.
   */
  async transitMinutesFrom(placeId: string): Promise<number> {
    const snapshot = await this.#current();
    const memo = snapshot.transit.get(placeId);
    if (memo !== undefined) return memo;
    let minutes = DEFAULT_TRANSIT_MINUTES;
    for (const kind of DESTINATION_KINDS) {
      const found = transitToNearest(
        snapshot.legs,
        placeId,
        (id) => snapshot.kinds.get(id) === kind,
      );
      if (found !== undefined) {
        minutes = found.p95Minutes;
        break;
      }
    }
    snapshot.transit.set(placeId, minutes);
    return minutes;
  }

  /** Drops the snapshot (after a gazetteer change made in this process). */
  invalidate(): void {
    this.#last = undefined;
  }

  async #current(): Promise<Snapshot> {
    const last = this.#last;
    if (last !== undefined && this.#clock() - last.loadedAt <= this.#ttlMs) return last;
    return this.#reload();
  }

  /** One read at a time: every caller that finds the snapshot stale waits for the same read. */
  #reload(): Promise<Snapshot> {
    this.#loading ??= this.#load()
      .then((snapshot) => {
        this.#last = snapshot;
        return snapshot;
      })
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  async #load(): Promise<Snapshot> {
    const places = new KyselyPlaceRepository(this.#db);
    const [all, legs] = await Promise.all([places.list(), places.listRouteLegs()]);
    return {
      loadedAt: this.#clock(),
      kinds: new Map(all.map((place) => [place.id, place.kind])),
      legs: legs.map((leg) => ({
        fromId: leg.fromPlaceId,
        toId: leg.toPlaceId,
        p95Minutes: leg.p95Minutes,
      })),
      transit: new Map(),
    };
  }
}
