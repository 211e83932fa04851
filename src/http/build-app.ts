// Builds the Fastify application from already-wired services. No I/O here beyond what the
// services do; tests call it with an in-process server and app.inject().
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { requestLogFields } from './request-log.ts';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { DeviceService } from '../auth/device.service.ts';
import { registerDeviceRoutes } from '../auth/device.routes.ts';
import { registerSessionRoutes } from '../auth/session.routes.ts';
import type { SignInRateLimit } from '../auth/session.routes.ts';
import { registerStaffRoutes } from '../auth/staff.routes.ts';
import type { StaffService } from '../auth/staff.service.ts';
import type { TokenService } from '../auth/token.service.ts';
import { registerLogRoutes } from '../log/log.routes.ts';
import type { LogRoutesDeps } from '../log/log.routes.ts';
import { registerNotaryRoutes } from '../notary/notary.routes.ts';
import type { NotaryRateLimit } from '../notary/notary.routes.ts';
import type { NotaryService } from '../notary/notary.service.ts';
import { installErrorHandling, sendError } from './error-handler.ts';
import { PUBLIC, installRoutePolicy } from './route-policy.ts';
import {
  registerConsole,
  registerPortal,
  registerPublicSite,
  registerVerifyPage,
} from './web-pages.routes.ts';

/** The services the HTTP layer presents. */
export interface AppServices {
  tokens: TokenService;
  staff: StaffService;
  devices: DeviceService;
  signInRateLimit: SignInRateLimit;
  /** The session cookie's Secure flag; 'auto': only on HTTPS requests (see session.routes.ts). */
  secureCookie?: boolean | 'auto';
  log: LogRoutesDeps;
  notary: NotaryService;
  notaryRateLimit: NotaryRateLimit;
  /** Where rate limits count; default in memory (one process). See rate-limit-store.kysely.ts. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | { level: string };
  /**
   * Set when the data directory holds the synthetic demo: every response then says so
   * (header `x-vigil-dataset`) and GET / names it, so demo figures are never taken as real.
   */
  dataset?: 'synthetic-demo';
  /** Registers the domain routes (passage, sync, alerts) wired by the composition root. */
  registerFeatures?: (app: FastifyInstance) => void;
}

/** JSON bodies larger than this are refused with payload_too_large. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** A ready-to-listen Fastify app with every route registered. */
export async function buildApp(services: AppServices): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      services.logger === undefined || services.logger === false
        ? false
        : {
            ...(services.logger === true ? {} : services.logger),
            serializers: { req: requestLogFields },
          },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    // Alert streams stay open; closing the server must not wait for clients to hang up.
    forceCloseConnections: true,
    // Errors Fastify raises before routing (a malformed URL) bypass the error handler; answer
    // them from the catalogue too.
    frameworkErrors: (_error, _request, reply) => {
      sendError(reply, 'bad_request');
    },
  });
  // The API speaks JSON only: other bodies are refused with unsupported_media_type rather than
  // reaching a handler as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Before the route policy: its onRequest hook reads the cookies this plugin's hook parses.
  await app.register(fastifyCookie);
  installRoutePolicy(app, {
    token: (token) => services.tokens.authenticate(token),
    session: (token) => services.staff.authenticateSession(token),
    device: (token) => services.devices.authenticateDevice(token),
  });
  await app.register(fastifyHelmet, { global: true });
  // Only where a route asks (entry bundles); never decompresses request bodies (no zip bombs).
  await app.register(fastifyCompress, { global: false, encodings: ['gzip', 'deflate'] });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    ...(services.rateLimitStore === undefined ? {} : { store: services.rateLimitStore }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Vigil API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerLogRoutes(app, services.log);
  registerNotaryRoutes(app, { notary: services.notary, rateLimit: services.notaryRateLimit });
  registerSessionRoutes(app, {
    staff: services.staff,
    rateLimit: services.signInRateLimit,
    secureCookie: services.secureCookie ?? 'auto',
  });
  registerStaffRoutes(app, { staff: services.staff });
  registerDeviceRoutes(app, { devices: services.devices });
  registerVerifyPage(app, {});
  app.get('/api/openapi.json', { config: { policy: PUBLIC }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  const dataset = services.dataset;
  if (dataset !== undefined) {
    app.addHook('onSend', async (_request, reply) => {
      void reply.header('x-vigil-dataset', dataset);
    });
  }
  registerPublicSite(app, {});
  registerPortal(app, {});
  registerConsole(app, {});
  // What this server is, for programs (the public site is at /).
  app.get('/api/v1', { config: { policy: PUBLIC }, schema: { hide: true } }, () => ({
    name: 'Vigil',
    ...(dataset === undefined
      ? {}
      : { dataset, notice: 'SYNTHETIC DEMO DATA: every person, place and figure is invented.' }),
    log: '/log/checkpoint',
    api: '/api/openapi.json',
  }));
  services.registerFeatures?.(app);
  await app.ready();
  return app;
}
