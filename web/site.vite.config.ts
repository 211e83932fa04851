// Builds the public site (web/site/) into dist/web/site/, served at / with its files under
// /site/assets/. `npm run build:web` builds it after the verify page.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

export default defineConfig(pageConfig('site', '/site/'));
