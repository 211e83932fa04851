// The desk's two ways of talking to the API from a component: a GET that follows its path
// (loading, loaded, failed with the catalogue code) and can be run again, and an action that
// remembers whether it is running and how it was refused.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';

/** A GET in progress, answered, or refused. */
export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly error: ApiError };

/** Any thrown value as an ApiError (a bug in a handler shows as `internal`, never raw). */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError('internal', 0, String(caught));
}

/**
 * GETs `path` (nothing while undefined) and again whenever `reload` is called. A reload keeps
 * showing the value it replaces, so forms below it keep their state and their messages.
 */
export function useLoad<T>(path: string | undefined): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<{ path: string | undefined; now: Loaded<T> }>({
    path,
    now: { state: 'loading' },
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === undefined) return undefined;
    let live = true;
    setLoaded((current) =>
      current.path === path && current.now.state === 'ready'
        ? current
        : { path, now: { state: 'loading' } },
    );
    api<T>('GET', path).then(
      (value) => {
        if (live) setLoaded({ path, now: { state: 'ready', value } });
      },
      (caught: unknown) => {
        if (live) setLoaded({ path, now: { state: 'failed', error: asApiError(caught) } });
      },
    );
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => {
    setRound((value) => value + 1);
  }, []);
  // A new path shows as loading at once, not with the previous path's value.
  const now: Loaded<T> = loaded.path === path ? loaded.now : { state: 'loading' };
  return { ...now, reload };
}

/** An action: whether it runs, how it was last refused, and `run` (undefined when refused). */
export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  run<T>(call: () => Promise<T>): Promise<T | undefined>;
}

/** One action of a form or a button. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await call();
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
