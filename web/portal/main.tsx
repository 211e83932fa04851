/** @jsxImportSource preact */
// The resident portal (issue 5): preact, for cheap phones on bad networks. Starts in the
// reader's language and registers the service worker that lets the portal open offline.
import { render } from 'preact';
import { App } from './app.tsx';
import { firstLanguage } from './language.ts';
import { registerServiceWorker } from './offline.ts';
import './style.css';

const root = document.getElementById('root');
if (root !== null) render(<App initial={firstLanguage()} />, root);
// Once the page has loaded: the worker's first install fetches every file of the portal again,
// which on a slow network must not compete with the first visit's own requests.
window.addEventListener('load', registerServiceWorker, { once: true });
