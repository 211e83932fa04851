// The portal's calls to the API. Every secret (reference code, receipt code, birth year, names)
// travels in a POST body, never in a URL; no cookie is sent (the portal acts as nobody); and
// nothing is cached by the browser. Failures come back as values, never as exceptions: the
// network is often bad where the portal is used, and that is a state to show, not a crash.
import { isErrorCode } from '../../src/errors/error-catalogue.ts';
import type { ErrorCode } from '../../src/errors/error-catalogue.ts';

/** Why a call failed: a catalogued API error, or no answer at all. */
export type Failure = ErrorCode | 'network';

/** A call's outcome. */
export type Answer<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** How long a call may take on a slow network before the page says it failed. */
const TIMEOUT_MS = 45_000;

// Whether the last call reached the server. The browser's own `navigator.onLine` says only
// that some network is up — true on a phone whose signal carries nothing — so the page also
// goes by what its calls meet.
let reachable = true;
const listeners = new Set<(reachable: boolean) => void>();

function setReachable(value: boolean): void {
  if (value === reachable) return;
  reachable = value;
  for (const listener of listeners) listener(value);
}

/** Whether the server answered the last call. */
export function isServerReachable(): boolean {
  return reachable;
}

/** Calls `listener` whenever calls start or stop reaching the server; returns the unsubscribe. */
export function onReachabilityChange(listener: (reachable: boolean) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

async function request(path: string, body: unknown): Promise<Response | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => {
    abort.abort();
  }, TIMEOUT_MS);
  try {
    return await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET `path` (no body) or POST `body` as JSON to `path`. The answer's shape is the server's
 * response schema for that route; it is trusted as such (same origin, typed by the caller).
 *
 * @example const answer = await callApi<{ status: string }>('/api/v1/resident-reports/status', { receiptCode })
 */
export async function callApi<T>(path: string, body?: unknown): Promise<Answer<T>> {
  const response = await request(path, body);
  setReachable(response !== undefined);
  if (response === undefined) return { ok: false, failure: 'network' };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, failure: response.ok ? 'internal' : 'network' };
  }
  if (response.ok) return { ok: true, value: json as T };
  const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
  return { ok: false, failure: isErrorCode(code) ? code : 'internal' };
}
