// The scenario's events, loaded in time order in batches: each batch's entries are sealed in one
// group commit of the log, and many batches' rows and seals are written in one transaction. The loader can stop at
// an instant and resume, so households can register between the events before D0 (operations
// being proposed and agreed) and the exodus itself.
import type { ScenarioEvent } from '../scenario-events.types.ts';
import { EventBatch, startSealing, writeBatch } from './event-batch.ts';
import type { PendingAlert, SealingBatch } from './event-batch.ts';
import type { EventState } from './event-state.ts';
import { planHeldCaseUpdate, planPersonEvent } from './person-events.ts';
import {
  planAggregateCount,
  planOperationState,
  planTracingOpened,
  planTracingResolved,
  planWelfareContact,
} from './record-events.ts';
import { SEALS_PER_COMMIT, SEALS_PER_TRANSACTION } from './sealed-write.ts';
import type { LoadContext } from './sealed-write.ts';
import { planArrival, planDeparture, planPassage, planRegistration } from './vehicle-events.ts';

function plan(state: EventState, batch: EventBatch, event: ScenarioEvent): void {
  switch (event.type) {
    case 'operation_state':
      planOperationState(state, batch, event);
      return;
    case 'departure':
      planDeparture(state, batch, event);
      return;
    case 'checkpoint_passage':
      planPassage(state, batch, event);
      return;
    case 'arrival':
      planArrival(state, batch, event);
      return;
    case 'arrival_registration':
      planRegistration(state, batch, event);
      return;
    case 'held':
    case 'released':
    case 'turned_back':
    case 'detained':
    case 'died_en_route':
    case 'medevac':
      planPersonEvent(state, batch, event);
      return;
    case 'held_case_update':
      planHeldCaseUpdate(state, batch, event);
      return;
    case 'tracing_opened':
      planTracingOpened(state, batch, event);
      return;
    case 'tracing_resolved':
      planTracingResolved(state, batch, event);
      return;
    case 'aggregate_count':
      planAggregateCount(state, batch, event);
      return;
    case 'welfare_contact':
      planWelfareContact(state, batch, event);
      return;
  }
}

/**
 * Loads a time-ordered list of events, in as many calls as wanted.
 *
 * @example
 * const events = new EventLoader(state, scenario.events);
 * await events.loadUntil(registrationStart);
 * await events.loadUntil(undefined); // the rest
 */
export class EventLoader {
  readonly #state: EventState;
  readonly #events: readonly ScenarioEvent[];
  #next = 0;

  constructor(state: EventState, events: readonly ScenarioEvent[]) {
    this.#state = state;
    this.#events = events;
  }

  #hasMoreBefore(until: string | undefined): boolean {
    const event = this.#events[this.#next];
    return event !== undefined && (until === undefined || event.at < until);
  }

  /** Plans events into a batch of at most one log commit's worth of entries. */
  #nextBatch(until: string | undefined): EventBatch {
    const batch = new EventBatch();
    while (batch.entries.length < SEALS_PER_COMMIT && this.#hasMoreBefore(until)) {
      const event = this.#events[this.#next];
      this.#next += 1;
      if (event === undefined) break;
      plan(this.#state, batch, event);
      batch.events += 1;
      batch.lastAt = event.at;
    }
    return batch;
  }

  /** Plans the next batch and starts sealing it; undefined when no event is left. */
  async #sealNext(until: string | undefined): Promise<SealingBatch | undefined> {
    if (!this.#hasMoreBefore(until)) return undefined;
    const { context, signatures } = this.#state;
    return startSealing(context, { batch: this.#nextBatch(until), signatures });
  }

  /**
   * Loads the events before `until` (ISO-8601), or all that are left: batch by batch, many
   * batches to a transaction, the next batch sealing while this one is written; each
   * transaction's alerts are raised once it has committed.
   */
  async loadUntil(until: string | undefined): Promise<void> {
    const { context } = this.#state;
    let current = await this.#sealNext(until);
    while (current !== undefined) {
      const first: SealingBatch = current;
      const { alerts, next } = await context.passage.db.transaction().execute(async (trx) => {
        const pending: PendingAlert[] = [];
        let sealed = 0;
        let batch: SealingBatch | undefined = first;
        while (batch !== undefined) {
          sealed += batch.batch.entries.length;
          const following = await this.#sealNext(until);
          pending.push(...(await writeBatch(context, trx, batch)));
          batch = following;
          if (sealed >= SEALS_PER_TRANSACTION) break;
        }
        return { alerts: pending, next: batch };
      });
      await raiseAlerts(context, alerts);
      current = next;
    }
  }
}

// The alert service writes in its own transaction, so alerts wait for their batch's commit;
// each is raised on the clock of its event, so its time is the event's, not the commit's.
async function raiseAlerts(context: LoadContext, alerts: readonly PendingAlert[]): Promise<void> {
  const latest = context.clock.iso();
  for (const { candidate, at } of alerts) {
    context.clock.rewind(at);
    await context.passage.alerts.raise([candidate]);
  }
  context.clock.rewind(latest);
}
