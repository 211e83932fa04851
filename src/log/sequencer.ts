// The sequencer: the one writer of the log. Appends wait in a queue; each group commit takes
// everything queued (up to maxBatch), integrates it, signs the new checkpoint and writes tiles,
// bundles and checkpoint in one durable transaction. Only then are the appends acknowledged, so
// an acknowledged entry is always covered by a durable signed checkpoint (DESIGN.md §2).
import { formatCheckpointText } from '../ledger/checkpoint.ts';
import type { SignerKey } from '../ledger/note-keys.ts';
import { signNote } from '../ledger/signed-note.ts';
import type { Integration, TileIntegrator } from '../ledger/tile-integrator.ts';
import { loadRightEdge } from './right-edge.ts';
import type { HandedEntry, LogStore, StoredCheckpoint } from './log-store.port.ts';
import { LogError } from './log-error.ts';

/** Largest entry a tlog-tiles bundle can carry (big-endian uint16 length prefix). */
export const MAX_ENTRY_BYTES = 65_535;

/** What an append resolves to once durable: the entry's index and a checkpoint covering it. */
export interface AppendReceipt {
  index: number;
  checkpoint: StoredCheckpoint;
}

/** What every writer of the log offers: the local sequencer, or a process that hands over. */
export interface LogAppender {
  /** Resolves once a durable signed checkpoint includes `entry`. */
  append(entry: Uint8Array): Promise<AppendReceipt>;
  /** The latest durable checkpoint this process knows of. */
  readonly checkpoint: StoredCheckpoint;
  close(): Promise<void>;
}

/** Entries handed over by other processes (see src/log/leadership), waiting to be sequenced. */
export interface SequencerInbox {
  /** Up to `max` waiting entries, oldest first; the commit that sequences them marks them. */
  take(max: number): Promise<HandedEntry[]>;
}

/** How to open a sequencer. */
export interface SequencerOptions {
  store: LogStore;
  signer: SignerKey;
  /** Most entries integrated in one group commit. */
  maxBatch?: number;
  /** Called after each durable commit, before the appends are acknowledged. */
  onCommit?: (integration: Integration, checkpoint: StoredCheckpoint) => void;
  /** Handed-over entries to sequence beside the local ones (a leader over PostgreSQL). */
  inbox?: SequencerInbox;
}

interface Pending {
  entry: Uint8Array;
  resolve: (receipt: AppendReceipt) => void;
  reject: (error: unknown) => void;
}

/** The single writer of one log. */
export class Sequencer implements LogAppender {
  readonly #options: SequencerOptions;
  readonly #maxBatch: number;
  #integrator: TileIntegrator;
  #latest: StoredCheckpoint | undefined;
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  // Set by poke(): the inbox may hold entries, so one more group commit is due.
  #poked = false;
  #closed = false;

  private constructor(
    options: SequencerOptions,
    integrator: TileIntegrator,
    latest?: StoredCheckpoint,
  ) {
    this.#options = options;
    this.#maxBatch = options.maxBatch ?? 4096;
    this.#integrator = integrator;
    this.#latest = latest;
  }

  /** Resumes from the store's latest checkpoint, checking that the stored tiles reproduce it. */
  static async open(options: SequencerOptions): Promise<Sequencer> {
    const { integrator, latest } = await loadRightEdge(options.store, options.signer);
    const sequencer = new Sequencer(options, integrator, latest);
    if (latest === undefined) await sequencer.#commitEmptyTree();
    return sequencer;
  }

  /** The latest durable checkpoint (a new log starts with a signed empty tree). */
  get checkpoint(): StoredCheckpoint {
    if (this.#latest === undefined) throw new LogError('LOG_CORRUPT', 'no checkpoint yet');
    return this.#latest;
  }

  // A brand-new log publishes a signed checkpoint of size 0 at once, so /log/checkpoint always
  // answers and witnesses can start from the empty tree.
  async #commitEmptyTree(): Promise<void> {
    const integration = this.#integrator.integrate([]);
    const checkpoint = this.#sign(integration);
    await this.#options.store.commitBatch({ tiles: [], bundles: [], checkpoint });
    this.#latest = checkpoint;
  }

  /** Queues one entry; resolves when a durable signed checkpoint includes it. */
  append(entry: Uint8Array): Promise<AppendReceipt> {
    if (this.#closed) return Promise.reject(new LogError('LOG_CLOSED', 'the log is shutting down'));
    if (entry.length > MAX_ENTRY_BYTES) {
      return Promise.reject(new LogError('ENTRY_TOO_LARGE', `entry of ${entry.length} bytes`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry, resolve, reject });
      this.#schedule();
    });
  }

  /** Starts a group commit even with nothing queued here: the inbox may hold entries. */
  poke(): void {
    if (this.#closed) return;
    this.#poked = true;
    this.#schedule();
  }

  /** Stops accepting appends and waits until everything queued is committed or failed. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#flushing !== undefined) await this.#flushing;
  }

  #schedule(): void {
    if (this.#flushing !== undefined) return;
    // setImmediate lets pending I/O callbacks queue more appends before the batch is cut.
    this.#flushing = new Promise((resolve) => {
      setImmediate(() => {
        void this.#flushOnce().finally(() => {
          this.#flushing = undefined;
          resolve();
          if (this.#queue.length > 0 || this.#poked) this.#schedule();
        });
      });
    });
  }

  async #flushOnce(): Promise<void> {
    this.#poked = false;
    const batch = this.#queue.splice(0, this.#maxBatch);
    const firstIndex = this.#integrator.size;
    try {
      const handed = (await this.#options.inbox?.take(this.#maxBatch - batch.length)) ?? [];
      if (batch.length === 0 && handed.length === 0) return;
      // Local entries first, then the handed ones: their indexes follow in that order.
      const entries = [...batch.map((pending) => pending.entry), ...handed.map((h) => h.entry)];
      const integration = this.#integrator.integrate(entries);
      const checkpoint = this.#sign(integration);
      await this.#options.store.commitBatch({
        tiles: integration.tiles,
        bundles: integration.bundles,
        checkpoint,
        handed: handed.map((h, offset) => ({
          ticket: h.ticket,
          index: firstIndex + batch.length + offset,
        })),
      });
      this.#latest = checkpoint;
      this.#options.onCommit?.(integration, checkpoint);
      batch.forEach((pending, offset) => {
        pending.resolve({ index: firstIndex + offset, checkpoint });
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      await this.#resume();
    }
  }

  #sign(integration: Integration): StoredCheckpoint {
    const text = formatCheckpointText({
      origin: this.#options.signer.name,
      size: integration.size,
      rootHash: integration.root,
      extensions: [],
    });
    return { size: integration.size, note: signNote(text, [this.#options.signer]) };
  }

  // After a failed commit the in-memory right edge is ahead of the disk: reload it from what
  // is durable, so the next batch extends the last signed checkpoint and nothing else.
  async #resume(): Promise<void> {
    const { integrator, latest } = await loadRightEdge(this.#options.store, this.#options.signer);
    this.#integrator = integrator;
    this.#latest = latest;
  }
}
