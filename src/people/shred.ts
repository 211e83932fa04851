// Crypto-shredding (issue 3, "Retention schedules"): a record is destroyed by destroying its
// data key. The destruction is sealed as 'person.destroyed', the next version of the person's
// record, so the log shows that, when and why it was destroyed while the commitment to the
// ciphertexts made when it was stored stays valid.
import { DomainError } from '../errors/domain-error.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Actor } from './access.ts';
import type { IdentityRepository } from './identity-vault.repository.ts';

/** Why a record is destroyed (sealed, so a closed list: free text could carry identity). */
export const SHRED_REASONS = [
  'retention_expired',
  'subject_request',
  'consent_withdrawn',
  'erroneous_record',
  'legal_order',
] as const;

/** One of SHRED_REASONS. */
export type ShredReason = (typeof SHRED_REASONS)[number];

/** Throws DomainError 'invalid_request' unless `reason` is one of SHRED_REASONS. */
export function requireShredReason(reason: string): asserts reason is ShredReason {
  if (!(SHRED_REASONS as readonly string[]).includes(reason)) {
    throw new DomainError('invalid_request', `reason must be one of ${SHRED_REASONS.join(', ')}`);
  }
}

/** Records to shred, at their current versions. */
export interface ShredRequest {
  rows: readonly { personRef: string; keyId: string; version: number }[];
  reason: ShredReason;
  actor: Actor;
  at: string;
}

/**
 * Seals and performs the destruction of `rows`; returns how many were destroyed (fewer when
 * some were destroyed meanwhile: their seals name no stored record, which is harmless).
 */
export async function shredPeople(
  deps: {
    sealer: Pick<Sealer, 'sealMany'>;
    repository: IdentityRepository;
    keys: { forget(keyId: string): void };
  },
  request: ShredRequest,
): Promise<number> {
  const { rows, reason, actor } = request;
  requireShredReason(reason);
  if (rows.length === 0) return 0;
  const seals = await deps.sealer.sealMany(
    rows.map((row) => ({
      kind: 'person.destroyed',
      id: row.personRef,
      version: row.version + 1,
      record: { personRef: row.personRef, keyId: row.keyId, reason, actor: actor.id },
    })),
  );
  const destructions = rows.map((row) => ({
    personRef: row.personRef,
    keyId: row.keyId,
    version: row.version + 1,
    reason,
  }));
  try {
    return (await deps.repository.destroy(destructions, seals, request.at)).length;
  } finally {
    // Even if the write failed: a key is cheap to unwrap again, not worth keeping in doubt.
    for (const row of rows) deps.keys.forget(row.keyId);
  }
}
