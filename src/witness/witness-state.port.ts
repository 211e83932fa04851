// Where a witness keeps, per log, the latest checkpoint it cosigned.
import type { CosignedHead } from './witness-rules.ts';

/** A cosigned checkpoint as stored: its tree head and the signed note it came in. */
export interface StoredHead extends CosignedHead {
  note: string;
}

/**
 * The witness's durable state. `advance` is the one write and must be atomic with its check:
 * C2SP tlog-witness §add-checkpoint warns that checking the old size and persisting the new
 * checkpoint in two steps lets a slower request roll the log back.
 */
export interface WitnessStateStore {
  /** The latest cosigned checkpoint of `origin`, or undefined if it never cosigned one. */
  latest(origin: string): StoredHead | undefined;
  /**
   * Reads the current head of `origin`, calls `check` with it (which throws to refuse, leaving
   * the state unchanged), then durably stores `next` — all as one atomic step. Returns once
   * `next` is on disk.
   */
  advance(
    origin: string,
    next: StoredHead,
    check: (current: CosignedHead | undefined) => void,
  ): void;
  close(): void;
}
