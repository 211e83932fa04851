import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../errors/domain-error.ts';
import {
  incidentMachine,
  isFrozen,
  isPublic,
  stateAfterNewInformation,
  stateAfterRevision,
  STATES_WITH_OWN_STEP,
} from './incident.machine.ts';
import { INCIDENT_STATES } from './vocabulary.ts';
import type { IncidentState } from './vocabulary.ts';

function walk(path: readonly IncidentState[]): void {
  for (let i = 1; i < path.length; i++) incidentMachine.assertTransition(path[i - 1]!, path[i]!);
}

function reachableFrom(start: readonly IncidentState[]): Set<IncidentState> {
  const seen = new Set(start);
  for (const s of seen) for (const next of incidentMachine.nextStates(s)) seen.add(next);
  return seen;
}

describe('incident machine', () => {
  it('walks the DOMAIN.md §5 path from a report to a retraction', () => {
    walk([
      'received',
      'triaged',
      'under_verification',
      'verified',
      'cleared_for_publication',
      'published',
      'corrected',
      'retracted',
    ]);
  });

  it('sends a duplicate to merged and a stray report out of scope', () => {
    walk(['received', 'triaged', 'duplicate', 'merged']);
    walk(['triaged', 'out_of_scope']);
  });

  it('reopens an unverified incident and discounts a false one', () => {
    walk(['under_verification', 'unverified', 'under_verification', 'unverified', 'discounted']);
  });

  it('opens only in received or triaged', () => {
    assert.deepEqual(incidentMachine.initialStates, ['received', 'triaged']);
    assert.equal(incidentMachine.canStartAt('verified'), false);
  });

  it('never publishes what was not verified and cleared', () => {
    assert.equal(incidentMachine.canTransition('under_verification', 'published'), false);
    assert.equal(incidentMachine.canTransition('verified', 'published'), false);
    assert.equal(incidentMachine.canTransition('unverified', 'verified'), false);
    assert.throws(
      () => {
        incidentMachine.assertTransition('merged', 'triaged');
      },
      (e) => e instanceof DomainError && e.code === 'invalid_transition',
    );
  });

  it('reaches every state and an end from every state', () => {
    assert.deepEqual([...reachableFrom(['received'])].sort(), [...INCIDENT_STATES].sort());
    for (const s of INCIDENT_STATES) {
      assert.ok(
        incidentMachine.terminalStates.some((t) => reachableFrom([s]).has(t)),
        s,
      );
    }
    assert.deepEqual(incidentMachine.terminalStates, [
      'merged',
      'out_of_scope',
      'discounted',
      'retracted',
    ]);
  });

  it('reaches merged and corrected only through their own use cases', () => {
    assert.deepEqual(STATES_WITH_OWN_STEP, { merged: 'merge', corrected: 'revision' });
  });
});

describe('revisions and new information', () => {
  it('makes a revision of a published incident its correction, and keeps corrected', () => {
    assert.equal(stateAfterRevision('published'), 'corrected');
    assert.equal(stateAfterRevision('corrected'), 'corrected');
    assert.ok(isPublic('published') && isPublic('corrected'));
    assert.equal(isPublic('verified'), false);
  });

  it('withdraws a clearance when the cleared content changes', () => {
    assert.equal(stateAfterRevision('cleared_for_publication'), 'verified');
    assert.ok(incidentMachine.canTransition('cleared_for_publication', 'verified'));
  });

  it('keeps the state of every other open incident', () => {
    for (const s of ['received', 'triaged', 'duplicate', 'under_verification'] as const) {
      assert.equal(stateAfterRevision(s), s);
    }
  });

  it('refuses to revise a frozen incident', () => {
    for (const s of incidentMachine.terminalStates) {
      assert.ok(isFrozen(s));
      assert.throws(
        () => stateAfterRevision(s),
        (e) => e instanceof DomainError && e.code === 'invalid_transition',
      );
    }
    assert.equal(isFrozen('unverified'), false);
  });

  it('reopens only an unverified incident on new information', () => {
    assert.equal(stateAfterNewInformation('unverified'), 'under_verification');
    assert.equal(stateAfterNewInformation('verified'), 'verified');
    assert.ok(incidentMachine.canTransition('unverified', 'under_verification'));
  });
});
