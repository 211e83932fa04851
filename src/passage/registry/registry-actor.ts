// Who acts in the registry: the staff user behind a session or a device, else the credential
// itself (an API token). An id only, never a name: it is sealed into log records.
import type { Principal } from '../../auth/roles.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Actor } from '../../people/access.ts';

/**
 * The actor a request's principal acts as. Throws `unauthenticated` when there is none (a
 * route without a policy; the route policy normally stops such a request earlier).
 *
 * @example actorOf(request.principal) // { id: '5f0c…' }
 */
export function actorOf(principal: Principal | undefined): Actor {
  if (principal === undefined) throw new DomainError('unauthenticated', 'no principal');
  return { id: principal.userId ?? principal.tokenId };
}
