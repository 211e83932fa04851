// The incident's verification workflow — DOMAIN.md §5: received → triaged → (duplicate → merged |
// out_of_scope) ; triaged → under_verification → verified | unverified (may reopen) | discounted ;
// verified → cleared_for_publication → published → corrected (new version) | retracted.
//
// Decisions beyond the diagram:
// - A report may be triaged at once (an analyst opening an incident from items already read), and
//   a received report may be set aside as out of scope or flagged duplicate without triage.
// - duplicate → triaged: a duplicate flag is a suggestion an analyst may withdraw; only `merged`
//   (with the incident it went into) is final. Duplicates are never merged silently.
// - unverified → under_verification: new information reopens the check (OHCHR: single-source
//   facts stay unverified, never deleted); unverified → discounted once shown false.
// - verified → under_verification: a verified fact challenged by new information is checked again.
// - cleared_for_publication → verified: clearance withdrawn (for instance when the content it
//   cleared is revised: see `stateAfterRevision`).
// - corrected is a published incident whose content changed after publication: a correction is a
//   NEW VERSION of the content (never a transition alone), and the incident stays published in
//   substance — `isPublic` holds for both. A corrected incident may be corrected again (a new
//   version, state unchanged) or retracted.
import { DomainError } from '../../errors/domain-error.ts';
import { defineMachine } from '../../passage/model/state-machine.ts';
import { INCIDENT_STATES } from './vocabulary.ts';
import type { IncidentState } from './vocabulary.ts';

/** The incident machine (DOMAIN.md §5). Terminal: merged, out_of_scope, discounted, retracted. */
export const incidentMachine = defineMachine<IncidentState>({
  name: 'incident',
  states: INCIDENT_STATES,
  initial: ['received', 'triaged'],
  transitions: {
    received: ['triaged', 'duplicate', 'out_of_scope'],
    triaged: ['duplicate', 'out_of_scope', 'under_verification'],
    duplicate: ['merged', 'triaged'],
    merged: [],
    out_of_scope: [],
    under_verification: ['verified', 'unverified', 'discounted'],
    verified: ['cleared_for_publication', 'under_verification'],
    unverified: ['under_verification', 'discounted'],
    discounted: [],
    cleared_for_publication: ['published', 'verified'],
    published: ['corrected', 'retracted'],
    corrected: ['retracted'],
    retracted: [],
  },
});

/** States reached only through their own use case, never by a bare transition request. */
export const STATES_WITH_OWN_STEP: Readonly<Partial<Record<IncidentState, string>>> = {
  merged: 'merge',
  corrected: 'revision',
};

/** States whose content is frozen: no revision, no new links. */
const FROZEN: ReadonlySet<IncidentState> = new Set(incidentMachine.terminalStates);

/**
 * The state an incident is in after its content is revised, or `invalid_transition` when its
 * content is frozen (merged, out of scope, discounted, retracted). A revision of a published
 * incident is its correction; a revision of a cleared incident withdraws the clearance (what was
 * cleared is no longer what would be published); every other state is kept.
 *
 * @example stateAfterRevision('published') // 'corrected'
 */
export function stateAfterRevision(state: IncidentState): IncidentState {
  if (FROZEN.has(state)) {
    throw new DomainError('invalid_transition', `incident: content is frozen in ${state}`, {
      details: { from: state, to: state, machine: 'incident' },
    });
  }
  if (state === 'published') return 'corrected';
  if (state === 'cleared_for_publication') return 'verified';
  return state;
}

/**
 * True when the incident's content is frozen (a terminal state).
 *
 * @example isFrozen('merged') // true
 */
export function isFrozen(state: IncidentState): boolean {
  return FROZEN.has(state);
}

/**
 * True for the states in which the incident's public summary is published.
 *
 * @example isPublic('corrected') // true
 */
export function isPublic(state: IncidentState): boolean {
  return state === 'published' || state === 'corrected';
}

/**
 * The state new information puts an incident in: an unverified incident is reopened
 * (→ under_verification); every other state is kept.
 *
 * @example stateAfterNewInformation('unverified') // 'under_verification'
 */
export function stateAfterNewInformation(state: IncidentState): IncidentState {
  return state === 'unverified' ? 'under_verification' : state;
}
