// A background job that runs every `intervalMs` without ever overlapping itself: the next run is
// scheduled only when the previous one has finished, so a slow tick (a large scan, a busy
// database) delays the next instead of piling runs up. Failures are logged, never thrown out of
// the timer (an unhandled rejection would end the process). Stopping waits for a run in flight.

/** What `startRepeatingJob` runs and how often. */
export interface RepeatingJob {
  /** Names the job in error logs (no record content). */
  readonly what: string;
  readonly intervalMs: number;
  /** Delay before the first run; default `intervalMs`. */
  readonly firstDelayMs?: number;
  readonly run: () => Promise<unknown>;
  readonly logError: (error: unknown, what: string) => void;
}

/**
 * Starts `job`; returns the function that stops it and resolves once no run is in flight.
 *
 * @example const stop = startRepeatingJob({ what: 'alert scan', intervalMs: 15_000, run, logError })
 */
export function startRepeatingJob(job: RepeatingJob): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    try {
      await job.run();
    } catch (error) {
      try {
        job.logError(error, job.what);
      } catch {
        // A failing logger must not turn into an unhandled rejection either.
      }
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick().finally(() => {
        inFlight = undefined;
        schedule(job.intervalMs);
      });
    }, delayMs);
    // A forgotten stop must not keep the process alive.
    timer.unref();
  };
  schedule(job.firstDelayMs ?? job.intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await inFlight;
  };
}
