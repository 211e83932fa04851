// The portal offline: whether the browser has a network (to say plainly what needs one), the
// service worker that keeps the portal's shell (sw.ts), and the one fact about the server worth
// remembering offline — whether its data is a synthetic demo, so the page says so even then.
import { useEffect, useState } from 'preact/hooks';
import { callApi, isServerReachable, onReachabilityChange } from './api.ts';

/** The portal's path, which is its service worker's scope. */
const PAGE = '/portal';
/** Where the dataset label is kept (a label of the server, nothing about the person). */
const STORED_DATASET = 'vigil.portal.dataset';

/**
 * True while the browser says it has a network and the server answered the last call. When
 * the browser says the network is back, one small call finds out whether the server is too.
 */
export function useOnline(): boolean {
  const [network, setNetwork] = useState(navigator.onLine);
  const [reachable, setReachable] = useState(isServerReachable());
  useEffect(() => {
    const follow = () => {
      setNetwork(navigator.onLine);
      if (navigator.onLine) void callApi('/api/v1');
    };
    window.addEventListener('online', follow);
    window.addEventListener('offline', follow);
    const unsubscribe = onReachabilityChange(setReachable);
    return () => {
      window.removeEventListener('online', follow);
      window.removeEventListener('offline', follow);
      unsubscribe();
    };
  }, []);
  return network && reachable;
}

/**
 * Registers the portal's service worker for the whole portal (the server allows the scope
 * with Service-Worker-Allowed). A browser without service workers, or one that refuses (a
 * private window), still has the portal: only the offline start is lost, so that is not an error.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${PAGE}/sw.js`, { scope: PAGE }).catch(() => undefined);
}

/** The dataset label last seen (GET /api/v1), for an offline start. */
export function storedDataset(): string | undefined {
  try {
    return localStorage.getItem(STORED_DATASET) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the dataset label `dataset` (none: forgets it). */
export function storeDataset(dataset: string | undefined): void {
  try {
    if (dataset === undefined) localStorage.removeItem(STORED_DATASET);
    else localStorage.setItem(STORED_DATASET, dataset);
  } catch {
    // Storage refused: the label is then shown only while the server answers.
  }
}
