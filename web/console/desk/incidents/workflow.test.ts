import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Approval } from '../shared/desk-types.ts';
import { workflowActions } from './workflow.ts';

const proposal = (toState: Approval['toState'], proposedBy: string, live = true): Approval => ({
  toState,
  version: 3,
  proposedBy,
  proposedAt: '2023-10-01T10:00:00Z',
  reason: 'corroborated',
  live,
});

describe('workflowActions', () => {
  it('offers plain moves, and a proposal for a two-person state with none pending', () => {
    assert.deepEqual(workflowActions('under_verification', [], 'me'), [
      { to: 'verified', kind: 'propose', ownProposal: false },
      { to: 'unverified', kind: 'move', ownProposal: false },
      { to: 'discounted', kind: 'move', ownProposal: false },
    ]);
  });

  it('offers the confirmation of a live proposal, saying whose it is', () => {
    const [mine] = workflowActions('under_verification', [proposal('verified', 'me')], 'me');
    assert.deepEqual(mine, { to: 'verified', kind: 'confirm', ownProposal: true });
    const [theirs] = workflowActions('verified', [proposal('cleared_for_publication', 'b')], 'me');
    assert.deepEqual(theirs, {
      to: 'cleared_for_publication',
      kind: 'confirm',
      ownProposal: false,
    });
  });

  it('proposes again when the pending proposal is void (the incident changed since)', () => {
    const [first] = workflowActions('under_verification', [proposal('verified', 'b', false)], 'me');
    assert.equal(first?.kind, 'propose');
  });

  it('leaves out the states reached by their own step (merge, correction) and ends at terminals', () => {
    assert.deepEqual(
      workflowActions('duplicate', [], 'me').map((action) => action.to),
      ['triaged'],
    );
    assert.deepEqual(
      workflowActions('published', [], 'me').map((action) => action.to),
      ['retracted'],
    );
    assert.deepEqual(workflowActions('merged', [], 'me'), []);
  });
});
