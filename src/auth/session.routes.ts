// Staff sign-in and sign-out. The session token travels only in the `vigil_session` cookie:
// HttpOnly (no script can read it), SameSite=Strict (never sent on cross-site navigation),
// Path=/. `Secure` is set per `secureCookie`: 'auto' adds it when the request itself arrived
// over HTTPS (Vigil terminating TLS); a deployment behind a TLS-terminating proxy, where Vigil
// sees plain HTTP, sets it to true. Always-on would break a field laptop serving plain HTTP
// on a local network (the browser would drop the cookie); tests over inject() see no Secure.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { PUBLIC, SESSION_COOKIE, staffPolicy } from '../http/route-policy.ts';
import { isStaffRole, STAFF_ROLES } from './roles.ts';
import type { Principal } from './roles.ts';
import { normaliseStaffName, SESSION_LIFETIME_MS } from './staff.service.ts';
import type { StaffService } from './staff.service.ts';

/** Sign-in attempts allowed per window, per client address and per login name. */
export interface SignInRateLimit {
  max: number;
  timeWindowMs: number;
}

/** What the session routes need. */
export interface SessionRoutesDeps {
  staff: StaffService;
  rateLimit: SignInRateLimit;
  secureCookie: boolean | 'auto';
}

// Generous bounds only: a code or password of an odd length gets the same 401 as a wrong one
// (the service refuses it); only a body that is not a sign-in at all gets 422.
const SignInRequest = z.strictObject({
  name: z.string().max(200),
  password: z.string().max(1024),
  totp: z.string().max(64),
});

const SessionResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  expiresAt: z.string(),
});

function describeSession(principal: Principal): z.infer<typeof SessionResponse> {
  const { userId, expiresAt, role } = principal;
  if (userId === undefined || expiresAt === undefined || !isStaffRole(role)) {
    throw new DomainError('forbidden', 'not a staff session');
  }
  return { id: userId, name: principal.name, role, expiresAt };
}

function signedInPrincipal(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new DomainError('unauthenticated', 'no principal');
  return request.principal;
}

function nameKey(request: FastifyRequest): string {
  const body: unknown = request.body;
  const name = typeof body === 'object' && body !== null && 'name' in body ? body.name : '';
  return `sign-in-name:${typeof name === 'string' ? normaliseStaffName(name) : ''}`;
}

/** Refuses a sign-in past the per-address or the per-name limit, before any password work. */
function signInLimiter(app: FastifyInstance, limit: SignInRateLimit) {
  const options = { max: limit.max, timeWindow: limit.timeWindowMs };
  const byAddress = app.createRateLimit({ ...options, keyGenerator: (r) => `sign-in:${r.ip}` });
  const byName = app.createRateLimit({ ...options, keyGenerator: nameKey });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const results = await Promise.all([byAddress(request), byName(request)]);
    let retryAfter = 0;
    for (const result of results) {
      if (!result.isAllowed && result.isExceeded) {
        retryAfter = Math.max(retryAfter, result.ttlInSeconds);
      }
    }
    if (retryAfter > 0) {
      void reply.header('retry-after', String(retryAfter));
      throw new DomainError('rate_limited', 'too many sign-in attempts');
    }
  };
}

/** Registers POST, GET and DELETE /api/v1/session. */
export function registerSessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const cookie = {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: deps.secureCookie,
  } as const;
  typed.post(
    '/api/v1/session',
    {
      config: { policy: PUBLIC },
      preHandler: signInLimiter(app, deps.rateLimit),
      schema: {
        summary: 'Sign in with name, password and TOTP code; sets the session cookie',
        body: SignInRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const session = await deps.staff.signIn(request.body);
      void reply.header('cache-control', 'no-store').setCookie(SESSION_COOKIE, session.token, {
        ...cookie,
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      return describeSession(session.principal);
    },
  );
  typed.get(
    '/api/v1/session',
    {
      config: { policy: staffPolicy() },
      schema: {
        security: [{ session: [] }],
        summary: 'The signed-in staff user',
        response: { 200: SessionResponse },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return describeSession(signedInPrincipal(request));
    },
  );
  typed.delete(
    '/api/v1/session',
    {
      config: { policy: staffPolicy() },
      schema: {
        security: [{ session: [] }],
        summary: 'Sign out: ends the session and clears the cookie',
      },
    },
    async (request, reply: FastifyReply) => {
      await deps.staff.signOut(request.cookies[SESSION_COOKIE] ?? '');
      return reply.clearCookie(SESSION_COOKIE, cookie).code(204).send();
    },
  );
}
