// Deny by default: a route that does not declare a policy refuses to register, so the server
// cannot start with an unguarded route. The policy is enforced in onRequest, before the body is
// even parsed, so an unauthenticated flood costs almost nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../auth/roles.ts';
import type { TokenService } from '../auth/token.service.ts';
import { DomainError } from '../errors/domain-error.ts';

/** Who may call a route. */
export type RoutePolicy = { public: true } | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** Anyone, signed in or not. */
export const PUBLIC: RoutePolicy = { public: true };

/** Only bearers of a token with one of `roles`. */
export function rolesPolicy(...roles: Role[]): RoutePolicy {
  return { roles };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([!-~]+)$/.exec(header);
  return match?.[1];
}

/** Installs the policy check; `tokens` authenticates bearer tokens. */
export function installRoutePolicy(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRoute', (route) => {
    if (route.config?.policy === undefined && !route.url.startsWith('*')) {
      throw new Error(`route ${route.method.toString()} ${route.url} declares no policy`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) return; // the not-found handler
    if ('public' in policy) return;
    const token = bearerToken(request);
    if (token === undefined) throw new DomainError('unauthenticated', 'no bearer token');
    const principal = await tokens.authenticate(token);
    if (!policy.roles.includes(principal.role)) {
      throw new DomainError('forbidden', `role ${principal.role} may not call this route`);
    }
    request.principal = principal;
  });
}
