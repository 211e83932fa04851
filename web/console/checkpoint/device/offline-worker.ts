// Registers the console's service worker (web/console/sw.ts, built to /console/sw.js), which
// keeps the page and its files so that the console opens with no network after one visit. Its
// scope is /console itself, which the server allows with Service-Worker-Allowed: /console.

/** Registers the service worker where the browser has them; a failure only loses offline use. */
export function registerOfflineWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/console/sw.js', { scope: '/console' }).catch(() => {
    // Not fatal: the console works online as before, and the next visit tries again.
  });
}
