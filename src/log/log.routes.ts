// The log as C2SP tlog-tiles static resources under /log/, plus a small JSON description.
// Tiles and bundles never change once served, so they are cacheable forever; the checkpoint
// moves, so it is cached for a few seconds only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { parseTilePath, TILE_WIDTH } from '../ledger/tiles.ts';
import type { ParsedTilePath } from '../ledger/tiles.ts';
import { DomainError } from '../errors/domain-error.ts';
import { PUBLIC } from '../http/route-policy.ts';
import { acceptsGzip, GzippedBundles } from './gzipped-bundles.ts';
import type { LogReader } from './log-reader.ts';
import type { StoredCheckpoint } from './log-store.port.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHECKPOINT_CACHE = 'public, max-age=5';
// The policy changes only when the operator restarts with another; a minute keeps it fresh.
const POLICY_CACHE = 'public, max-age=60';

/** What the log routes need. */
export interface LogRoutesDeps {
  origin: string;
  verifierKey: string;
  latest: () => StoredCheckpoint;
  reader: LogReader;
  /** The C2SP tlog-policy text served at /log/policy, already checked (published-policy.ts). */
  policy?: string | undefined;
}

function parsePath(path: string): ParsedTilePath {
  try {
    return parseTilePath(path);
  } catch (error) {
    if (isLedgerError(error)) throw new DomainError('not_found', error.message, { cause: error });
    throw error;
  }
}

async function readResource(deps: LogRoutesDeps, path: ParsedTilePath) {
  return path.kind === 'entries'
    ? deps.reader.readBundle(path.index, path.width)
    : deps.reader.readTile(path.level, path.index, path.width);
}

/** Registers GET /log/checkpoint, GET /log/policy, GET /log/tile/… and GET /api/v1/log. */
export function registerLogRoutes(app: FastifyInstance, deps: LogRoutesDeps): void {
  const gzippedBundles = new GzippedBundles();
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/log/checkpoint',
    { config: { policy: PUBLIC }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('cache-control', CHECKPOINT_CACHE)
        .type('text/plain; charset=utf-8')
        .send(deps.latest().note),
  );
  typed.get(
    '/log/policy',
    { config: { policy: PUBLIC }, schema: { hide: true } },
    async (_request, reply) => {
      const { policy } = deps;
      if (policy === undefined) throw new DomainError('not_found', 'this log publishes no policy');
      return reply
        .header('cache-control', POLICY_CACHE)
        .type('text/plain; charset=utf-8')
        .send(policy);
    },
  );
  typed.get(
    '/log/tile/*',
    { config: { policy: PUBLIC }, schema: { hide: true, params: z.object({ '*': z.string() }) } },
    async (request, reply) => {
      const path = parsePath(`tile/${request.params['*']}`);
      const data = await readResource(deps, path);
      if (data === undefined) throw new DomainError('not_found', 'no such tile at this size');
      const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      reply.header('cache-control', IMMUTABLE).type('application/octet-stream');
      // tlog-tiles: entry bundles SHOULD be compressed; tiles are hashes and would not shrink.
      if (path.kind === 'entries' && path.width === TILE_WIDTH) {
        reply.header('vary', 'accept-encoding');
        if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(body);
        const zipped = await gzippedBundles.get(path.index, body);
        return reply.header('content-encoding', 'gzip').send(zipped);
      }
      if (path.kind === 'entries') {
        reply.compress(body);
        return reply;
      }
      return reply.send(body);
    },
  );
  typed.get(
    '/api/v1/log',
    {
      config: { policy: PUBLIC },
      schema: {
        summary: 'Describe the transparency log',
        response: { 200: z.object({ origin: z.string(), vkey: z.string(), size: z.number() }) },
      },
    },
    () => ({ origin: deps.origin, vkey: deps.verifierKey, size: deps.latest().size }),
  );
}
