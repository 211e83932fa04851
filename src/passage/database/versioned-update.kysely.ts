// Optimistic concurrency for the passage store: an UPDATE … WHERE id = ? AND version = ? AND
// state = ? changes one row or none. When none, one more read says why, so the service can
// answer 'not_found' or 'conflict' (reload and retry) instead of a silent lost update.
import type { UpdateResult } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';

/** The record a versioned update aimed at, and what the caller believed about it. */
export interface VersionedTarget {
  /** Table name, for the message. */
  kind: string;
  id: string;
  expectedVersion: number;
  expectedState?: string;
}

/** The record as it is now, or undefined if there is none. */
export type CurrentVersion = () => Promise<{ version: number; state?: string } | undefined>;

/**
 * Resolves when `result` changed exactly one row; otherwise throws DomainError 'not_found' or
 * 'conflict' (details: id, expected and current version and state).
 */
export async function requireVersionedUpdate(
  result: UpdateResult,
  target: VersionedTarget,
  current: CurrentVersion,
): Promise<void> {
  if (result.numUpdatedRows === 1n) return;
  const now = await current();
  if (now === undefined) throw new DomainError('not_found', `no ${target.kind} ${target.id}`);
  throw new DomainError('conflict', `${target.kind} ${target.id} changed meanwhile`, {
    details: {
      id: target.id,
      expectedVersion: target.expectedVersion,
      currentVersion: now.version,
      expectedState: target.expectedState,
      currentState: now.state,
    },
  });
}
