// Open data over HTTP: the public catalogue, the streamed files of each release, each dataset's
// methodology and corrections log, the tlog-proof of every release and correction; releases
// and corrections are made by coordinators and admins. Handlers validate, authorize (declared
// policy), call one service method, present.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorIdOf, PUBLIC, staffPolicy } from '../../http/route-policy.ts';
import type { OpenDataCorrectionService } from './open-data-corrections.service.ts';
import { DATASET_NAMES, DATASETS } from './open-data.datasets.ts';
import type { OpenDataFormat } from './open-data.formats.ts';
import { formatsOf } from './open-data.formats.ts';
import { methodologyOf } from './open-data.methodology.ts';
import type { OpenDataProofService } from './open-data.proofs.ts';
import {
  catalogueResponse,
  correctionIndexParams,
  correctionResponse,
  datasetParams,
  FILE_PATTERN,
  fileParams,
  newCorrectionSchema,
  newReleaseResponse,
  versionParams,
} from './open-data.schema.ts';
import type { OpenDataService, ReleaseView } from './open-data.service.ts';

const PUBLISHERS = staffPolicy('coordinator', 'admin');

const CONTENT_TYPES: Readonly<Record<OpenDataFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** The services behind the routes. */
export interface OpenDataServices {
  releases: OpenDataService;
  corrections: OpenDataCorrectionService;
  proofs: OpenDataProofService;
}

function catalogueOf(releases: readonly ReleaseView[]) {
  return {
    datasets: DATASET_NAMES.map((name) => {
      const own = releases.filter((release) => release.dataset === name);
      return {
        name,
        title: DATASETS[name].title,
        formats: [...formatsOf(DATASETS[name])],
        methodologyVersion: DATASETS[name].methodologyVersion,
        methodology: `/open-data/${name}/methodology`,
        corrections: `/open-data/${name}/corrections`,
        latest: own[0] ?? null,
        versions: own.map((release) => release.version),
        releases: own,
      };
    }),
  };
}

// Proofs are C2SP tlog-proof text, built under the latest checkpoint at each request.
function registerProofRoutes(app: FastifyInstance, services: OpenDataServices): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/open-data/:dataset/:version/proof',
    {
      config: { policy: PUBLIC },
      schema: { summary: 'The C2SP tlog-proof of a release', params: versionParams },
    },
    async (request, reply) => {
      const { dataset, version } = request.params;
      const proof = await services.proofs.release(dataset, Number(version));
      return reply.type('text/plain; charset=utf-8').send(proof);
    },
  );
  typed.get(
    '/open-data/:dataset/corrections/:index/proof',
    {
      config: { policy: PUBLIC },
      schema: { summary: 'The C2SP tlog-proof of a correction', params: correctionIndexParams },
    },
    async (request, reply) => {
      const { dataset, index } = request.params;
      const proof = await services.proofs.correction(dataset, Number(index));
      return reply.type('text/plain; charset=utf-8').send(proof);
    },
  );
}

function registerPublicRoutes(app: FastifyInstance, services: OpenDataServices): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/open-data',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'The open datasets and their releases',
        response: { 200: catalogueResponse },
      },
    },
    async () => catalogueOf(await services.releases.releases()),
  );
  typed.get(
    '/open-data/:dataset/:file',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'One release of a dataset (VERSION.csv|json|geojson), streamed',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const [, version = '', format = 'csv'] = FILE_PATTERN.exec(request.params.file) ?? [];
      const { dataset } = request.params;
      const release = await services.releases.exportRelease(
        dataset,
        Number(version),
        format as OpenDataFormat,
      );
      const sha256 = release.release.sha256[format as OpenDataFormat] ?? '';
      return reply
        .type(CONTENT_TYPES[format as OpenDataFormat])
        .header('content-disposition', `attachment; filename="${dataset}-${version}.${format}"`)
        .header('etag', `"${sha256}"`)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Readable.from(release.chunks));
    },
  );
  typed.get(
    '/open-data/:dataset/methodology',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'What each column means and how the dataset is disclosed',
        params: datasetParams,
      },
    },
    (request, reply) =>
      reply
        .type('text/markdown; charset=utf-8')
        .send(methodologyOf(DATASETS[request.params.dataset])),
  );
  typed.get(
    '/open-data/:dataset/corrections',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'The corrections log of a dataset',
        params: datasetParams,
        response: {
          200: z.object({ dataset: z.string(), corrections: z.array(correctionResponse) }),
        },
      },
    },
    async (request) => ({
      dataset: request.params.dataset,
      corrections: await services.corrections.list(request.params.dataset),
    }),
  );
}

/** Registers the open data routes. */
export function registerOpenDataRoutes(app: FastifyInstance, services: OpenDataServices): void {
  registerPublicRoutes(app, services);
  registerProofRoutes(app, services);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/open-data/:dataset/releases',
    {
      config: { policy: PUBLISHERS },
      schema: {
        summary: 'Make the next release of a dataset (a public log entry)',
        security: [{ session: [] }],
        params: datasetParams,
        response: { 201: newReleaseResponse },
      },
    },
    async (request, reply) => {
      const release = await services.releases.createRelease(
        request.params.dataset,
        actorIdOf(request),
      );
      return reply.code(201).send(release);
    },
  );
  typed.post(
    '/api/v1/open-data/:dataset/corrections',
    {
      config: { policy: PUBLISHERS },
      schema: {
        summary: 'Record a correction of a release (a public log entry)',
        security: [{ session: [] }],
        params: datasetParams,
        body: newCorrectionSchema,
        response: { 201: correctionResponse },
      },
    },
    async (request, reply) => {
      const view = await services.corrections.record(
        request.params.dataset,
        request.body,
        actorIdOf(request),
      );
      return reply.code(201).send(view);
    },
  );
}
