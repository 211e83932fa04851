// The public site (issue 5) in Debian's Chromium, 360 px wide, on a small demo served by
// `vigil serve`: it says the data is synthetic, lists the published daily reports, charts the
// released open data (passages per checkpoint and direction, incidents per reporting day by type
// and by verification status) with tables holding the same published cells, maps released
// incidents at their released places, opens the methodology page in each language, switches
// language on the page, fits a phone screen, works by keyboard, asks nothing of any other origin,
// asks for a section's figures only when the reader comes near it, and axe finds no serious or
// critical violation. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { PUBLIC_SITE_DIR } from '../../src/http/web-pages.routes.ts';
import { SUB_EVENT_TYPE_CODES } from '../../src/monitoring/model/event-taxonomy.ts';
import { METHODOLOGY } from '../../web/site/methodology/i18n/catalogues.ts';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium } from '../support/chromium.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const pageErrors: string[] = [];
const elsewhere: string[] = [];
const outlines: number[] = [];
/** The paths (and queries) the page asked this server for, in order. */
const asked: string[] = [];

type Cell = string | number | null;
type Row = Record<string, Cell>;

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

/** The rows of the latest release of `dataset`, fetched as any reader would. */
async function release(dataset: string): Promise<{ version: number; rows: Row[] }> {
  const base = started!.server.url;
  const catalogue = (await (await fetch(`${base}/api/v1/open-data`)).json()) as {
    datasets: { name: string; latest: { version: number } | null }[];
  };
  const version = catalogue.datasets.find((d) => d.name === dataset)?.latest?.version;
  assert.ok(version !== undefined, `${dataset} has a release`);
  const body = (await (
    await fetch(`${base}/open-data/${dataset}/${String(version)}.json`)
  ).json()) as {
    rows: Row[];
  };
  return { version, rows: body.rows };
}

/** How the site prints a released cell in English. */
const printed = (cell: Cell | undefined) =>
  cell === undefined
    ? '—'
    : typeof cell === 'number'
      ? new Intl.NumberFormat('en').format(cell)
      : (cell ?? '');

/** The header texts (last header row) and body rows of the table captioned `captionId`. */
async function table(page: Page, captionId: string) {
  const box = page.locator(`table:has(#${captionId})`);
  const headers = await box.locator('thead tr').last().locator('th').allTextContents();
  const rows: string[][] = await box
    .locator('tbody tr')
    .evaluateAll((trs: Element[]) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c: Element) => c.textContent)),
    );
  return { headers, rows };
}

async function axeSevere(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(started!.server.url) && !url.startsWith('data:')) elsewhere.push(url);
    else asked.push(url.slice(started!.server.url.length));
  });
  page.on('response', (response) => {
    if (/\/site\/assets\/countries-(50|110)m-[\w-]+\.json$/.test(response.url())) {
      outlines.push(response.status());
    }
  });
  await page.goto(`${started!.server.url}/`);
  await page.locator('#checkpoint-choice').waitFor();
  return page;
}

/** Scrolls to the section headed `id`, as a reader would, and waits until it has loaded. */
async function reach(page: Page, id: string): Promise<void> {
  // The section found first is a placeholder that its content replaces once near, so the
  // scroll asks for the section afresh on each frame rather than holding on to one element.
  await page.waitForFunction((selector) => {
    const section = document.querySelector(selector);
    section?.scrollIntoView({ block: 'nearest' });
    return section !== null && section.querySelector(':scope > p[aria-busy="true"]') === null;
  }, `section[aria-labelledby="${id}"]`);
}

describe('the public site', { skip }, () => {
  let page: Page;

  it('says the data is synthetic and shows the published reports and released figures', async () => {
    page = await openSite();
    assert.equal(await page.locator('h1').textContent(), 'Monitoring mission: what we see');
    assert.match((await page.locator('.synthetic').textContent()) ?? '', /SYNTHETIC DEMO DATA/);
    const reports = await page.locator('.reports a').allTextContents();
    assert.ok(reports.length >= 1 && reports.every((r) => /^Report for \d{4}-\d\d-\d\d$/.test(r)));
    // The sections under the first screen have asked for nothing yet: the page stays light for
    // a reader who reads only the top.
    const later = ['/open-data/incidents/', '/api/v1/access-restrictions', '/api/v1/commitments'];
    assert.deepEqual(
      asked.filter((path) => later.some((start) => path.startsWith(start))),
      [],
      asked.join(' '),
    );
    assert.ok(!asked.includes('/api/v1/bulletins?limit=50'), 'the reconciliation waits');
    assert.equal(await page.locator('#passages-caption').count(), 0, 'the table waits too');
    await page.locator('section[aria-labelledby="passages"] figure').scrollIntoViewIfNeeded();
    await page.locator('#passages-caption').waitFor();
    assert.match(
      (await page.locator('#passages-caption').textContent()) ?? '',
      /^.+: reporting days \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(open data release 1\)$/,
    );
    const people = await page
      .locator('section[aria-labelledby="passages"] tbody td.number')
      .allTextContents();
    assert.ok(people.length > 0, 'passage rows');
    assert.ok(
      people.every((cell) => /^([\d,]+|<5|<10|x|—)$/.test(cell)),
      people.join(' '),
    );
    for (const section of ['reconciliation', 'incidents', 'map', 'restrictions', 'commitments']) {
      await reach(page, section);
      const text = await page.locator(`section[aria-labelledby="${section}"]`).textContent();
      assert.ok(!(text ?? '').includes('could not be loaded'), `${section} loaded`);
    }
    assert.ok(
      asked.some((path) => path.startsWith('/open-data/incidents/')),
      asked.join(' '),
    );
  });

  it('charts the passages of each checkpoint, its table holding the released cells', async () => {
    const passages = page.locator('section[aria-labelledby="passages"]');
    // Charts and the map are drawn when they come near the screen.
    await passages.locator('figure').scrollIntoViewIfNeeded();
    await passages.locator('canvas').first().waitFor();
    const { rows } = await release('checkpoint_daily');
    const choice = page.locator('#checkpoint-choice');
    const codes = await choice
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.ok(codes.length >= 2, 'the demo has two checkpoints');
    for (const code of codes) {
      await choice.selectOption(code);
      const shown = await table(page, 'passages-caption');
      assert.equal(shown.headers[1], 'People leaving');
      const own = rows.filter((r) => r['checkpoint_code'] === code && r['direction'] === 'out');
      assert.equal(shown.rows.length, new Set(rows.map((r) => r['date'])).size, 'every day');
      for (const [day, cell] of shown.rows.map((r) => [r[0], r[1]])) {
        const released = own.find((r) => r['date'] === day);
        assert.equal(cell, printed(released?.['people']), `${code} ${String(day)}`);
      }
    }
    // A suppressed cell stays a marker in the table (the chart leaves a gap for it).
    const all = await passages.locator('tbody td.number').allTextContents();
    assert.ok(
      all.some((cell) => cell === '<5' || cell === 'x'),
      all.join(' '),
    );
    const canvas = await passages.locator('canvas').first().boundingBox();
    assert.ok(canvas !== null && canvas.width > 200 && canvas.width <= 330, JSON.stringify(canvas));
    await passages.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-passages.png') });
  });

  it('charts incidents per reporting day by type and by status, as the released records', async () => {
    const incidents = page.locator('section[aria-labelledby="incidents"]');
    await incidents.locator('figure').nth(1).scrollIntoViewIfNeeded();
    await incidents.locator('canvas').nth(1).waitFor();
    const { rows } = await release('incidents');
    const shown = await table(page, 'incidents-day-caption');
    const LABELS: Record<string, string> = {
      'Strategic developments': 'Strategic developments',
      Battles: 'Battles',
      'Violence against civilians': 'Violence against civilians',
      'Explosions and remote violence': 'Explosions/Remote violence',
      Verified: 'verified',
      'Verified, then corrected': 'verified_corrected',
    };
    const columns = shown.headers.slice(1);
    assert.ok(columns.includes('Verified'), columns.join('|'));
    let compared = 0;
    for (const row of shown.rows) {
      const day = row[0];
      columns.forEach((header, index) => {
        const value = LABELS[header];
        assert.ok(value !== undefined, `a known column: ${header}`);
        const count = rows.filter(
          (r) =>
            r['reporting_date'] === day &&
            (r['event_type'] === value || r['verification_status'] === value),
        ).length;
        assert.equal(row[index + 1], String(count), `${String(day)} ${header}`);
        compared += 1;
      });
    }
    assert.ok(compared > 10, 'cells compared');
    await incidents.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-incidents.png') });
  });

  it('charts incidents reported and verified per day as the daily reports published them', async () => {
    const box = page.locator('div:has(> #reported-verified)');
    await box.scrollIntoViewIfNeeded();
    await box.locator('canvas').waitFor();
    const shown = await table(page, 'reported-verified-caption');
    assert.deepEqual(shown.headers, ['Day', 'Reported', 'Verified']);
    const base = started!.server.url;
    const { bulletins } = (await (await fetch(`${base}/api/v1/bulletins?limit=200`)).json()) as {
      bulletins: { id: string; product: string; periodTo: string; corrects: unknown }[];
    };
    const daily = bulletins.filter((b) => b.product === 'daily' && b.corrects === null);
    assert.equal(shown.rows.length, Math.min(31, daily.length));
    let nonzero = 0;
    for (const row of shown.rows) {
      const report = daily.find((b) => b.periodTo.startsWith(row[0] ?? '-'));
      assert.ok(report !== undefined, `a daily report for ${String(row[0])}`);
      const { content } = (await (await fetch(`${base}/api/v1/bulletins/${report.id}`)).json()) as {
        content: { figures: { headlines: { key: string; value: Record<string, unknown> }[] } };
      };
      const published = (key: string) => {
        const value = content.figures.headlines.find((h) => h.key === key)?.value;
        if (value?.['kind'] === 'count') return printed(value['value'] as number);
        return value?.['reason'] === 'primary' ? `<${String(value['threshold'])}` : 'x';
      };
      assert.deepEqual(row.slice(1), [
        published('headline.incidentsReported'),
        published('headline.incidentsVerified'),
      ]);
      if (row[1] !== '0') nonzero += 1;
    }
    assert.ok(nonzero > 0, 'some days had incidents reported');
  });

  it('maps released incidents at their released places, and suppressed cells without a size', async () => {
    const map = page.locator('svg.map');
    await page.locator('figure.map-figure').scrollIntoViewIfNeeded();
    await map.locator('g.mark').first().waitFor();
    assert.ok(((await map.locator('title').textContent()) ?? '').startsWith('Verified incidents'));
    assert.ok(((await map.locator('desc').textContent()) ?? '').length > 20);
    const incidents = (await release('incidents')).rows;
    const placed = incidents.filter((r) => typeof r['latitude'] === 'number');
    assert.ok(placed.length > 0, 'the release places some incidents');
    const areas = await map
      .locator('g.mark')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-area') ?? ''));
    assert.deepEqual(areas.sort(), [...new Set(placed.map((r) => String(r['admin1'])))].sort());
    for (const area of areas) {
      const count = incidents.filter((r) => r['admin1'] === area).length;
      const cell = await page.locator(`.map-table tr[data-area="${area}"] td`).textContent();
      assert.equal(cell, String(count), area);
    }
    // The country outlines come from this server, as a hashed file of the build.
    await map.locator('path.land').waitFor({ state: 'attached' });
    assert.deepEqual(outlines, [200]);
    const box = await map.boundingBox();
    assert.ok(box !== null && box.width <= 330, 'the map fits the phone');
    await page.locator('section[aria-labelledby="map"]').screenshot({
      path: join(ARTIFACTS_DIR, 'public-site-map.png'),
    });

    // A day whose released casualty cell for a placed area is suppressed: drawn as a marker.
    const casualties = (await release('casualties_agg')).rows;
    const points = new Set(placed.map((r) => r['admin1']));
    const hidden = casualties.find(
      (r) => typeof r['killed'] === 'string' && points.has(r['admin1']),
    );
    assert.ok(hidden !== undefined, 'the demo has a suppressed casualty cell at a placed area');
    await page.locator('#map-measure').selectOption(String(hidden['date']));
    const mark = map.locator(`g.mark[data-area="${String(hidden['admin1'])}"]`);
    await mark.locator('rect.suppressed').waitFor();
    assert.equal(await mark.locator('circle').count(), 0, 'a suppressed cell claims no size');
    assert.equal(
      await page.locator(`.map-table tr[data-area="${String(hidden['admin1'])}"] td`).textContent(),
      hidden['killed'],
    );
    await page.locator('#map-measure').selectOption('incidents');
  });

  it('fits a 360-pixel screen and has no serious or critical accessibility violation', async () => {
    await page.locator('svg.map g.mark').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${String(width)} px wide`);
    assert.deepEqual(await axeSevere(page), []);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-en.png'), fullPage: true });
  });

  it('shows the restrictions on the mission one by one and the commitments with their history', async () => {
    const latest = page.locator('ul.restrictions li');
    assert.ok((await latest.count()) > 0, 'restrictions listed');
    assert.match((await latest.first().textContent()) ?? '', /imposed by/);
    const history = page.locator('.commitments details').first();
    await history.locator('summary').click();
    await history.locator('ol li').first().waitFor();
    assert.match((await history.locator('ol li').first().textContent()) ?? '', /^Version 1, /);
  });

  it('opens the methodology page by keyboard, in each language, with no accessibility violation', async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    let focused = '';
    for (let presses = 0; presses < 15 && focused !== '#methodology'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    }
    assert.equal(focused, '#methodology', 'the methodology link is reached with Tab');
    await page.keyboard.press('Enter');
    await page.locator('#methodology-heading').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'methodology-heading');
    for (const language of ['en', 'hy', 'ru', 'az']) {
      await page.locator('#language').selectOption(language);
      const heading = METHODOLOGY[language]?.heading ?? '';
      await page.locator('#methodology-heading', { hasText: heading }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), language);
      assert.equal(
        await page.locator('section[aria-labelledby="taxonomy"] li').count(),
        SUB_EVENT_TYPE_CODES.length,
      );
      const text = (await page.locator('article.methodology').textContent()) ?? '';
      assert.ok(text.includes('<5') && text.includes('<10') && text.includes('72'), language);
      assert.ok(!/\b(sub|family|reliability)\.\w/.test(text), `${language}: no raw keys`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${language}: ${String(width)} px wide`);
      assert.deepEqual(await axeSevere(page), [], language);
      await page.screenshot({
        path: join(ARTIFACTS_DIR, `public-site-methodology-${language}.png`),
        fullPage: true,
      });
    }
    await page.locator('#language').selectOption('en');
    await page.locator('article.methodology a[href="#"]').first().click();
    await page.locator('#passages-caption').waitFor();
    assert.equal(await page.locator('article.methodology').count(), 0);
  });

  it('switches language on the page and keeps the choice', async () => {
    await page.getByLabel('Language').selectOption('hy');
    await page.locator('h1', { hasText: 'Դիտորդական առաքելություն' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'hy');
    assert.equal(await page.locator('#passages-caption ~ thead th').first().textContent(), 'Օր');
    assert.equal(
      await page.locator('#map-measure option').first().textContent(),
      'Միջադեպեր ըստ վայրերի, բոլոր հաշվետու օրերը',
    );
    await page.reload();
    await page.locator('#checkpoint-choice').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'hy', 'kept after a reload');
    await reach(page, 'map');
    await page.locator('figure.map-figure').scrollIntoViewIfNeeded();
    await page.locator('svg.map g.mark').first().waitFor();
    assert.deepEqual(await axeSevere(page), []);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-hy.png'), fullPage: true });
  });

  it('raised no script error and no CSP violation, and asked nothing of another origin', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(elsewhere, []);
  });
});
