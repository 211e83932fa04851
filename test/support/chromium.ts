// Browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core; no browser is
// ever downloaded. On CI a missing Chromium fails the run (.ci/run installs it); elsewhere the
// browser tests are skipped with a message saying what to install.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Git-ignored folder for screenshots and other artifacts of the browser tests. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why browser tests cannot run here, or undefined when they can. Throws on CI when Chromium is
 * missing: there a browser test that does not run must fail, not pass as skipped.
 *
 * @example it('renders', { skip: chromiumMissing() }, async () => { … })
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const message = `${CHROMIUM_PATH} is missing: install Debian's chromium package to run the browser tests`;
  if (process.env['CI'] === 'true') throw new Error(message);
  process.stderr.write(`SKIPPED browser tests: ${message}\n`);
  return message;
}

/** Launches the system Chromium headless, with `extraArgs` (e.g. a fake camera) if given. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const args = [...ARGS, ...extraArgs];
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
}

/**
 * What Chrome says installing `page` as an app still lacks. A test context is an incognito one,
 * where Chrome never installs, so an installable page answers exactly ['in-incognito'].
 *
 * @example assert.deepEqual(await installabilityErrors(context, page), ['in-incognito']);
 */
export async function installabilityErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors.map((error) => error.errorId);
  } finally {
    await cdp.detach();
  }
}
