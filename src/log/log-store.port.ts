// The log's storage port. The SQLite adapter (log-store.sqlite.ts) is the embedded default; a
// PostgreSQL adapter implements the same contract (see log-store.contract.ts).

/** A signed checkpoint as stored: its tree size and the signed note text. */
export interface StoredCheckpoint {
  size: number;
  note: string;
}

/** One tile (level ≥ 0) or entry bundle (level −1 is not used: bundles are separate) to write. */
export interface TileWrite {
  level: number;
  index: number;
  /** The tile's hashes at its new width (width·32 bytes); replaces any narrower version. */
  data: Uint8Array;
  /** Full tiles: the hashes of sub-levels 4–7 inside the tile (a proof-speed cache). */
  inner?: Uint8Array;
}

/** An encoded entry bundle to write at its new width. */
export interface BundleWrite {
  index: number;
  data: Uint8Array;
}

/** A stored tile: its widest hashes, and its inner hashes if it is full and has them. */
export interface StoredTile {
  data: Uint8Array;
  inner: Uint8Array | undefined;
}

/** An entry another process handed over to the leader, known by the ticket it waits on. */
export interface HandedEntry {
  ticket: string;
  entry: Uint8Array;
}

/** Where a handed-over entry was sequenced. */
export interface HandedPosition {
  ticket: string;
  index: number;
}

/** Everything one group commit writes. Either all of it becomes durable, or none of it. */
export interface LogBatchWrite {
  tiles: readonly TileWrite[];
  bundles: readonly BundleWrite[];
  checkpoint: StoredCheckpoint;
  /**
   * Handed-over entries this batch sequences (only a leader over PostgreSQL has any): their
   * positions are recorded in the same transaction, so a follower learns of them only once
   * they are durable.
   */
  handed?: readonly HandedPosition[];
}

/**
 * Durable storage of tiles, bundles and checkpoints. Each stored tile and bundle is the widest
 * version written so far; narrower (partial) versions are prefixes of it, so they are served by
 * slicing (C2SP tlog-tiles allows dropping partial tiles once the wider one exists).
 */
export interface LogStore {
  /** The checkpoint with the largest size, if any. */
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** The checkpoint signed at exactly `size`, if one was. */
  checkpointAt(size: number): Promise<StoredCheckpoint | undefined>;
  /** The widest stored version of tile (level, index). */
  readTile(level: number, index: number): Promise<Uint8Array | undefined>;
  /** Tile (level, index) with the inner hashes stored beside it once it was full, if any. */
  readTileWithInner(level: number, index: number): Promise<StoredTile | undefined>;
  /** The widest stored version of entry bundle `index`. */
  readBundle(index: number): Promise<Uint8Array | undefined>;
  /**
   * Writes a batch atomically and durably; resolves only once it would survive a crash.
   * Rejects with LogStoreConflictError, writing nothing, unless the checkpoint is larger than
   * every stored one — the guard that makes two different checkpoints of one size impossible.
   */
  commitBatch(batch: LogBatchWrite): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by commitBatch when the checkpoint would not extend the stored log. */
export class LogStoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogStoreConflictError';
  }
}
