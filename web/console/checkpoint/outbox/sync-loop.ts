// Runs the outbox drain: now when asked (a new capture, the network coming back), and again
// after a failure with backoff, until nothing waits. One drain at a time; a request while one
// runs makes it run once more afterwards, so a capture made mid-send is not left behind.
import { retryDelay } from './backoff.ts';
import type { DrainResult } from './outbox.ts';

/** What the monitor is told about sending. */
export type SyncState =
  | { readonly kind: 'idle'; readonly lastSentAt?: number }
  | { readonly kind: 'sending' }
  | { readonly kind: 'waiting'; readonly retryAt: number }
  | { readonly kind: 'refused'; readonly code: string };

/** Timers (the browser's by default; tests pass their own). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What a SyncLoop needs. */
export interface SyncLoopDeps {
  readonly drain: () => Promise<DrainResult>;
  readonly onState: (state: SyncState) => void;
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly now?: () => number;
}

const BROWSER_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Drains the outbox now and after failures. */
export class SyncLoop {
  readonly #deps: SyncLoopDeps;
  readonly #timers: Timers;
  #attempt = 0;
  #running = false;
  #again = false;
  #timer: unknown;
  #stopped = false;
  #lastSentAt: number | undefined;

  constructor(deps: SyncLoopDeps) {
    this.#deps = deps;
    this.#timers = deps.timers ?? BROWSER_TIMERS;
  }

  /**
   * Drains now (or right after the drain that is running). `fresh`: something changed (the
   * network came back), so the backoff of earlier failures starts over.
   */
  kick(fresh = false): void {
    if (this.#stopped) return;
    if (fresh) this.#attempt = 0;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
    void this.#run();
  }

  /** Stops for good (the view is gone). */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }

  async #run(): Promise<void> {
    this.#running = true;
    this.#deps.onState({ kind: 'sending' });
    let result: DrainResult;
    try {
      result = await this.#deps.drain();
    } catch {
      // IndexedDB or a bug: nothing was lost (the outbox is unchanged), so try again later.
      result = { kind: 'retry', sent: 0 };
    }
    this.#running = false;
    if (this.#stopped) return;
    if (result.sent > 0) this.#lastSentAt = (this.#deps.now ?? Date.now)();
    if (this.#again) {
      this.#again = false;
      this.kick();
      return;
    }
    this.#settle(result);
  }

  #settle(result: DrainResult): void {
    switch (result.kind) {
      case 'done':
        this.#attempt = 0;
        this.#deps.onState(
          this.#lastSentAt === undefined
            ? { kind: 'idle' }
            : { kind: 'idle', lastSentAt: this.#lastSentAt },
        );
        return;
      case 'refused':
        this.#deps.onState({ kind: 'refused', code: result.code });
        return;
      case 'retry': {
        const delay = retryDelay(this.#attempt, (this.#deps.random ?? Math.random)());
        this.#attempt += 1;
        const retryAt = (this.#deps.now ?? Date.now)() + delay;
        this.#timer = this.#timers.set(() => {
          this.#timer = undefined;
          this.kick();
        }, delay);
        this.#deps.onState({ kind: 'waiting', retryAt });
        return;
      }
    }
  }
}
