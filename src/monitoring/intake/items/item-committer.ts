// Group commit for new items, as the sync service and the log's sequencer do it: the items of
// every request that arrives while a transaction runs are written together in the next one.
// Partners and residents send one report per request; one durable commit then serves many of
// them instead of one fsync each (the issue asks for 1,000 reports/s on two cores). If a shared
// transaction fails, each request's items are retried in a transaction of their own, so one bad
// request never fails the others.
import type { Kysely } from 'kysely';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Seal } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import type { InfoItem } from '../database/info-item.repository.ts';

/** A new item and its log entry, already durable. */
export interface PreparedItem {
  item: InfoItem;
  seal: Seal;
}

interface Waiting {
  prepared: readonly PreparedItem[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Most items one shared transaction writes. */
const MAX_GROUP_ITEMS = 2_000;

/** Writes prepared items with their seals, many requests per transaction. */
export class ItemCommitter {
  readonly #db: Kysely<Database>;
  readonly #waiting: Waiting[] = [];
  #running = false;
  #scheduled = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Resolves once `prepared` is committed; rejects with the failure of its own transaction. */
  commit(prepared: readonly PreparedItem[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ prepared, resolve, reject });
      if (!this.#scheduled && !this.#running) {
        this.#scheduled = true;
        // setImmediate lets the requests arriving meanwhile join the group.
        setImmediate(() => {
          this.#scheduled = false;
          void this.#pump();
        });
      }
    });
  }

  async #pump(): Promise<void> {
    this.#running = true;
    while (this.#waiting.length > 0) {
      const group: Waiting[] = [];
      let items = 0;
      while (this.#waiting.length > 0 && (group.length === 0 || items < MAX_GROUP_ITEMS)) {
        const next = this.#waiting.shift();
        if (next === undefined) break;
        group.push(next);
        items += next.prepared.length;
      }
      await this.#commitGroup(group);
    }
    this.#running = false;
  }

  async #commitGroup(group: readonly Waiting[]): Promise<void> {
    try {
      await this.#write(group.flatMap((waiting) => waiting.prepared));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          await this.#write(waiting.prepared);
          waiting.resolve();
        } catch (own) {
          waiting.reject(own);
        }
      }
    }
  }

  async #write(prepared: readonly PreparedItem[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await new KyselyInfoItemRepository(trx).insertMany(prepared.map((entry) => entry.item));
      await insertSeals(
        trx,
        prepared.map((entry) => entry.seal),
      );
    });
  }
}
