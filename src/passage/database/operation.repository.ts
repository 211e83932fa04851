import type { OperationState } from '../model/states.ts';
import type { OperationKind } from './passage-vocabulary.ts';
import type { Transition, TransitionEvent } from './transition.repository.ts';

/** A passage operation: a convoy, or an open window counted only at checkpoints. */
export interface Operation {
  id: string;
  kind: OperationKind;
  name: string;
  state: OperationState;
  /** Why it is in its state (e.g. the reason for `halted`); no person data. */
  stateReason: string | null;
  originPlaceId: string | null;
  destinationPlaceId: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  version: number;
  updatedAt: string;
}

/** An operation's state change; `reason` becomes its state_reason. */
export interface OperationTransition extends Transition<OperationState> {
  reason: string | null;
}

/** One row of an operation's history. */
export interface OperationEvent extends TransitionEvent<OperationState> {
  reason: string | null;
}

/** Port for passage operations and their history. */
export interface OperationRepository {
  /** Stores a new operation (its version as given, normally 1). */
  insert(operation: Operation): Promise<void>;
  get(id: string): Promise<Operation | undefined>;
  /** Every operation, or those in `states`, ordered by window start (undated last), then id. */
  list(states?: readonly OperationState[]): Promise<Operation[]>;
  /**
   * Moves the operation from `from` to `to` and writes the history row; throws DomainError
   * 'conflict' when it is no longer at `expectedVersion` in `from`, 'not_found' if absent.
   */
  transition(transition: OperationTransition): Promise<void>;
  /** The operation's transitions, oldest first. */
  history(id: string): Promise<OperationEvent[]>;
}
