// What every versioned state machine of the passage store shares: a transition the pure model
// has already allowed, stored only if the record is still at the version the caller read, and
// the history row it leaves behind.

/**
 * A state change to store. The adapter applies it only while the record is at
 * `expectedVersion` in state `from`; otherwise it throws DomainError 'conflict' (or
 * 'not_found'), so two monitors updating one record cannot silently overwrite each other.
 */
export interface Transition<State extends string> {
  id: string;
  from: State;
  to: State;
  /** The version the caller read; the record moves to expectedVersion + 1. */
  expectedVersion: number;
  /** ISO-8601 UTC. */
  at: string;
  /** Who made the change: a staff or device id, never a name. */
  actor: string;
}

/** One row of a record's history; `version` is the record's version after the change. */
export interface TransitionEvent<State extends string> {
  version: number;
  from: State;
  to: State;
  at: string;
  actor: string;
}
