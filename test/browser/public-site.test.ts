// The public site (issue 5) in Debian's Chromium, 360 px wide, on a small demo served by
// `vigil serve`: it says the data is synthetic, lists the published daily reports and shows the
// released open data (passages by checkpoint and direction as released, incidents and
// restrictions counted by type), switches language on the page, fits a phone screen, and axe
// finds no serious or critical violation. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { PUBLIC_SITE_DIR } from '../../src/http/web-pages.routes.ts';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium } from '../support/chromium.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const pageErrors: string[] = [];

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<{ browser: Browser; server: ServerProcess }> {
  await ensureWebBuilt(PUBLIC_SITE_DIR);
  const dataDir = tempDir();
  const built = await runVigil(['demo', '--data', dataDir, '--seed', '7', '--scale', '0.01']);
  assert.equal(built.code, 0, built.stderr);
  const server = await startServerProcess(dataDir);
  const browser = await launchChromium();
  after(async () => {
    await browser.close();
    await server.stop();
  });
  return { browser, server };
}

const started = skip === undefined ? await start() : undefined;

async function openSite(): Promise<Page> {
  // axe needs a page of a context made for it.
  const context = await started!.browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${started!.server.url}/`);
  await page.locator('#passages-caption').waitFor();
  return page;
}

describe('the public site', { skip }, () => {
  let page: Page;

  it('says the data is synthetic and shows the published reports and released figures', async () => {
    page = await openSite();
    assert.equal(await page.locator('h1').textContent(), 'Monitoring mission: what we see');
    assert.match((await page.locator('.synthetic').textContent()) ?? '', /SYNTHETIC DEMO DATA/);
    const reports = await page.locator('.reports a').allTextContents();
    assert.ok(reports.length >= 1 && reports.every((r) => /^Report for \d{4}-\d\d-\d\d$/.test(r)));
    assert.match(
      (await page.locator('#passages-caption').textContent()) ?? '',
      /^Reporting days \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(open data release 1\)$/,
    );
    const cells = await page
      .locator('#passages ~ div tbody tr, section[aria-labelledby="passages"] tbody tr')
      .count();
    assert.ok(cells > 0, 'passage rows');
    const people = await page
      .locator('section[aria-labelledby="passages"] tbody td.number')
      .allTextContents();
    assert.ok(
      people.every((cell) => /^(\d+|<5|<10|x)$/.test(cell)),
      people.join(' '),
    );
    for (const section of ['incidents', 'restrictions', 'commitments']) {
      const text = await page.locator(`section[aria-labelledby="${section}"]`).textContent();
      assert.ok(!(text ?? '').includes('could not be loaded'), `${section} loaded`);
    }
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-en.png'), fullPage: true });
  });

  it('fits a 360-pixel screen and has no serious or critical accessibility violation', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${String(width)} px wide`);
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    assert.deepEqual(
      severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
  });

  it('switches language on the page and keeps the choice', async () => {
    await page.getByLabel('Language').selectOption('hy');
    await page.locator('h1', { hasText: 'Դիտորդական առաքելություն' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'hy');
    assert.equal(await page.locator('th').first().textContent(), 'Օր');
    await page.reload();
    await page.locator('#passages-caption').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'hy', 'kept after a reload');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-hy.png'), fullPage: true });
  });

  it('raised no script error and no CSP violation', () => {
    assert.deepEqual(pageErrors, []);
  });
});
