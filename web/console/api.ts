// The console's one way to the API: same-origin JSON with the session cookie, and the CSRF header
// every cookie-authenticated change needs (src/http/route-policy.ts). Errors arrive as the
// server's catalogued `{ error: { code, message } }` and are thrown as ApiError, so a view shows
// the code's translation, never a raw message.

/** A refused or failed call: the catalogue's code (or `network` when nothing answered). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Calls `method path` with `body` as JSON; resolves to the parsed answer (undefined on 204). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(method === 'GET' ? {} : { 'x-vigil-csrf': '1' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError('network', 0, 'the server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const error = (parsed as ErrorBody | undefined)?.error;
    throw new ApiError(
      error?.code ?? 'internal',
      response.status,
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return parsed as T;
}
