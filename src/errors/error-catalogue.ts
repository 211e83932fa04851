// The public catalogue of API errors. A client switches on `code`; the code never changes
// meaning once shipped. Messages are English defaults for operators; user interfaces translate
// by code. Pure data: the web app imports it too.

/** Every error code the API can answer with, and the HTTP status it maps to. */
export const ERROR_CATALOGUE = {
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  bad_request: { status: 400, message: 'The request is malformed.' },
  unauthenticated: { status: 401, message: 'Valid credentials are required.' },
  forbidden: { status: 403, message: 'These credentials may not perform this action.' },
  not_found: { status: 404, message: 'No such resource.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  already_exists: { status: 409, message: 'A record with this name or id already exists.' },
  conflict: { status: 409, message: 'The record changed meanwhile; reload and retry.' },
  invalid_transition: {
    status: 409,
    message: 'The record is not in a state that allows this change.',
  },
  two_person_rule: {
    status: 403,
    message: 'A second, different person must take this step (two-person rule).',
  },
  legal_hold: { status: 409, message: 'The record is under legal hold and cannot be removed.' },
  gone: { status: 410, message: 'This record was destroyed under its retention schedule.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  invalid_request: { status: 422, message: 'The request does not match the schema.' },
  invalid_signature: { status: 422, message: 'The device signature does not verify.' },
  rate_limited: { status: 429, message: 'Too many requests; retry later.' },
  unavailable: { status: 503, message: 'The service is shutting down or not ready.' },
  internal: { status: 500, message: 'Internal error; it has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A stable public error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when `value` is a catalogued code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
