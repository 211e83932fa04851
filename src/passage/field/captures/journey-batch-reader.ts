// Reads the journeys named by many captures with one query. The sync service prepares the
// captures of a batch concurrently, and every prepare() asks for its own few journeys within
// the same turn of the event loop; this reader gathers those requests and answers them from one
// `getMany` at the next turn (setImmediate), so a batch of 200 passages costs one read instead
// of 200 — on PostgreSQL each of those would be a network round trip. Reads outside the write
// transaction are only a plan: the versioned update refuses a journey changed meanwhile.
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { Journey } from '../../database/journey.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';

interface Waiting {
  ids: readonly string[];
  resolve: (journeys: Map<string, Journey>) => void;
  reject: (error: unknown) => void;
}

/** Gathers journey reads made in one turn of the event loop into one query. */
export class JourneyBatchReader {
  readonly #db: Kysely<Database>;
  #waiting: Waiting[] = [];

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The journeys with these ids that exist, by id. */
  read(ids: readonly string[]): Promise<Map<string, Journey>> {
    if (ids.length === 0) return Promise.resolve(new Map<string, Journey>());
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0) setImmediate(() => void this.#flush());
      this.#waiting.push({ ids, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const waiting = this.#waiting;
    this.#waiting = [];
    try {
      const ids = [...new Set(waiting.flatMap((entry) => entry.ids))];
      const found = await passageStoreOn(this.#db).journeys.getMany(ids);
      const byId = new Map(found.map((journey) => [journey.id, journey]));
      for (const entry of waiting) {
        const own = new Map<string, Journey>();
        for (const id of entry.ids) {
          const journey = byId.get(id);
          if (journey !== undefined) own.set(id, journey);
        }
        entry.resolve(own);
      }
    } catch (error) {
      for (const entry of waiting) entry.reject(error);
    }
  }
}
