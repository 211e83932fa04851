import type { Kysely } from 'kysely';
import type { Principal } from '../auth/roles.ts';
import type { Seal } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';

/** One capture as a device submits it (offline first, so possibly long after capturedAt). */
export interface SyncItem {
  /** Client-generated UUID: the idempotency key. */
  id: string;
  type: string;
  capturedAt: string;
  payload: unknown;
  /** base64 Ed25519 signature of captureSignatureMessage(...) by the device's key. */
  signature: string;
}

/** What a handler hands back once it has validated, read and sealed a capture. */
export interface PreparedCapture {
  /** The capture's log entries, already durable; stored with the rows. */
  seals: readonly Seal[];
  /** Writes the capture's rows; runs inside the sync transaction, so it must not seal. */
  write(db: Kysely<Database>): Promise<void>;
  /** Called after the rows are committed (alerts, notifications); must not throw. */
  afterCommit?(): void;
}

/** Who submitted a capture. */
export interface CaptureContext {
  principal: Principal;
  deviceId: string;
}

/**
 * Applies one type of capture. `prepare` validates the payload (throwing DomainError with a
 * catalogued code on bad input), reads what it needs, and seals; it writes no rows.
 */
export interface CaptureHandler {
  prepare(item: SyncItem, context: CaptureContext): Promise<PreparedCapture>;
  /**
   * The records the capture reads to plan its change and then changes, as keys such as
   * 'journey:<id>', read from the raw payload before it is validated (whatever cannot be read
   * names nothing: prepare() rejects it). A capture sharing a key with an earlier capture of its
   * batch is prepared only after that one is written, so it plans from its effect. Optional: a
   * handler without it writes rows of its own only, which no other capture of a batch reads.
   */
  touches?(item: SyncItem): readonly string[];
  /**
   * Writes many captures this handler prepared in as few statements as it can (multi-row
   * inserts instead of one write() each). Optional; a failure fails the whole call, and the
   * sync service then falls back to one transaction per item.
   */
  writeMany?(db: Kysely<Database>, prepared: readonly PreparedCapture[]): Promise<void>;
}
