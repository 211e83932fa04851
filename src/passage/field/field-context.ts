// What the field slice takes from the passage context, and the small helpers every field use
// case shares: who acted, and raising alerts once a write has committed.
import type { Principal } from '../../auth/roles.ts';
import type { AlertCandidate } from '../model/alert.ts';
import type { PassageContext } from '../passage-context.ts';

/** The parts of the passage context the field services use (no identity vault: no names here). */
export type FieldContext = Pick<
  PassageContext,
  'db' | 'sealer' | 'keyring' | 'alerts' | 'now' | 'logError'
>;

/**
 * The actor id stored in history rows: the staff user behind a session or device, else the
 * credential id. Never a name.
 *
 * @example actorOf(request.principal) // the staff user's id
 */
export function actorOf(principal: Principal): string {
  return principal.userId ?? principal.tokenId;
}

/**
 * Raises `candidates` without waiting and without throwing: an alert that fails to store is
 * logged (without content) and found again by the oversight scans; the committed write stands.
 *
 * @example prepared.afterCommit = () => { raiseInBackground(ctx, alerts); };
 */
export function raiseInBackground(
  context: Pick<FieldContext, 'alerts' | 'logError'>,
  candidates: readonly AlertCandidate[],
): void {
  if (candidates.length === 0) return;
  try {
    context.alerts.raise(candidates).catch((error: unknown) => {
      context.logError(error, 'raise field alerts');
    });
  } catch (error) {
    context.logError(error, 'raise field alerts');
  }
}

/**
 * Raises `candidates` and waits for them to be stored, for staff routes that answer after the
 * alert exists; a failure is logged, never thrown (the change itself has committed).
 *
 * @example await raiseAndLog(ctx, alerts);
 */
export async function raiseAndLog(
  context: Pick<FieldContext, 'alerts' | 'logError'>,
  candidates: readonly AlertCandidate[],
): Promise<void> {
  if (candidates.length === 0) return;
  try {
    await context.alerts.raise(candidates);
  } catch (error) {
    context.logError(error, 'raise field alerts');
  }
}
