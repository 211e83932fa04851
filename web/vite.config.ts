// Builds the browser verify page (web/verify/) into dist/web/verify/, served at /verify with its
// files under /verify/assets/. `npm run build:web`; npm start and npm test run it first.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

export default defineConfig(pageConfig('verify', '/verify/'));
