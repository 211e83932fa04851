import type { HeldCaseState } from '../model/states.ts';
import type { Transition, TransitionEvent } from './transition.repository.ts';

/** A person held back at or after a checkpoint. */
export interface HeldCase {
  id: string;
  journeyId: string | null;
  /** Pseudonym, if the person is registered; null when only the journey or nothing is known. */
  personRef: string | null;
  state: HeldCaseState;
  placeId: string | null;
  /** Who holds the person (a party is data). */
  heldBy: string | null;
  reportedAt: string;
  updatedAt: string;
  icrcNotifiedAt: string | null;
  version: number;
}

/** Columns a transition may set besides state and version; an absent key keeps its value. */
export type HeldCaseProgress = Partial<Pick<HeldCase, 'placeId' | 'heldBy' | 'icrcNotifiedAt'>>;

/** A held case's state change. */
export interface HeldCaseTransition extends Transition<HeldCaseState> {
  progress?: HeldCaseProgress;
}

/** Which held cases to list. */
export interface HeldCaseQuery {
  states: readonly HeldCaseState[];
  /** Only cases reported before this instant (e.g. whereabouts unknown for N days). */
  reportedBefore?: string;
  limit: number;
}

/** Port for held-person cases. */
export interface HeldCaseRepository {
  insert(heldCase: HeldCase): Promise<void>;
  get(id: string): Promise<HeldCase | undefined>;
  /**
   * Applies the transition and writes its history row; throws DomainError 'conflict' when the
   * case is no longer at `expectedVersion` in `from`, 'not_found' if absent.
   */
  transition(transition: HeldCaseTransition): Promise<void>;
  /** The case's transitions, oldest first. */
  history(id: string): Promise<TransitionEvent<HeldCaseState>[]>;
  /** Cases in `states`, oldest report first. */
  list(query: HeldCaseQuery): Promise<HeldCase[]>;
  /** The cases opened about a journey, oldest first. */
  listForJourney(journeyId: string): Promise<HeldCase[]>;
}
