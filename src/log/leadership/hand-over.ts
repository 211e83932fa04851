// The follower's half of the hand-over: appends queue here, go to the hand-over table in one
// statement per group (log-pending.pg.ts), and resolve once the leader's commit has placed them.
// Nothing is acknowledged before the leader's transaction — log and positions — is durable.
import { randomUUID } from 'node:crypto';
import type { HandedEntry } from '../log-store.port.ts';
import type { StoredCheckpoint } from '../log-store.port.ts';
import { LogError } from '../log-error.ts';
import type { AppendReceipt } from '../sequencer.ts';

/** How the hand-over reaches PostgreSQL (log-pending.pg.ts, bound to a pool). */
export interface HandOverTable {
  insert(entries: readonly HandedEntry[]): Promise<void>;
  findSequenced(
    tickets: readonly string[],
  ): Promise<{ ticket: string; index: number; size: number }[]>;
  checkpointAt(size: number): Promise<StoredCheckpoint | undefined>;
}

interface Waiter {
  resolve: (receipt: AppendReceipt) => void;
  reject: (error: unknown) => void;
}

/** Most entries one insert carries. */
const MAX_GROUP = 1024;

/** A follower's outbox to the leader of the log. */
export class HandOver {
  readonly #table: HandOverTable;
  #queue: (HandedEntry & Waiter)[] = [];
  readonly #waiting = new Map<string, Waiter>();
  #inserting = false;
  #checking: Promise<void> | undefined;
  #checkAgain = false;
  // Counts checkpoint announcements, so an insert that raced one checks once it returns.
  #announcements = 0;
  #closed = false;

  constructor(table: HandOverTable) {
    this.#table = table;
  }

  /** Entries handed over and not yet placed, plus those still queued here. */
  get outstanding(): number {
    return this.#waiting.size + this.#queue.length;
  }

  /** Queues `entry` for the leader; resolves with its index once durable in the log. */
  append(entry: Uint8Array): Promise<AppendReceipt> {
    if (this.#closed) return Promise.reject(new LogError('LOG_CLOSED', 'the log is shutting down'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ ticket: randomUUID(), entry, resolve, reject });
      if (!this.#inserting) {
        this.#inserting = true;
        // Like the sequencer: let this tick's other appends join the same insert.
        setImmediate(() => void this.#insertQueued());
      }
    });
  }

  async #insertQueued(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, MAX_GROUP);
      const seen = this.#announcements;
      try {
        await this.#table.insert(group);
      } catch (error) {
        // The statement is atomic: none of the group was handed over, so none is acknowledged.
        for (const pending of group) pending.reject(error);
        continue;
      }
      for (const { ticket, resolve, reject } of group)
        this.#waiting.set(ticket, { resolve, reject });
      if (this.#announcements !== seen) this.check();
    }
    this.#inserting = false;
  }

  /** A new checkpoint was announced: look up which waiting entries it placed. */
  announced(): void {
    this.#announcements++;
    this.check();
  }

  /** Resolves every waiting entry the leader has placed (coalesced: one query at a time). */
  check(): void {
    if (this.#waiting.size === 0) return;
    if (this.#checking !== undefined) {
      this.#checkAgain = true;
      return;
    }
    this.#checking = this.#resolvePlaced()
      .catch(() => undefined) // the next announcement or periodic check retries
      .finally(() => {
        this.#checking = undefined;
        if (this.#checkAgain) {
          this.#checkAgain = false;
          this.check();
        }
      });
  }

  async #resolvePlaced(): Promise<void> {
    const placed = await this.#table.findSequenced([...this.#waiting.keys()]);
    const checkpoints = new Map<number, StoredCheckpoint | undefined>();
    for (const { ticket, index, size } of placed) {
      const waiter = this.#waiting.get(ticket);
      if (waiter === undefined) continue;
      if (!checkpoints.has(size)) checkpoints.set(size, await this.#table.checkpointAt(size));
      const checkpoint = checkpoints.get(size);
      if (checkpoint === undefined) continue; // cannot be: written in the same transaction
      this.#waiting.delete(ticket);
      waiter.resolve({ index, checkpoint });
    }
  }

  /**
   * Stops taking appends and waits (at most `graceMs`) for those handed over to be placed. Any
   * still waiting then are rejected: they are durable in the hand-over table and the leader will
   * sequence them, but this process will not be there to say so.
   */
  async close(graceMs: number): Promise<void> {
    this.#closed = true;
    const deadline = Date.now() + graceMs;
    while ((this.#inserting || this.#waiting.size > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      this.check();
    }
    const error = new LogError('LOG_CLOSED', 'the log is shutting down');
    for (const pending of this.#queue.splice(0)) pending.reject(error);
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
  }
}
