// The log when several `vigil serve` processes share one PostgreSQL database: exactly one of them
// — whoever holds the advisory lock (leader-lock.pg.ts) — runs the sequencer; the others hand
// their appends over through the hand-over table and wait for the leader's commit. Every process
// keeps trying the lock, so when the leader dies another takes over within `retryMs`, resumes
// from the durable right edge and first sequences whatever was handed over meanwhile. Forks are
// impossible twice over: the commit checks the lock is still held (the fence), and the store's
// guard refuses any batch that does not extend the stored tree.
import pg from 'pg';
import type { SignerKey } from '../../ledger/note-keys.ts';
import type { Integration } from '../../ledger/tile-integrator.ts';
import type { PgLogStore } from '../log-store.pg.ts';
import type { HandedEntry, LogBatchWrite, LogStore, StoredCheckpoint } from '../log-store.port.ts';
import { MAX_ENTRY_BYTES, Sequencer } from '../sequencer.ts';
import type { AppendReceipt, LogAppender, SequencerInbox } from '../sequencer.ts';
import { LogError } from '../log-error.ts';
import { HandOver } from './hand-over.ts';
import { LEADER_LOCK_KEYS, LeaderLock } from './leader-lock.pg.ts';
import * as pending from './log-pending.pg.ts';

/** How to open the shared log. */
export interface SharedLogOptions {
  url: string;
  store: PgLogStore;
  signer: SignerKey;
  maxBatch?: number;
  /** How often a follower tries the lock and re-checks what it waits for; default 1 s. */
  retryMs?: number;
  /** After each of this process's own durable commits, while it leads. */
  onCommit: (integration: Integration, checkpoint: StoredCheckpoint) => void;
  /** A newer checkpoint learnt from the leader, while this process follows. */
  onLearned: (checkpoint: StoredCheckpoint) => void;
  /** A failure of the background work (lock, reconnect, takeover), for the server's log. */
  onError?: (error: unknown) => void;
}

// The leader's view of the store: commits go through the fence and record hand-over positions.
function fencedStore(store: PgLogStore, leaderPid: number): LogStore {
  return {
    latestCheckpoint: () => store.latestCheckpoint(),
    checkpointAt: (size) => store.checkpointAt(size),
    readTile: (level, index) => store.readTile(level, index),
    readTileWithInner: (level, index) => store.readTileWithInner(level, index),
    readBundle: (index) => store.readBundle(index),
    commitBatch: (batch: LogBatchWrite) =>
      store.commitBatch(batch, {
        pid: leaderPid,
        keys: LEADER_LOCK_KEYS,
        channel: pending.CHECKPOINT_CHANNEL,
        payload: JSON.stringify(batch.checkpoint),
      }),
    close: () => store.close(),
  };
}

// Entries waiting in the hand-over table. `dirty` saves a query per group commit while no
// follower has handed anything over (the followers' NOTIFY and the periodic tick set it).
class PendingInbox implements SequencerInbox {
  dirty = true;
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }
  async take(max: number): Promise<HandedEntry[]> {
    if (!this.dirty || max <= 0) return [];
    this.dirty = false;
    const taken = await pending.takeWaiting(this.#pool, max);
    if (taken.length === max) this.dirty = true;
    return taken;
  }
}

/** The log of one process among several on one PostgreSQL database. */
export class SharedLog implements LogAppender {
  readonly #options: SharedLogOptions;
  readonly #pool: pg.Pool;
  readonly #handOver: HandOver;
  readonly #inbox: PendingInbox;
  #lock: LeaderLock | undefined;
  #sequencer: Sequencer | undefined;
  #latest: StoredCheckpoint | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #ticks = 0;
  #closed = false;

  private constructor(options: SharedLogOptions, pool: pg.Pool) {
    this.#options = options;
    this.#pool = pool;
    this.#inbox = new PendingInbox(pool);
    this.#handOver = new HandOver({
      insert: (entries) => pending.handOver(pool, entries),
      findSequenced: (tickets) => pending.findSequenced(pool, tickets),
      checkpointAt: (size) => options.store.checkpointAt(size),
    });
  }

  /** Joins the log: leads it if nobody does, else follows the current leader. */
  static async open(options: SharedLogOptions): Promise<SharedLog> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 4,
      application_name: 'vigil-log-handover',
    });
    pool.on('error', () => undefined); // a dead idle connection is dropped and replaced
    const log = new SharedLog(options, pool);
    try {
      await log.#connect();
      await log.#tryToLead();
      if (log.#sequencer === undefined) await log.#awaitFirstCheckpoint();
    } catch (error) {
      await log.close();
      throw error;
    }
    const retryMs = options.retryMs ?? 1000;
    log.#timer = setInterval(() => void log.#tick(), retryMs);
    log.#timer.unref();
    return log;
  }

  /** True while this process sequences the log. */
  get leading(): boolean {
    return this.#sequencer !== undefined;
  }

  get checkpoint(): StoredCheckpoint {
    if (this.#latest === undefined) throw new LogError('LOG_CORRUPT', 'no checkpoint yet');
    return this.#latest;
  }

  append(entry: Uint8Array): Promise<AppendReceipt> {
    if (this.#closed) return Promise.reject(new LogError('LOG_CLOSED', 'the log is shutting down'));
    if (entry.length > MAX_ENTRY_BYTES) {
      return Promise.reject(new LogError('ENTRY_TOO_LARGE', `entry of ${entry.length} bytes`));
    }
    return this.#sequencer?.append(entry) ?? this.#handOver.append(entry);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#handOver.close(5_000);
    await this.#sequencer?.close();
    this.#sequencer = undefined;
    await this.#lock?.close();
    await this.#pool.end().catch(() => undefined);
  }

  #learn(checkpoint: StoredCheckpoint): void {
    if (this.#latest !== undefined && this.#latest.size >= checkpoint.size) return;
    this.#latest = checkpoint;
    if (this.#sequencer === undefined) this.#options.onLearned(checkpoint);
  }

  async #connect(): Promise<void> {
    this.#lock = await LeaderLock.connect({
      url: this.#options.url,
      channels: [pending.HANDED_CHANNEL, pending.CHECKPOINT_CHANNEL],
      onNotification: (channel, payload) => {
        if (channel === pending.HANDED_CHANNEL) {
          this.#inbox.dirty = true;
          this.#sequencer?.poke();
          return;
        }
        const checkpoint = pending.parseAnnouncement(payload);
        if (checkpoint !== undefined) this.#learn(checkpoint);
        this.#handOver.announced();
      },
      onLost: (error) => {
        this.#options.onError?.(error);
        this.#stepDown();
      },
    });
  }

  // Lost the lock's connection: stop sequencing at once. Commits still in flight fail the fence;
  // their appends are refused, never acknowledged. Later appends go to the hand-over table.
  #stepDown(): void {
    const sequencer = this.#sequencer;
    this.#sequencer = undefined;
    this.#lock = undefined;
    void sequencer?.close().catch((error: unknown) => this.#options.onError?.(error));
  }

  async #tryToLead(): Promise<void> {
    const lock = this.#lock;
    if (lock === undefined || this.#closed || !(await lock.tryAcquire())) return;
    const pid = await lock.backendPid();
    // Resumes from the durable right edge: whatever the previous leader committed, no more.
    const sequencer = await Sequencer.open({
      store: fencedStore(this.#options.store, pid),
      signer: this.#options.signer,
      inbox: this.#inbox,
      onCommit: (integration, checkpoint) => {
        this.#learn(checkpoint);
        this.#options.onCommit(integration, checkpoint);
      },
      ...(this.#options.maxBatch === undefined ? {} : { maxBatch: this.#options.maxBatch }),
    });
    if (!this.#holds(lock)) {
      await sequencer.close(); // lost the connection (or closing) while opening
      return;
    }
    this.#sequencer = sequencer;
    this.#learn(sequencer.checkpoint);
    this.#inbox.dirty = true; // entries handed over while nobody led
    sequencer.poke();
  }

  // A method, not an inline test: the compiler would narrow #lock across the awaits above.
  #holds(lock: LeaderLock): boolean {
    return this.#lock === lock && lock.held && !this.#closed;
  }

  // A follower joining a brand-new log waits for the leader's signed empty tree.
  async #awaitFirstCheckpoint(): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const latest = await this.#options.store.latestCheckpoint();
      if (latest !== undefined) {
        this.#learn(latest);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new LogError('LOG_CORRUPT', 'the log has no checkpoint and no leader wrote one');
  }

  async #tick(): Promise<void> {
    if (this.#ticking || this.#closed) return;
    this.#ticking = true;
    try {
      if (this.#lock === undefined) await this.#connect();
      if (this.#sequencer === undefined) {
        await this.#tryToLead();
        // Missed notifications (a dropped connection) cost at most one tick.
        const latest = await this.#options.store.latestCheckpoint();
        if (latest !== undefined) this.#learn(latest);
        this.#handOver.check();
      } else {
        this.#inbox.dirty = true;
        this.#sequencer.poke();
        if (++this.#ticks % 60 === 0) await pending.pruneSequenced(this.#pool);
      }
    } catch (error) {
      this.#options.onError?.(error);
    } finally {
      this.#ticking = false;
    }
  }
}
