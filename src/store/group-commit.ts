// Group commit for the application database, as the log's sequencer does it for the log: the
// writes of every request that arrives while a transaction runs are written together in the next
// one, so one durable commit (one fsync) serves many small requests — a device syncing one
// capture at a time, a partner sending one report per request. If a shared write fails, each
// submission is retried in a write of its own, so one bad request never fails the others.

/** How a group is written, and how many groups may be written at once. */
export interface GroupCommitOptions<T> {
  /** Writes `items` durably in one transaction; throws to reject them all. */
  write: (items: readonly T[]) => Promise<void>;
  /** Groups in flight at once (default 1). More than one only where the store allows it. */
  concurrency?: number;
  /** Most items one group takes (a submission is never split; default 2,000). */
  maxItems?: number;
}

interface Waiting<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Collects submissions and writes them in shared transactions. */
export class GroupCommit<T> {
  readonly #write: (items: readonly T[]) => Promise<void>;
  readonly #concurrency: number;
  readonly #maxItems: number;
  readonly #waiting: Waiting<T>[] = [];
  #running = 0;
  #scheduled = false;

  constructor(options: GroupCommitOptions<T>) {
    this.#write = options.write;
    this.#concurrency = options.concurrency ?? 1;
    this.#maxItems = options.maxItems ?? 2_000;
  }

  /**
   * Resolves once `items` are committed (with others, or alone after a shared write failed);
   * rejects with the failure of their own write.
   *
   * @example await commits.submit([row]);
   */
  submit(items: readonly T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ items, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate lets the requests arriving meanwhile join the group.
        setImmediate(() => {
          this.#scheduled = false;
          this.#pump();
        });
      }
    });
  }

  // Starts groups while fewer than `concurrency` run; each finished group starts the next.
  #pump(): void {
    while (this.#running < this.#concurrency && this.#waiting.length > 0) {
      const group: Waiting<T>[] = [];
      let count = 0;
      while (this.#waiting.length > 0 && (group.length === 0 || count < this.#maxItems)) {
        const next = this.#waiting.shift();
        if (next === undefined) break;
        group.push(next);
        count += next.items.length;
      }
      this.#running++;
      void this.#commit(group).finally(() => {
        this.#running--;
        this.#pump();
      });
    }
  }

  async #commit(group: readonly Waiting<T>[]): Promise<void> {
    try {
      await this.#write(group.flatMap((waiting) => waiting.items));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          await this.#write(waiting.items);
          waiting.resolve();
        } catch (own) {
          waiting.reject(own);
        }
      }
    }
  }
}
