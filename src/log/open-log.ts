// Wires one log: its store, the reader that serves tiles and proofs, and the sequencer that
// writes through the reader's cache after every commit.
import type { SignerKey } from '../ledger/note-keys.ts';
import { LogReader } from './log-reader.ts';
import type { LogStore, StoredCheckpoint } from './log-store.port.ts';
import { Sequencer } from './sequencer.ts';

/** A log ready to append to and read from. */
export interface OpenLog {
  store: LogStore;
  reader: LogReader;
  sequencer: Sequencer;
}

/** Opens the log kept in `store`, signed by `signer`, resuming from its last checkpoint. */
export async function openLog(options: {
  store: LogStore;
  signer: SignerKey;
  maxBatch?: number;
  /** Told of each new durable checkpoint, after the appends it covers are acknowledged. */
  onCheckpoint?: (checkpoint: StoredCheckpoint) => void;
}): Promise<OpenLog> {
  const reader = new LogReader(options.store);
  const sequencer = await Sequencer.open({
    ...options,
    onCommit: (integration, checkpoint) => {
      reader.noteCommitted(integration);
      // After the acknowledgements: a listener (witnessing) never delays an append.
      if (options.onCheckpoint !== undefined)
        queueMicrotask(() => options.onCheckpoint?.(checkpoint));
    },
  });
  return { store: options.store, reader, sequencer };
}
