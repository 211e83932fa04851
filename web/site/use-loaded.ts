// A value loaded once when a section mounts: loading, loaded, or failed (shown, not thrown).
import { useEffect, useState } from 'react';

/** The state of one load. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/** Runs `load` once and follows it. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setLoaded({ state: 'ready', value });
      },
      () => {
        if (live) setLoaded({ state: 'failed' });
      },
    );
    return () => {
      live = false;
    };
    // Loaded once per mount: the loaders are module-level functions.
  }, []);
  return loaded;
}
