// Collects witness cosignatures for the log's checkpoints (C2SP tlog-witness@v1.0.0), off the
// sequencer's acknowledgement path: the sequencer only notifies a durable checkpoint, and rounds
// run in the background, one at a time, always on the newest checkpoint (older pending ones are
// skipped: a cosignature on the newest implies the witness checked consistency up to it).
//
// What /log/checkpoint serves: the newest checkpoint whose round has finished, with the verified
// cosignatures collected for it — possibly none. A round ends when every witness due has
// answered, failed or timed out, so a witness that is down delays the served checkpoint by one
// timeout at most, then is skipped while it backs off. Serving the newest durable checkpoint at
// once instead would, under steady load, almost always show one that no witness has seen yet;
// serving only the last fully cosigned one would freeze the log's public head while any witness
// is down. A witness that comes back is retried and catches up with a consistency proof from the
// size it last cosigned (kept in memory; after a restart the witness's 409 tells it again).
import type { VerifierKey } from '../../ledger/note-keys.ts';
import { appendSignatures } from '../../ledger/signed-note.ts';
import type { StoredCheckpoint } from '../log-store.port.ts';
import { WitnessRequestError, postAddCheckpoint } from './add-checkpoint.client.ts';
import type { AddCheckpointAnswer } from './add-checkpoint.client.ts';
import { ownCosignatures } from './own-cosignatures.ts';
import type { WitnessEndpoint } from './witness-endpoint.ts';

/** How to reach the witnesses and build proofs for them. */
export interface WitnessingOptions {
  witnesses: readonly WitnessEndpoint[];
  /** The log's own key: the checkpoints submitted and the cosignatures are checked with it. */
  logKey: VerifierKey;
  /** RFC 6962 §2.1.2 consistency proof between two sizes of this log (LogReader). */
  proveConsistency: (size1: number, size2: number) => Promise<Uint8Array[]>;
  /** Per-request timeout in milliseconds; default 5 s. */
  timeoutMs?: number;
  /** Longest wait before a failing witness is tried again, in milliseconds; default 60 s. */
  maxBackoffMs?: number;
  /** Told of each failed exchange (to log it); the log carries on regardless. */
  onFailure?: (witness: VerifierKey, error: unknown) => void;
}

// What the log knows of one witness.
interface WitnessState {
  endpoint: WitnessEndpoint;
  /** The size of the checkpoint it last cosigned, as far as this process knows. */
  knownSize: number;
  failures: number;
  /** Date.now() before which it is not asked again (backoff). */
  retryAt: number;
}

const FIRST_BACKOFF_MS = 250;

/** The background collector of cosignatures for one log. */
export class Witnessing {
  readonly #options: WitnessingOptions;
  readonly #witnesses: WitnessState[];
  readonly #closing = new AbortController();
  #latest: StoredCheckpoint | undefined;
  // The checkpoint of the current round and the verified lines per witness key for it.
  #target: StoredCheckpoint | undefined;
  #collected = new Map<string, string[]>();
  #served: StoredCheckpoint | undefined;
  #isRoundWanted = false;
  #running: Promise<void> | undefined;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: WitnessingOptions) {
    this.#options = options;
    this.#witnesses = options.witnesses.map((endpoint) => ({
      endpoint,
      knownSize: 0,
      failures: 0,
      retryAt: 0,
    }));
  }

  /** Takes a new durable checkpoint; returns at once (witnessing runs in the background). */
  notify(checkpoint: StoredCheckpoint): void {
    if (this.#latest !== undefined && checkpoint.size <= this.#latest.size) return;
    this.#latest = checkpoint;
    this.#wantRound();
  }

  /**
   * The checkpoint to publish: the newest one whose round ended, with its cosignature lines;
   * undefined before the first round ends (the caller then serves the log's own checkpoint).
   * With no witness configured, the newest notified checkpoint.
   */
  current(): StoredCheckpoint | undefined {
    return this.#witnesses.length === 0 ? this.#latest : this.#served;
  }

  /** Resolves once no round is running or wanted (tests; a round never waits on appends). */
  async whenIdle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Stops: aborts requests in flight and waits for the round to end. */
  async close(): Promise<void> {
    this.#closing.abort();
    clearTimeout(this.#retryTimer);
    await this.whenIdle();
  }

  #wantRound(): void {
    if (this.#witnesses.length === 0 || this.#closing.signal.aborted) return;
    this.#isRoundWanted = true;
    if (this.#running !== undefined) return;
    this.#running = this.#runRounds().finally(() => {
      this.#running = undefined;
      // A notification between the last check and here must not be lost.
      if (this.#isRoundWanted) this.#wantRound();
    });
  }

  async #runRounds(): Promise<void> {
    while (this.#isRoundWanted && !this.#closing.signal.aborted) {
      this.#isRoundWanted = false;
      await this.#round();
    }
  }

  async #round(): Promise<void> {
    const target = this.#latest;
    if (target === undefined) return;
    if (target !== this.#target) {
      this.#target = target;
      this.#collected = new Map();
    }
    const now = Date.now();
    const due = this.#witnesses.filter(
      (w) => !this.#collected.has(w.endpoint.key.text) && w.retryAt <= now,
    );
    await Promise.all(due.map((w) => this.#cosign(w, target)));
    if (this.#closing.signal.aborted) return;
    const lines = [...this.#collected.values()].flat();
    this.#served =
      lines.length === 0 ? target : { ...target, note: appendSignatures(target.note, lines) };
    this.#scheduleRetry();
  }

  // Asks one witness to cosign `target`; on a 409 resends once from the size it reports.
  async #cosign(witness: WitnessState, target: StoredCheckpoint): Promise<void> {
    try {
      let answer = await this.#submit(witness, target);
      if (answer.kind === 'conflict') {
        witness.knownSize = answer.size;
        answer = await this.#submit(witness, target);
      }
      if (answer.kind === 'conflict') {
        witness.knownSize = answer.size;
        throw new WitnessRequestError(`the witness holds a different tree at size ${answer.size}`);
      }
      const lines = ownCosignatures({
        note: target.note,
        logKey: this.#options.logKey,
        witnessKey: witness.endpoint.key,
        lines: answer.lines,
      });
      witness.knownSize = target.size;
      witness.failures = 0;
      witness.retryAt = 0;
      this.#collected.set(witness.endpoint.key.text, lines);
    } catch (error) {
      if (this.#closing.signal.aborted) return;
      witness.failures += 1;
      const backoff = FIRST_BACKOFF_MS * 2 ** Math.min(witness.failures - 1, 20);
      witness.retryAt = Date.now() + Math.min(backoff, this.#options.maxBackoffMs ?? 60_000);
      this.#options.onFailure?.(witness.endpoint.key, error);
    }
  }

  async #submit(witness: WitnessState, target: StoredCheckpoint): Promise<AddCheckpointAnswer> {
    const oldSize = witness.knownSize;
    if (oldSize > target.size) {
      // Its tree is larger than this log's: nothing this log can prove (a fork, or lost data).
      throw new WitnessRequestError(`the witness has cosigned size ${oldSize} > ${target.size}`);
    }
    // §add-checkpoint: the proof MUST be empty when the old size is zero.
    const proof = oldSize === 0 ? [] : await this.#options.proveConsistency(oldSize, target.size);
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 5000);
    return postAddCheckpoint({
      url: witness.endpoint.url,
      oldSize,
      proof,
      note: target.note,
      signal: AbortSignal.any([timeout, this.#closing.signal]),
    });
  }

  // Witnesses that have not cosigned the current checkpoint are retried once their backoff
  // ends, even if the log stays idle, so a witness back up catches up without new entries.
  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const missing = this.#witnesses.filter((w) => !this.#collected.has(w.endpoint.key.text));
    if (missing.length === 0) return;
    const next = Math.min(...missing.map((w) => w.retryAt));
    this.#retryTimer = setTimeout(
      () => {
        this.#wantRound();
      },
      Math.max(0, next - Date.now()),
    );
    this.#retryTimer.unref();
  }
}
