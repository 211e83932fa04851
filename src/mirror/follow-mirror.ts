// Continuous mirroring (`--follow`): one run per interval until stopped. Each run starts from
// the mirror's files alone and releases everything it fetched, so memory stays bounded however
// long it follows. A source that cannot be reached is retried at the next interval; a source
// that lies (bad signature, fork, wrong entries) stops the mirror: that is evidence, not noise.
import { setTimeout as sleep } from 'node:timers/promises';
import { SourceError } from '../verifier/log-source.ts';
import type { MirrorOutcome } from './mirror-log.ts';
import { MirrorInterrupted } from './mirror-growth.ts';

/** What {@link followMirror} needs. */
export interface FollowOptions {
  /** One mirror run; it should give up before publishing once `signal` fires. */
  runOnce(signal: AbortSignal): Promise<MirrorOutcome>;
  intervalMs: number;
  /** Fires on SIGINT/SIGTERM: the loop ends cleanly after the current step. */
  signal: AbortSignal;
  onOutcome(outcome: MirrorOutcome): void;
  onUnreachable(error: SourceError): void;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/**
 * Mirrors every `intervalMs` until `signal` fires, then resolves. Rejects with the first
 * verification failure.
 */
export async function followMirror(options: FollowOptions): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    try {
      options.onOutcome(await options.runOnce(signal));
    } catch (error) {
      if (error instanceof MirrorInterrupted) return;
      if (!(error instanceof SourceError)) throw error;
      options.onUnreachable(error);
    }
    await pause(options.intervalMs, signal);
  }
}
