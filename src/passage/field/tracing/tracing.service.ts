// Tracing requests (DOMAIN.md §5): a family looking for a person, taken by the hotline or a
// coordinator. Both people are held by pseudonym only. A caller who is not a registered person
// is recorded as the keyring's pseudonym of the contact the hotline took (a phone number, say):
// the same caller gets the same pseudonym, and the contact itself is never stored or sealed.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../errors/domain-error.ts';
import { normaliseCode } from '../../../people/normalise-code.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { TransitionEvent } from '../../database/transition.repository.ts';
import type { TracingRequest } from '../../database/tracing.repository.ts';
import { assertTransition } from '../../model/tracing.machine.ts';
import { TRACING_STATES } from '../../model/states.ts';
import type { TracingState } from '../../model/states.ts';
import type { FieldContext } from '../field-context.ts';

/** The pseudonym namespace of hotline callers' contacts. */
const CALLER_PSEUDONYM = 'tracing_caller';

/** A tracing request and its transitions, oldest first. */
export interface TracingView {
  request: TracingRequest;
  history: TransitionEvent<TracingState>[];
}

/** A new request: who asks (exactly one of requesterRef, requesterContact) and about whom. */
export interface OpenTracingRequest {
  householdId?: string | undefined;
  soughtPersonRef?: string | undefined;
  /** A registered person's reference, or a pseudonym already issued for the caller. */
  requesterRef?: string | undefined;
  /** The contact the hotline took; only its pseudonym is kept. */
  requesterContact?: string | undefined;
}

/** A transition requested by staff. */
export interface TracingTransitionRequest {
  to: TracingState;
  version: number;
  /** The sought person, once matched to a registered person. */
  soughtPersonRef?: string | undefined;
}

/** Which requests to list. */
export interface TracingFilter {
  state?: TracingState | undefined;
  limit: number;
}

/** Tracing requests as the hotline and coordinators see and change them. */
export class TracingService {
  readonly #context: FieldContext;

  constructor(context: FieldContext) {
    this.#context = context;
  }

  /** Opens a request as `actor`; 'invalid_request' for an unknown household. */
  async open(input: OpenTracingRequest, actor: string): Promise<TracingView> {
    const context = this.#context;
    if (input.householdId !== undefined) {
      const household = await passageStoreOn(context.db).households.get(input.householdId);
      if (household === undefined) {
        throw new DomainError('invalid_request', 'householdId must name a registered household', {
          details: [{ path: 'householdId', code: 'unknown_household' }],
        });
      }
    }
    const at = context.now().toISOString();
    const request: TracingRequest = {
      id: randomUUID(),
      soughtPersonRef: input.soughtPersonRef ?? null,
      requesterRef: this.#requesterRef(input),
      householdId: input.householdId ?? null,
      state: 'opened',
      openedAt: at,
      updatedAt: at,
      version: 1,
    };
    const seal = await context.sealer.seal({
      kind: 'tracing.opened',
      id: request.id,
      version: 1,
      record: { ...request, actor },
    });
    await context.db.transaction().execute(async (trx) => {
      await passageStoreOn(trx).tracing.insert(request);
      await insertSeals(trx, [seal]);
    });
    return { request, history: [] };
  }

  /** Requests in `filter.state` (every state when absent), oldest first. */
  list(filter: TracingFilter): Promise<TracingRequest[]> {
    const states = filter.state === undefined ? TRACING_STATES : [filter.state];
    return passageStoreOn(this.#context.db).tracing.list(states, filter.limit);
  }

  /** The request and its history; 'not_found' when there is none. */
  async get(id: string): Promise<TracingView> {
    const store = passageStoreOn(this.#context.db);
    const [request, history] = await Promise.all([
      store.tracing.get(id),
      store.tracing.history(id),
    ]);
    if (request === undefined) throw new DomainError('not_found', 'no such tracing request');
    return { request, history };
  }

  /** Moves request `id` as `actor`: 'not_found', 'conflict' or 'invalid_transition'. */
  async transition(
    id: string,
    input: TracingTransitionRequest,
    actor: string,
  ): Promise<TracingView> {
    const { request } = await this.get(id);
    if (request.version !== input.version) {
      throw new DomainError('conflict', 'the tracing request changed meanwhile', {
        details: { id, expectedVersion: input.version, currentVersion: request.version },
      });
    }
    assertTransition(request.state, input.to, { subjectId: id });
    const at = this.#context.now().toISOString();
    const version = request.version + 1;
    const sought =
      input.soughtPersonRef === undefined ? {} : { soughtPersonRef: input.soughtPersonRef };
    const seal = await this.#context.sealer.seal({
      kind: 'tracing.transition',
      id,
      version,
      record: {
        tracingRequestId: id,
        from: request.state,
        to: input.to,
        version,
        at,
        actor,
        ...sought,
      },
    });
    await this.#context.db.transaction().execute(async (trx) => {
      await passageStoreOn(trx).tracing.transition({
        id,
        from: request.state,
        to: input.to,
        expectedVersion: request.version,
        at,
        actor,
        ...sought,
      });
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  #requesterRef(input: OpenTracingRequest): string {
    if (input.requesterRef !== undefined) return input.requesterRef;
    if (input.requesterContact === undefined) {
      throw new DomainError('invalid_request', 'a request needs requesterRef or requesterContact');
    }
    const contact = normaliseCode(input.requesterContact);
    return this.#context.keyring.pseudonym(CALLER_PSEUDONYM, contact);
  }
}
