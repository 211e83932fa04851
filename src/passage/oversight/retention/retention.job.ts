// Retention (DOMAIN.md §6, DESIGN.md §4): identity past its retention date is crypto-shredded —
// its data key destroyed, its sealed commitment left valid, the destruction itself sealed — and
// the plates of vehicles reconciled long enough ago are erased (plate-retention.ts). This runs
// both as the system actor, daily in the server and on demand from `vigil retention apply`.
import type { PassageContext } from '../../passage-context.ts';
import { destroyExpiredPlates } from './plate-retention.ts';

/** Who destroys expired identities: the system, not a member of staff. */
export const RETENTION_ACTOR = { id: 'system:retention' } as const;

/** How often the server applies retention. */
export const RETENTION_INTERVAL_MS = 86_400_000;

/** What one application of retention destroyed. */
export interface RetentionResult {
  identities: number;
  plates: number;
}

/**
 * Crypto-shreds every identity whose retention ended before `now` and erases the plates past
 * theirs; resolves with how many of each.
 *
 * @example const { identities, plates } = await applyRetention(ctx, ctx.now())
 */
export async function applyRetention(
  ctx: Pick<PassageContext, 'vault' | 'db' | 'sealer'>,
  now: Date,
): Promise<RetentionResult> {
  const identities = await ctx.vault.applyRetention(now, RETENTION_ACTOR);
  const plates = await destroyExpiredPlates(ctx, now);
  return { identities, plates };
}
