// The one place where failures become HTTP answers. Every response body for an error has the
// shape ErrorBody with a catalogued code; anything unexpected is logged and answered as
// `internal` without details, so no stack trace or record content ever reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../errors/domain-error.ts';
import { ERROR_CATALOGUE, isErrorCode } from '../errors/error-catalogue.ts';
import type { ErrorBody, ErrorCode } from '../errors/error-catalogue.ts';
import { NotLeaderError } from '../log/leadership/leader-lock.pg.ts';
import { LogError } from '../log/log-error.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'invalid_request',
};

/** Sends the catalogued error `code`. */
export function sendError(reply: FastifyReply, code: ErrorCode, details?: unknown): FastifyReply {
  const body: ErrorBody = { error: { code, message: ERROR_CATALOGUE[code].message } };
  if (details !== undefined) body.error.details = details;
  void reply.code(ERROR_CATALOGUE[code].status).type('application/json').send(body);
  return reply;
}

function domainCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const code: unknown = error.code;
  return isErrorCode(code) ? code : 'internal';
}

function codeOf(error: FastifyError): ErrorCode {
  const domain = domainCode(error);
  if (domain !== undefined) return domain;
  if (hasZodFastifySchemaValidationErrors(error)) return 'invalid_request';
  // The log stopping under a request (shutdown, or a leader losing its lock mid-commit): the
  // entry was not acknowledged, and a retry reaches a log that is running.
  if (
    error instanceof NotLeaderError ||
    (error instanceof LogError && error.code === 'LOG_CLOSED')
  ) {
    return 'unavailable';
  }
  const mapped = FASTIFY_CODES[error.code];
  if (mapped !== undefined) return mapped;
  if (error.statusCode === 429) return 'rate_limited';
  // Any other client error raised by Fastify or a plugin (e.g. a malformed URL) is the
  // client's fault; never answer 500 for it.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return 'bad_request';
  }
  return 'internal';
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code = codeOf(error);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    // Details name paths, states and versions: services put no record content in them (a
    // DomainError's details are written for the client), so they are safe to answer with.
    const details =
      code === 'invalid_request' && Array.isArray(error.validation)
        ? error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message }))
        : code !== 'internal' && error instanceof DomainError
          ? error.details
          : undefined;
    return sendError(reply, code, details);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'not_found'));
}
