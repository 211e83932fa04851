// The port of the mission's patrols and their transitions.
import type { Transition, TransitionEvent } from '../../passage/database/transition.repository.ts';
import type { PatrolState } from '../model/operations-vocabulary.ts';

/** A patrol of the mission (staff-only). */
export interface Patrol {
  id: string;
  /** A call sign such as "P-17", never the monitors' names. */
  label: string;
  placeId: string | null;
  plannedStart: string;
  state: PatrolState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A patrol's state change, with why. */
export interface PatrolTransition extends Transition<PatrolState> {
  reason: string;
}

/** A patrol's state change as kept. */
export interface PatrolEvent extends TransitionEvent<PatrolState> {
  reason: string;
}

/** Which patrols to list. */
export interface PatrolFilter {
  state?: PatrolState | undefined;
  limit: number;
}

/** Port for patrols. */
export interface PatrolRepository {
  insert(patrol: Patrol): Promise<void>;
  get(id: string): Promise<Patrol | undefined>;
  /** Patrols by planned start, newest first. */
  list(filter: PatrolFilter): Promise<Patrol[]>;
  /** Applies and records the transition; DomainError 'conflict' or 'not_found' otherwise. */
  transition(transition: PatrolTransition): Promise<void>;
  /** The patrol's transitions, oldest first. */
  history(id: string): Promise<PatrolEvent[]>;
}
