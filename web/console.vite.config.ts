// Builds the staff console (web/console/) into dist/web/console/, served at /console with
// its files under /console/. `npm run build:web` builds it with the other pages.
import { defineConfig } from 'vite';
import { pageConfig } from './page.vite.ts';

export default defineConfig(pageConfig('console', '/console/'));
