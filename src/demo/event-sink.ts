// Collects the scenario's events from the generator steps in any order, then sorts them by time
// (ties keep the order they were added in, which is deterministic) and gives each its id.
import { iso } from './journey-model.ts';
import type { Random } from './random.ts';
import type { ScenarioEvent, ScenarioEventDraft } from './scenario-events.types.ts';

interface Timed {
  readonly t: number;
  readonly draft: ScenarioEventDraft;
}

/**
 * An append-only list of timed event drafts.
 *
 * @example
 * const sink = new EventSink();
 * sink.add(t, { type: 'welfare_contact', householdId, channel: 'monitor_visit', state: 'done' });
 * const events = sink.finish(rng.fork('event-ids'));
 */
export class EventSink {
  readonly #items: Timed[] = [];

  /** Adds one event happening at `t` (ms since the epoch). */
  add(t: number, draft: ScenarioEventDraft): void {
    if (!Number.isFinite(t)) throw new RangeError(`event ${draft.type} has no valid time`);
    this.#items.push({ t: Math.round(t), draft });
  }

  /** How many events were added. */
  get size(): number {
    return this.#items.length;
  }

  /** All events in time order, each with a reproducible id. */
  finish(rng: Random): ScenarioEvent[] {
    // Array.prototype.sort is stable, so equal times keep insertion order.
    const sorted = [...this.#items].sort((a, b) => a.t - b.t);
    return sorted.map(({ t, draft }): ScenarioEvent => ({ id: rng.uuid(), at: iso(t), ...draft }));
  }
}
