// The clock the demo's Vigil runs on while it loads: it reads the scenario's time, set by the
// loader as it walks through the events, so log entries, vault records and alerts carry the time
// the scenario says they happened (September 2023), not the time of the build.

/**
 * A settable clock; `now` is what openVigil takes.
 *
 * @example
 * const clock = new ScenarioClock(new Date('2023-09-24T00:00:00Z'));
 * const vigil = await openVigil({ dataDir, now: clock.now });
 * clock.set('2023-09-25T10:00:00.000Z');
 */
export class ScenarioClock {
  #ms: number;

  constructor(start: Date) {
    this.#ms = start.getTime();
  }

  /** The current scenario time (a fresh Date each call). */
  readonly now = (): Date => new Date(this.#ms);

  /** Moves the clock forward to `at` (ISO-8601); never back (see rewind). */
  set(at: string | Date): void {
    const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
    if (Number.isFinite(ms) && ms > this.#ms) this.#ms = ms;
  }

  /**
   * Sets the clock to `at` even if that is earlier: for a record that had to wait (an alert
   * raised once its batch committed), so that it carries the time of its event.
   */
  rewind(at: string): void {
    const ms = Date.parse(at);
    if (Number.isFinite(ms)) this.#ms = ms;
  }

  /** The current scenario time as ISO-8601 UTC. */
  iso(): string {
    return new Date(this.#ms).toISOString();
  }
}
