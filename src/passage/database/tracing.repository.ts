import type { TracingState } from '../model/states.ts';
import type { Transition, TransitionEvent } from './transition.repository.ts';

/** A family's request to find a person; both people by pseudonym only. */
export interface TracingRequest {
  id: string;
  /** The person sought, once matched to a registered pseudonym. */
  soughtPersonRef: string | null;
  requesterRef: string;
  householdId: string | null;
  state: TracingState;
  openedAt: string;
  updatedAt: string;
  version: number;
}

/** A tracing request's state change; may record the sought person once matched. */
export interface TracingTransition extends Transition<TracingState> {
  soughtPersonRef?: string | null;
}

/** Port for tracing requests. */
export interface TracingRepository {
  insert(request: TracingRequest): Promise<void>;
  get(id: string): Promise<TracingRequest | undefined>;
  /**
   * Applies the transition and writes its history row; throws DomainError 'conflict' when the
   * request is no longer at `expectedVersion` in `from`, 'not_found' if absent.
   */
  transition(transition: TracingTransition): Promise<void>;
  /** The request's transitions, oldest first. */
  history(id: string): Promise<TransitionEvent<TracingState>[]>;
  /** Requests in `states`, oldest first, at most `limit`. */
  list(states: readonly TracingState[], limit: number): Promise<TracingRequest[]>;
  /** Requests made by or about a household, oldest first. */
  listForHousehold(householdId: string): Promise<TracingRequest[]>;
  /** Requests seeking this person, oldest first. */
  listForSoughtPerson(personRef: string): Promise<TracingRequest[]>;
}
