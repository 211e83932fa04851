// The public site's reconciliation section in Debian's Chromium, 360 px wide, on a small demo
// served by `vigil serve`: it shows the latest published daily report's reconciliation table
// cell for cell as the report's published JSON holds it (the log entry's body), with labels and
// numbers in the reader's language, names the report's date, links the report, and axe finds no
// serious or critical violation in it. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { PUBLIC_SITE_DIR } from '../../src/http/web-pages.routes.ts';
import type { BulletinContent } from '../../src/transparency/bulletins/bulletin-content.ts';
import { translate } from '../../src/transparency/bulletins/i18n/translate.ts';
import { formatCell } from '../../src/transparency/disclosure/published-cell.ts';
import { en } from '../../web/site/i18n/en.ts';
import { hy } from '../../web/site/i18n/hy.ts';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium } from '../support/chromium.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const pageErrors: string[] = [];
const SECTION = 'section[aria-labelledby="reconciliation"]';

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

/** The latest daily report as the server lists it, and its published content. */
async function latestDaily(): Promise<{ id: string; periodTo: string; content: BulletinContent }> {
  const base = started!.server.url;
  const list = (await (await fetch(`${base}/api/v1/bulletins?limit=50`)).json()) as {
    bulletins: { id: string; product: string; periodTo: string; corrects: unknown }[];
  };
  const latest = list.bulletins
    .filter((b) => b.product === 'daily' && b.corrects === null)
    .sort((a, b) => b.periodTo.localeCompare(a.periodTo))[0];
  assert.ok(latest !== undefined, 'the demo published daily reports');
  const published = (await (await fetch(`${base}/api/v1/bulletins/${latest.id}`)).json()) as {
    content: BulletinContent;
  };
  return { ...latest, content: published.content };
}

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
  // The section loads when the reader comes near it.
  await page.locator(SECTION).scrollIntoViewIfNeeded();
  await page.locator('#reconciliation-caption').waitFor();
  return page;
}

/** The section's rows as [label, cell] texts. */
async function shownRows(page: Page): Promise<string[][]> {
  return page
    .locator(`${SECTION} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
        row.querySelector('td')?.textContent ?? '',
      ]),
    );
}

describe('the public site’s reconciliation', { skip }, () => {
  let page: Page;
  let latest: Awaited<ReturnType<typeof latestDaily>>;

  it('shows the latest daily report’s cells exactly as its published JSON has them', async () => {
    latest = await latestDaily();
    const section = latest.content.figures.sections.find((s) => s.key === 'reconciliation');
    assert.ok(section !== undefined, 'the demo’s daily reports carry the table');
    page = await openSite();
    assert.equal(await page.locator(`${SECTION} h2`).textContent(), en.reconciliationHeading);
    const expected = section.rows.map((row) => {
      const label = en[row.key as keyof typeof en];
      return [label, formatCell(row.cells[0]!, 'en')];
    });
    assert.deepEqual(await shownRows(page), expected);
    // The same rows, in the same order, as the report's own page labels them.
    assert.deepEqual(section.rows.map((row) => row.key).at(-1), 'reconciliation.departed');
    assert.ok(section.rows.every((row) => translate('en', row.key) !== row.key));
    // The caption names the report's date as the browser formats it; the link opens it.
    const date = await page.evaluate(
      (day) =>
        new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        ),
      latest.periodTo.slice(0, 10),
    );
    assert.equal(
      await page.locator('#reconciliation-caption').textContent(),
      en.reconciliationCaption.replace('{{date}}', date),
    );
    assert.equal(
      await page.locator(`${SECTION} a`).getAttribute('href'),
      `/bulletins/${latest.id}?lang=en`,
    );
    await page
      .locator(SECTION)
      .screenshot({ path: join(ARTIFACTS_DIR, 'public-site-reconciliation-en.png') });
  });

  it('fits a 360-pixel screen and has no serious or critical accessibility violation', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${String(width)} px wide`);
    const results = await new AxeBuilder({ page }).include(SECTION).analyze();
    const severe = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    assert.deepEqual(
      severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
  });

  it('shows the same published cells with Armenian labels after switching language', async () => {
    await page.getByLabel('Language').selectOption('hy');
    await page.locator(`${SECTION} h2`, { hasText: hy.reconciliationHeading }).waitFor();
    const section = latest.content.figures.sections.find((s) => s.key === 'reconciliation');
    const expected = section!.rows.map((row) => [
      hy[row.key as keyof typeof hy],
      formatCell(row.cells[0]!, 'hy'),
    ]);
    assert.deepEqual(await shownRows(page), expected);
    await page
      .locator(SECTION)
      .screenshot({ path: join(ARTIFACTS_DIR, 'public-site-reconciliation-hy.png') });
  });

  it('rests on a demo whose daily reports reconcile real departures', async () => {
    // The latest day of the demo may be quiet; the exodus days are not, and their tables hide
    // small counts as published (the site shows whichever report is the latest).
    const base = started!.server.url;
    const list = (await (await fetch(`${base}/api/v1/bulletins?limit=50`)).json()) as {
      bulletins: { id: string; product: string }[];
    };
    const departed: string[] = [];
    for (const bulletin of list.bulletins.filter((b) => b.product === 'daily')) {
      const { content } = (await (
        await fetch(`${base}/api/v1/bulletins/${bulletin.id}`)
      ).json()) as {
        content: BulletinContent;
      };
      const rows = content.figures.sections.find((s) => s.key === 'reconciliation')?.rows ?? [];
      assert.equal(rows.length, 7);
      departed.push(formatCell(rows.at(-1)!.cells[0]!));
    }
    assert.ok(departed.length >= 20, `${String(departed.length)} daily reports`);
    assert.ok(
      departed.some((cell) => /^\d+$/.test(cell) && cell !== '0'),
      `some day had departures: ${departed.join(' ')}`,
    );
  });

  it('raised no script error and no CSP violation', () => {
    assert.deepEqual(pageErrors, []);
  });
});
