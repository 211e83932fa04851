// The resident portal (issue 5) in Debian's Chromium, 360 px wide, on a small demo served by
// `vigil serve`: a resident registers a household (names in two scripts) and gets its reference
// code and QR code; the code and a birth year show the journey status (the new household's, and
// a demo household that has arrived); an anonymous report gets a receipt code, which then shows
// the report's status; the language switch works and is kept; axe finds no serious or critical
// violation at any step; every step fits the screen; after a visit the portal opens offline from
// its service worker and says what needs the network; no script error, no CSP violation, and no
// code, name or birth year in any request URL. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PORTAL_DIR } from '../../src/http/web-pages.routes.ts';
import { referenceQrSvg } from '../../src/passage/registry/households/reference-qr.ts';
import {
  ARTIFACTS_DIR,
  chromiumMissing,
  installabilityErrors,
  launchChromium,
} from '../support/chromium.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const NAMES = ['Արմեն', 'Պետրոսյան', 'Анна', 'Григорян'];
/** What the browser logs for a request it could not send while offline: expected then. */
const OFFLINE_LOAD_ERROR = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';

interface Started {
  browser: Browser;
  server: ServerProcess;
  lookup: { referenceCode: string; birthYear: number };
}

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<Started> {
  await ensureWebBuilt(PORTAL_DIR);
  const dataDir = tempDir();
  const built = await runVigil(['demo', '--data', dataDir, '--seed', '7', '--scale', '0.01']);
  assert.equal(built.code, 0, built.stderr);
  const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as {
    lookup: Started['lookup'];
  };
  const server = await startServerProcess(dataDir);
  const browser = await launchChromium();
  after(async () => {
    await browser.close();
    await server.stop();
  });
  return { browser, server, lookup: accounts.lookup };
}

const started = skip === undefined ? await start() : undefined;
const pageErrors: string[] = [];
const requestUrls: string[] = [];
let offline = false;
/** While a step sends a wrong birth year on purpose: the API's 404 is then the expected answer. */
let wrongYear = false;

/** Whether the browser's `text` about the resource at `url` is what the step expects. */
function isExpected(text: string, url: string): boolean {
  if (offline && text === OFFLINE_LOAD_ERROR) return true;
  return wrongYear && text.includes('status of 404') && url.endsWith('/api/v1/status-lookup');
}

async function openPortal(): Promise<{ context: BrowserContext; page: Page }> {
  // axe needs a page of a context made for it.
  const context = await started!.browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // Requests of the page and of its service worker alike.
  context.on('request', (request) => requestUrls.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (isExpected(message.text(), message.location().url)) return;
    pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(`${started!.server.url}/portal`);
  await page.locator('#tasks-heading').waitFor();
  return { context, page };
}

/** Fails on a serious or critical axe violation, or on a page wider than the screen. */
async function assertAccessibleAndFits(page: Page, step: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${step}: the page is ${String(width)} px wide`);
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  assert.deepEqual(
    severe.map((v) => `${step}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/**
 * Asserts that the focus reaches `id`: the page moves it once the new step is drawn, a frame
 * after the step appears, so it is waited for (5 s) rather than sampled once.
 */
async function focusReaches(page: Page, id: string, message?: string): Promise<void> {
  const wait = { timeout: 5_000 };
  const reached = await page
    .waitForFunction((expected) => document.activeElement?.id === expected, id, wait)
    .then(
      () => true,
      () => false,
    );
  if (!reached) assert.equal(await focusedId(page), id, message);
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS_DIR, `portal-${name}.png`), fullPage: true });

describe('the resident portal', { skip }, () => {
  let context: BrowserContext;
  let page: Page;
  let referenceCode = '';
  let receiptCode = '';

  it('opens on its tasks, says the data is synthetic, fits the screen and passes axe', async () => {
    ({ context, page } = await openPortal());
    assert.equal(await page.locator('h1').textContent(), 'Resident portal');
    assert.match((await page.locator('.synthetic').textContent()) ?? '', /SYNTHETIC DEMO DATA/);
    assert.equal(await page.locator('.tasks button').count(), 4);
    await assertAccessibleAndFits(page, 'start');
    await shot(page, '1-start');
  });

  it('registers a household: errors announced and focused, then the code and its QR code', async () => {
    await page.getByRole('button', { name: 'Register a household' }).click();
    await focusReaches(page, 'register-heading', 'the step opens at its heading');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    assert.match(
      (await page.getByRole('alert').first().textContent()) ?? '',
      /Some answers need your attention: 5/,
    );
    await focusReaches(page, 'intention', 'the first invalid answer has the focus');
    await assertAccessibleAndFits(page, 'registration errors');
    await shot(page, '2-register-errors');

    await page.getByLabel('Leave').check();
    await page.getByLabel('Place you live in or come from (optional)').selectOption({ index: 1 });
    await page.getByLabel('Given name').fill(NAMES[0]!);
    await page.getByLabel('Family name').fill(NAMES[1]!);
    await page.getByLabel('Year of birth').fill('1979');
    await page.getByLabel('Sex').selectOption('male');
    await page.getByRole('button', { name: 'Add a member' }).click();
    await focusReaches(page, 'member-2-given', 'the new member is ready to type');
    await page.keyboard.type(NAMES[2]!);
    await page.locator('#member-2-family').fill(NAMES[3]!);
    await page.locator('#member-2-birthYear').fill('1941');
    await page.locator('#member-2-sex').selectOption('female');
    await page.getByLabel('Use it to find family members who are missing or separated').check();
    await shot(page, '3-register-filled');
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    await page.locator('#reference-code').waitFor();
    referenceCode = (await page.locator('#reference-code').textContent()) ?? '';
    assert.match(referenceCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    await focusReaches(page, 'registered-heading');
    assert.equal(await page.locator('.result p').first().textContent(), 'Members registered: 2');
    const qr = page.getByRole('img', { name: `QR code of the reference code ${referenceCode}` });
    await qr.waitFor();
    const src = (await qr.getAttribute('src')) ?? '';
    const prefix = 'data:image/svg+xml;charset=utf-8,';
    assert.ok(src.startsWith(prefix), src.slice(0, 40));
    // The very QR code the staff's registration answers for this code.
    assert.equal(decodeURIComponent(src.slice(prefix.length)), await referenceQrSvg(referenceCode));
    assert.ok(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), 'drawn');
    await assertAccessibleAndFits(page, 'registered');
    await shot(page, '4-registered');
  });

  it('shows the journey status from the code and a birth year', async () => {
    await page.getByRole('button', { name: 'Check this journey' }).click();
    await focusReaches(page, 'status-heading');
    assert.equal(await page.getByLabel('Reference code').inputValue(), referenceCode);
    await page.getByLabel('Year of birth of a member').fill('1941');
    await page.getByLabel('Year of birth of a member').press('Enter');
    await page.locator('.journeys').waitFor();
    await focusReaches(page, 'journeys-heading');
    assert.deepEqual(await page.locator('.journeys li').allTextContents(), [
      'Person 1: Registered, not yet travelling',
      'Person 2: Registered, not yet travelling',
    ]);
    await shot(page, '5-status-new');

    // A demo household that has arrived, its code typed in lower case with spaces.
    const { lookup } = started!;
    await page
      .getByLabel('Reference code')
      .fill(lookup.referenceCode.toLowerCase().replaceAll('-', ' '));
    await page.getByLabel('Year of birth of a member').fill(String(lookup.birthYear));
    await page.getByRole('button', { name: 'Check the journey' }).click();
    await page.locator('.journeys').waitFor();
    const journeys = await page.locator('.journeys li').allTextContents();
    assert.ok(journeys.length > 0);
    assert.ok(
      journeys.some((text) => /Arrived .*2023/.test(text) && text.includes('Last seen at ')),
      journeys.join(' | '),
    );
    await assertAccessibleAndFits(page, 'status');
    await shot(page, '6-status-arrived');

    wrongYear = true;
    await page.getByLabel('Year of birth of a member').fill('1900');
    await page.getByRole('button', { name: 'Check the journey' }).click();
    await page
      .getByText('No journey matches this code and year of birth.', { exact: false })
      .waitFor();
    assert.equal(await page.locator('.journeys').count(), 0);
    wrongYear = false;
  });

  it('takes an anonymous report, answers a receipt code, and follows the report up', async () => {
    await page.getByRole('link', { name: 'Back to the start' }).click();
    await focusReaches(page, 'tasks-heading');
    // By keyboard alone: Tab to the task, Enter to open it.
    for (let tab = 0; tab < 10 && (await focusedId(page)) !== 'task-report'; tab++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await focusedId(page), 'task-report');
    await page.keyboard.press('Enter');
    await focusReaches(page, 'report-heading');
    assert.ok(await page.getByLabel('Stay anonymous').isChecked(), 'anonymous unless chosen');
    await page.getByLabel('What happened?').fill('Shots heard near the bridge at night.');
    await page.getByLabel('Someone told me').check();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.locator('#receipt-code').waitFor();
    receiptCode = (await page.locator('#receipt-code').textContent()) ?? '';
    assert.match(receiptCode, /^[a-z2-7]{4}(?:-[a-z2-7]{4}){7}$/);
    await focusReaches(page, 'reported-heading');
    await assertAccessibleAndFits(page, 'report received');
    await shot(page, '7-report-received');

    await page.getByRole('button', { name: 'Follow up this report' }).click();
    assert.equal(await page.getByLabel('Receipt code').inputValue(), receiptCode);
    await page.getByRole('button', { name: 'Check the report' }).click();
    await page.locator('.status').waitFor();
    await focusReaches(page, 'report-status-heading');
    assert.equal(
      await page.locator('.status').textContent(),
      'Received: it is waiting to be read.',
    );
    await assertAccessibleAndFits(page, 'follow-up');
    await shot(page, '8-follow-up');
  });

  it('switches language on the page and keeps the choice after a reload', async () => {
    await page.getByLabel('Language').selectOption('hy');
    await page.locator('h1', { hasText: 'Բնակիչների պորտալ' }).waitFor();
    // The page names its language in an effect, a moment after the new words are drawn.
    await page.locator('html[lang="hy"]').waitFor({ state: 'attached' });
    await page.goto(`${started!.server.url}/portal`);
    await page.locator('#tasks-heading').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Բնակիչների պորտալ', 'kept');
    await assertAccessibleAndFits(page, 'Armenian');
    await shot(page, '9-hy');
    for (const [language, title] of [
      ['az', 'Sakinlər portalı'],
      ['ru', 'Портал для жителей'],
      ['en', 'Resident portal'],
    ] as const) {
      await page.locator('#language').selectOption(language);
      await page.locator('h1', { hasText: title }).waitFor();
    }
  });

  it('opens offline from its service worker after a visit, saying what needs the network', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Nothing but the test context's incognito mode keeps Chrome from installing it.
    assert.deepEqual(await installabilityErrors(context, page), ['in-incognito']);
    offline = true;
    await context.setOffline(true);
    await page.reload();
    await page.locator('#tasks-heading').waitFor();
    await page.locator('.offline').waitFor();
    assert.match((await page.locator('.offline').textContent()) ?? '', /^You are offline\./);
    assert.match((await page.locator('.synthetic').textContent()) ?? '', /SYNTHETIC/, 'kept');
    await assertAccessibleAndFits(page, 'offline');
    await shot(page, '10-offline');

    await page.getByRole('button', { name: 'Follow up a report' }).click();
    await page.getByLabel('Receipt code').fill(receiptCode);
    await page.getByRole('button', { name: 'Check the report' }).click();
    await page.getByText('The server could not be reached.', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Receipt code').inputValue(), receiptCode, 'kept');
    await shot(page, '11-offline-follow-up');

    // The service worker's cache holds the shell, and no answer of the API.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls.map((url) => new URL(url).pathname);
    });
    assert.ok(cached.includes('/portal') && cached.some((p) => p.endsWith('.js')), cached.join());
    assert.deepEqual(
      cached.filter((path) => !path.startsWith('/portal')),
      [],
    );
    await context.setOffline(false);
    offline = false;
  });

  it('raised no script error or CSP violation, and sent no code, name or year in a URL', () => {
    assert.deepEqual(pageErrors, []);
    assert.ok(requestUrls.some((url) => url.includes('/api/v1/portal/households')));
    const secrets = [
      referenceCode,
      referenceCode.replaceAll('-', ''),
      started!.lookup.referenceCode,
      receiptCode,
      receiptCode.replaceAll('-', ''),
      ...NAMES,
      '1941',
      '1979',
    ];
    // data: URIs (the QR code drawn in the page) are never sent anywhere.
    for (const url of requestUrls.filter((u) => !u.startsWith('data:'))) {
      const decoded = decodeURIComponent(url);
      for (const secret of secrets) {
        assert.ok(!decoded.includes(secret), `${url} holds ${secret}`);
      }
    }
  });
});
