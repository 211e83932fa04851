// Deny by default: a route that does not declare a policy refuses to register, so the server
// cannot start with an unguarded route. The policy is enforced in onRequest, before the body is
// even parsed, so an unauthenticated flood costs almost nothing.
//
// Credentials, in order: `Authorization: Bearer vgd_…` (a device), `Bearer …` (an API token),
// else the `vigil_session` cookie (a staff browser). A browser attaches cookies to cross-site
// requests too, so a cookie-authenticated request with an unsafe method must also carry
// `x-vigil-csrf: 1`: a custom header cannot be sent cross-origin without a CORS preflight, which
// Vigil never grants, so a forged request from another site fails (OWASP CSRF cheat sheet,
// "custom request headers"). Bearer credentials are never sent automatically and need no check.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STAFF_ROLES } from '../auth/roles.ts';
import type { CredentialKind, Principal, Role, StaffRole } from '../auth/roles.ts';
import { DomainError } from '../errors/domain-error.ts';

/** Who may call a route: anyone, or holders of `roles` through one of `via` (default any). */
export type RoutePolicy =
  { public: true } | { roles: readonly Role[]; via?: readonly CredentialKind[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** The staff session cookie's name. */
export const SESSION_COOKIE = 'vigil_session';

/** The header a cookie-authenticated unsafe request must carry, with the value '1'. */
export const CSRF_HEADER = 'x-vigil-csrf';

/** Turns presented secrets into principals; each throws `unauthenticated` on a bad secret. */
export interface Authenticators {
  token(token: string): Promise<Principal>;
  session(token: string): Promise<Principal>;
  device(token: string): Promise<Principal>;
}

/** One registered route and its declared policy. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/** Anyone, signed in or not. */
export const PUBLIC: RoutePolicy = { public: true };

/** Holders of one of `roles`, through any credential. */
export function rolesPolicy(...roles: Role[]): RoutePolicy {
  return { roles };
}

/** Staff signed in through a session with one of `roles` (every staff role if none given). */
export function staffPolicy(...roles: StaffRole[]): RoutePolicy {
  return { roles: roles.length === 0 ? STAFF_ROLES : roles, via: ['session'] };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const declaredRoutes = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route registered on `app` (HEAD twins of GET routes included), in registration order. */
export function routePolicies(app: FastifyInstance): readonly DeclaredRoute[] {
  return declaredRoutes.get(app) ?? [];
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([!-~]+)$/.exec(header);
  return match?.[1];
}

function sessionCookie(request: FastifyRequest): string | undefined {
  // request.cookies is filled by @fastify/cookie's onRequest hook, registered before this one.
  return request.cookies[SESSION_COOKIE];
}

/** The principal behind the request's credential; throws unauthenticated or forbidden. */
async function authenticate(
  request: FastifyRequest,
  authenticators: Authenticators,
): Promise<Principal> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    return bearer.startsWith('vgd_') ? authenticators.device(bearer) : authenticators.token(bearer);
  }
  const session = sessionCookie(request);
  if (session === undefined) throw new DomainError('unauthenticated', 'no credentials');
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
    throw new DomainError('forbidden', `a cookie-authenticated change needs ${CSRF_HEADER}: 1`);
  }
  return authenticators.session(session);
}

/**
 * The authenticated caller of a route whose policy names roles. 'unauthenticated' when there is
 * none, which only a public route (a programming error) can meet.
 *
 * @example const principal = callerOf(request);
 */
export function callerOf(request: { principal?: Principal | undefined }): Principal {
  if (request.principal === undefined) throw new DomainError('unauthenticated', 'no principal');
  return request.principal;
}

/**
 * The actor id that records keep for the caller: the staff user behind a session or device,
 * else the credential's id. Never a name.
 *
 * @example await service.open(request.body, actorIdOf(request));
 */
export function actorIdOf(request: { principal?: Principal | undefined }): string {
  const principal = callerOf(request);
  return principal.userId ?? principal.tokenId;
}

/** Installs the policy check; `authenticators` turn presented secrets into principals. */
export function installRoutePolicy(app: FastifyInstance, authenticators: Authenticators): void {
  const routes: DeclaredRoute[] = [];
  declaredRoutes.set(app, routes);
  app.decorateRequest('principal', undefined);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy === undefined && !route.url.startsWith('*')) {
      throw new Error(`route ${route.method.toString()} ${route.url} declares no policy`);
    }
    if (policy === undefined) return; // the not-found handler: not a route of the API
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, policy });
  });
  app.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) return; // the not-found handler
    if ('public' in policy) return;
    const principal = await authenticate(request, authenticators);
    if (policy.via !== undefined && !policy.via.includes(principal.kind)) {
      throw new DomainError('forbidden', `a ${principal.kind} credential may not call this route`);
    }
    if (!policy.roles.includes(principal.role)) {
      throw new DomainError('forbidden', `role ${principal.role} may not call this route`);
    }
    request.principal = principal;
  });
}
