// Bulletins over HTTP. Public: the list of published bulletins (JSON), each one's published
// content (JSON: the log entry's body), page per language (HTML), PDF and C2SP tlog-proof. Staff: drafts and versions (analysts,
// coordinators, admins), writing and editing (analysts and coordinators), approval and
// publication (coordinators only; approval also needs a person other than the last editor).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import { actorIdOf, PUBLIC, staffPolicy } from '../../http/route-policy.ts';
import { bulletinDocument } from './bulletin-document.ts';
import type { BulletinDocument } from './bulletin-document.ts';
import { renderBulletinPage } from './bulletin-page.ts';
import { renderBulletinPdf } from './bulletin-pdf.ts';
import type { BulletinReadingService } from './bulletin-reading.service.ts';
import {
  correctionSchema,
  editSchema,
  idParams as params,
  newBulletinSchema,
  versionSchema,
} from './bulletin.schema.ts';
import type { BulletinService } from './bulletin.service.ts';

const READERS = staffPolicy('analyst', 'coordinator', 'admin');
const WRITERS = staffPolicy('analyst', 'coordinator');
const COORDINATORS = staffPolicy('coordinator');
const session = [{ session: [] }];

/** Most bulletins one page of the list returns. */
export const MAX_BULLETINS = 200;

const languageQuery = z.strictObject({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});

/** What the routes need. */
export interface BulletinRouteDeps {
  workflow: BulletinService;
  reading: BulletinReadingService;
  timeZone: string;
}

async function documentOf(
  deps: BulletinRouteDeps,
  id: string,
  lang: string | undefined,
): Promise<{ document: BulletinDocument; publishedAt: string }> {
  const bulletin = await deps.reading.published(id);
  const language = lang ?? bulletin.content.languages[0] ?? 'en';
  if (!bulletin.content.languages.includes(language)) {
    throw new DomainError('not_found', 'the bulletin has no version in this language');
  }
  const document = bulletinDocument(bulletin, language, deps.timeZone);
  return { document, publishedAt: bulletin.publishedAt };
}

function registerPublicRoutes(app: FastifyInstance, deps: BulletinRouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/bulletins',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'Published bulletins, newest first',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(MAX_BULLETINS).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
      },
    },
    async (request) => ({ bulletins: await deps.reading.list(request.query) }),
  );
  typed.get(
    '/api/v1/bulletins/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'A published bulletin: its content as logged (texts, figures), log index',
        params,
      },
    },
    (request) => deps.reading.published(request.params.id),
  );
  typed.get(
    '/bulletins/:id',
    { config: { policy: PUBLIC }, schema: { hide: true, params, querystring: languageQuery } },
    async (request, reply) => {
      const { document } = await documentOf(deps, request.params.id, request.query.lang);
      return reply.type('text/html; charset=utf-8').send(renderBulletinPage(document));
    },
  );
  typed.get(
    '/bulletins/:id/pdf',
    { config: { policy: PUBLIC }, schema: { hide: true, params, querystring: languageQuery } },
    async (request, reply) => {
      const { document, publishedAt } = await documentOf(
        deps,
        request.params.id,
        request.query.lang,
      );
      const pdf = await renderBulletinPdf(document, new Date(publishedAt));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="bulletin-${document.bulletinId}-${document.language}.pdf"`,
        )
        .send(pdf);
    },
  );
  typed.get(
    '/bulletins/:id/proof',
    { config: { policy: PUBLIC }, schema: { hide: true, params } },
    async (request, reply) => {
      const proof = await deps.reading.proof(request.params.id);
      return reply.type('text/plain; charset=utf-8').send(proof);
    },
  );
}

function registerStaffReads(app: FastifyInstance, deps: BulletinRouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/bulletins/drafts',
    {
      config: { policy: READERS },
      schema: {
        summary: 'Bulletins not yet published, newest first',
        security: session,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(MAX_BULLETINS).default(50),
        }),
      },
    },
    async (request) => ({ bulletins: await deps.reading.drafts(request.query.limit) }),
  );
  typed.get(
    '/api/v1/bulletins/:id/versions',
    {
      config: { policy: READERS },
      schema: { summary: 'A bulletin with every version', security: session, params },
    },
    (request) => deps.reading.withVersions(request.params.id),
  );
}

function registerWrites(app: FastifyInstance, deps: BulletinRouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { workflow } = deps;
  typed.post(
    '/api/v1/bulletins',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'Draft a daily or weekly report from the data, or write a spot report',
        security: session,
        body: newBulletinSchema,
      },
    },
    async (request, reply) => {
      const bulletin = await workflow.create(request.body, actorIdOf(request));
      return reply.code(201).send(bulletin);
    },
  );
  const step = (summary: string, policy: typeof WRITERS) => ({
    config: { policy },
    schema: { summary, security: session, params, body: versionSchema },
  });
  typed.post(
    '/api/v1/bulletins/:id/texts',
    {
      config: { policy: WRITERS },
      schema: { summary: 'Edit one language’s text', security: session, params, body: editSchema },
    },
    (request) => workflow.edit(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/bulletins/:id/figures',
    step('Draft the figures again from the data', WRITERS),
    (request) => workflow.redraft(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/bulletins/:id/approval',
    step('Approve (a coordinator other than the last editor)', COORDINATORS),
    (request) => workflow.approve(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/bulletins/:id/publication',
    step('Publish: a public log entry, its page and PDF', COORDINATORS),
    (request) => workflow.publish(request.params.id, request.body, actorIdOf(request)),
  );
  typed.post(
    '/api/v1/bulletins/:id/corrections',
    {
      config: { policy: WRITERS },
      schema: {
        summary: 'A new bulletin correcting or retracting a published one',
        security: session,
        params,
        body: correctionSchema,
      },
    },
    async (request, reply) => {
      const bulletin = await workflow.correct(request.params.id, request.body, actorIdOf(request));
      return reply.code(201).send(bulletin);
    },
  );
}

/** Registers every bulletin route. */
export function registerBulletinRoutes(app: FastifyInstance, deps: BulletinRouteDeps): void {
  registerPublicRoutes(app, deps);
  registerStaffReads(app, deps);
  registerWrites(app, deps);
}
