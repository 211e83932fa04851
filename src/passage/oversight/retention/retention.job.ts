// Retention (DOMAIN.md §6, DESIGN.md §4): identity past its retention date is crypto-shredded —
// its data key destroyed, its sealed commitment left valid, the destruction itself sealed. The
// vault does the work; this runs it as the system actor, daily in the server and on demand from
// `vigil retention apply`.
import type { IdentityVault } from '../../../people/identity-vault.service.ts';

/** Who destroys expired identities: the system, not a member of staff. */
export const RETENTION_ACTOR = { id: 'system:retention' } as const;

/** How often the server applies retention. */
export const RETENTION_INTERVAL_MS = 86_400_000;

/**
 * Crypto-shreds every identity whose retention ended before `now`; resolves with how many.
 *
 * @example const destroyed = await applyRetention(ctx.vault, ctx.now())
 */
export function applyRetention(
  vault: Pick<IdentityVault, 'applyRetention'>,
  now: Date,
): Promise<number> {
  return vault.applyRetention(now, RETENTION_ACTOR);
}
