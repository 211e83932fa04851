// Audit events for reads of identity data (DESIGN.md §4: every read is an audit event, sealed
// in the log). The sealed record names the action, the subject's ref, the actor's id and the
// purpose: enough for an auditor to ask "who looked at this person, and why", never identity.
import { randomUUID } from 'node:crypto';
import type { Sealer } from '../seal/sealer.ts';
import type { AccessPurpose, Actor } from './access.ts';
import type { IdentityRepository } from './identity-vault.repository.ts';

/** What was done with identity data. */
export type AuditAction = 'identity.read' | 'identity.search_document' | 'identity.search_name';

/** The log entry kind of each action. */
export const AUDIT_KINDS: Readonly<Record<AuditAction, string>> = {
  'identity.read': 'audit.identity_read',
  'identity.search_document': 'audit.identity_search',
  'identity.search_name': 'audit.identity_search',
};

/** One audit entry to write. */
export interface AuditRequest {
  action: AuditAction;
  subjectRefs: readonly string[];
  actor: Actor;
  purpose: AccessPurpose;
}

/**
 * Writes one audit event per subject: sealed first, then stored with its seal, so an identity
 * is handed out only after its read is durable in the log.
 */
export async function recordAudit(
  deps: { sealer: Pick<Sealer, 'sealMany'>; repository: IdentityRepository },
  request: AuditRequest,
): Promise<void> {
  const { action, actor, purpose } = request;
  const events = request.subjectRefs.map((subjectRef) => ({
    id: randomUUID(),
    actor: actor.id,
    action,
    subjectRef,
    purpose,
  }));
  if (events.length === 0) return;
  const seals = await deps.sealer.sealMany(
    events.map((event) => ({
      kind: AUDIT_KINDS[action],
      id: event.id,
      version: 1,
      record: { action, subjectRef: event.subjectRef, actor: actor.id, purpose },
    })),
  );
  const atOf = new Map(seals.map((seal) => [seal.id, seal.at]));
  await deps.repository.insertAuditEvents(
    events.map((event) => ({ ...event, at: atOf.get(event.id) ?? new Date().toISOString() })),
    seals,
  );
}
