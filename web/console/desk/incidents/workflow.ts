// What a user may do next with an incident, as buttons: the verification machine's next states
// (DOMAIN.md §5, src/monitoring/model/incident.machine.ts) less those reached by their own step
// (merge, revision). A two-person state (verified, cleared_for_publication) is proposed first,
// then confirmed by a second, different person; the proposer is still offered the confirmation,
// because the server's refusal (`two_person_rule`) is what tells them why it needs someone else.
import {
  incidentMachine,
  STATES_WITH_OWN_STEP,
} from '../../../../src/monitoring/model/incident.machine.ts';
import { needsTwoPeople } from '../../../../src/monitoring/model/two-person-rule.ts';
import type { IncidentState } from '../../../../src/monitoring/model/vocabulary.ts';
import type { Approval } from '../shared/desk-types.ts';

/** One button: a plain move, the first half of a two-person step, or its second half. */
export interface WorkflowAction {
  readonly to: IncidentState;
  readonly kind: 'move' | 'propose' | 'confirm';
  /** For 'confirm': the live proposal is the user's own. */
  readonly ownProposal: boolean;
}

/**
 * The actions on an incident in `state` with `approvals`, for user `me`.
 *
 * @example workflowActions('under_verification', [], 'u1')
 *   // [{ to: 'verified', kind: 'propose', … }, { to: 'unverified', kind: 'move', … }, …]
 */
export function workflowActions(
  state: IncidentState,
  approvals: readonly Approval[],
  me: string,
): WorkflowAction[] {
  return incidentMachine
    .nextStates(state)
    .filter((to) => STATES_WITH_OWN_STEP[to] === undefined)
    .map((to): WorkflowAction => {
      if (!needsTwoPeople(to)) return { to, kind: 'move', ownProposal: false };
      const live = approvals.find((approval) => approval.toState === to && approval.live);
      if (live === undefined) return { to, kind: 'propose', ownProposal: false };
      return { to, kind: 'confirm', ownProposal: live.proposedBy === me };
    });
}
