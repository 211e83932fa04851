// POST /api/v1/sync with the device's bearer token (no cookie, so no CSRF header is needed: a
// bearer credential is never sent by the browser on its own). The answer is read into a
// BatchResult: per-item answers, or what to do when there are none.
import type { SyncItem } from '../capture/signed-capture.ts';
import type { BatchResult, SyncAnswer } from './outbox.ts';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

function isAnswer(value: unknown): value is SyncAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { id, status } = value as { id?: unknown; status?: unknown };
  return (
    typeof id === 'string' &&
    (status === 'applied' || status === 'duplicate' || status === 'rejected')
  );
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  try {
    const body = (await response.json()) as ErrorBody;
    const code = typeof body.error?.code === 'string' ? body.error.code : 'internal';
    const message = typeof body.error?.message === 'string' ? body.error.message : '';
    return { code, message };
  } catch {
    return { code: 'internal', message: '' };
  }
}

/**
 * Sends `items` as one batch with device token `token`.
 *
 * @example const result = await postSync(items, device.token);
 */
export async function postSync(
  items: readonly SyncItem[],
  token: string,
  fetcher: typeof fetch = fetch,
): Promise<BatchResult> {
  let response: Response;
  try {
    response = await fetcher('/api/v1/sync', {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ items }),
    });
  } catch {
    return { kind: 'retry' };
  }
  if (response.ok) {
    try {
      const body = (await response.json()) as { results?: unknown };
      const results = Array.isArray(body.results) ? body.results.filter(isAnswer) : [];
      return { kind: 'answered', results };
    } catch {
      // The answer was cut off: the batch may have been applied, and a resend says so.
      return { kind: 'retry' };
    }
  }
  if (response.status === 401 || response.status === 403) {
    return { kind: 'refused', code: (await errorOf(response)).code };
  }
  if (response.status === 400 || response.status === 413) {
    return { kind: 'invalid', rejection: await errorOf(response) };
  }
  return { kind: 'retry' };
}
