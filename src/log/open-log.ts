// Wires one log: its store, the reader that serves tiles and proofs, and the writer — the local
// sequencer, or, when several servers share a PostgreSQL database, the shared log that leads or
// hands over (src/log/leadership). Either way the reader's cache is written through after every
// commit this process makes.
import type { SignerKey } from '../ledger/note-keys.ts';
import type { Integration } from '../ledger/tile-integrator.ts';
import { SharedLog } from './leadership/shared-log.pg.ts';
import { LogReader } from './log-reader.ts';
import { PgLogStore } from './log-store.pg.ts';
import type { LogStore, StoredCheckpoint } from './log-store.port.ts';
import { Sequencer } from './sequencer.ts';
import type { LogAppender } from './sequencer.ts';

/** A log ready to append to and read from. */
export interface OpenLog {
  store: LogStore;
  reader: LogReader;
  sequencer: LogAppender;
}

/** How to open a log. */
export interface OpenLogOptions {
  store: LogStore;
  signer: SignerKey;
  maxBatch?: number;
  /** Told of each new durable checkpoint, after the appends it covers are acknowledged. */
  onCheckpoint?: (checkpoint: StoredCheckpoint) => void;
  /**
   * The PostgreSQL URL of a store other servers may share: the process then leads the log only
   * while it holds the leadership lock, and hands its appends over otherwise.
   */
  shared?: { url: string; retryMs?: number; onError?: (error: unknown) => void };
}

/** Opens the log kept in `options.store`, signed by `options.signer`, resuming from its last checkpoint. */
export async function openLog(options: OpenLogOptions): Promise<OpenLog> {
  const reader = new LogReader(options.store);
  // After the acknowledgements: a listener (witnessing) never delays an append.
  const announce = (checkpoint: StoredCheckpoint) => {
    if (options.onCheckpoint !== undefined)
      queueMicrotask(() => options.onCheckpoint?.(checkpoint));
  };
  const onCommit = (integration: Integration, checkpoint: StoredCheckpoint) => {
    reader.noteCommitted(integration);
    announce(checkpoint);
  };
  const { store, signer, maxBatch, shared } = options;
  const batch = maxBatch === undefined ? {} : { maxBatch };
  if (shared !== undefined && store instanceof PgLogStore) {
    const sequencer = await SharedLog.open({
      url: shared.url,
      store,
      signer,
      ...batch,
      ...(shared.retryMs === undefined ? {} : { retryMs: shared.retryMs }),
      ...(shared.onError === undefined ? {} : { onError: shared.onError }),
      onCommit,
      onLearned: announce,
    });
    return { store, reader, sequencer };
  }
  const sequencer = await Sequencer.open({ store, signer, ...batch, onCommit });
  return { store, reader, sequencer };
}
