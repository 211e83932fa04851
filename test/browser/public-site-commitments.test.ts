// The public site's commitments in Debian's Chromium, 360 px wide, on a small demo served by
// `vigil serve`: under each commitment, its public evidence exactly as
// GET /api/v1/commitments/:id/evidence answers it — relation, day linked, and the released
// incident's type, date and place read from the latest incidents release, with its public id
// linking the release file that holds it. Links to incidents the release does not list (the demo
// has some) show nowhere. Fits a phone screen, switches language, and axe finds no serious or
// critical violation in the section. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { PUBLIC_SITE_DIR } from '../../src/http/web-pages.routes.ts';
import type { CommitmentEvidence } from '../../src/transparency/commitment-evidence/commitment-evidence.service.ts';
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
const SECTION = 'section[aria-labelledby="commitments"]';

type Row = Record<string, string | number | null>;

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<{ browser: Browser; server: ServerProcess; dataDir: string }> {
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
  return { browser, server, dataDir };
}

const started = skip === undefined ? await start() : undefined;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${started!.server.url}${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

/** Each listed commitment with its public evidence, and the latest incidents release's rows. */
async function published() {
  const { commitments } = await getJson<{ commitments: { id: string }[] }>(
    '/api/v1/commitments?limit=20',
  );
  const evidence = await Promise.all(
    commitments.map(({ id }) => getJson<CommitmentEvidence>(`/api/v1/commitments/${id}/evidence`)),
  );
  const version = evidence[0]?.incidentsRelease;
  assert.ok(typeof version === 'number', 'the demo released its incidents');
  const { rows } = await getJson<{ rows: Row[] }>(`/open-data/incidents/${String(version)}.json`);
  return { evidence, version, rows: new Map(rows.map((row) => [row['event_id_cnty'], row])) };
}

const EVENT_TYPES: Record<string, keyof typeof en> = {
  Battles: 'eventType.battles',
  'Explosions/Remote violence': 'eventType.explosions',
  'Violence against civilians': 'eventType.civilians',
  Protests: 'eventType.protests',
  Riots: 'eventType.riots',
  'Strategic developments': 'eventType.strategic',
};

const day = (value: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );

/** How the site words a released incident in English. */
function summaryOf(row: Row): string {
  const type = String(row['event_type']);
  const label = EVENT_TYPES[type];
  const place =
    typeof row['location'] === 'string' && row['location'] !== ''
      ? row['location']
      : en.commitmentEvidenceDistrict.replace('{{code}}', String(row['admin1']));
  return en.commitmentEvidenceIncident
    .replace('{{type}}', label === undefined ? type : en[label])
    .replace('{{date}}', day(String(row['event_date'])))
    .replace('{{place}}', place);
}

/** What the demo's database holds: links to incidents, standing, of every commitment. */
function incidentLinksInDemo(): number {
  const db = new DatabaseSync(join(started!.dataDir, 'vigil.sqlite'), { readOnly: true });
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM commitment_link l
         WHERE l.target_kind = 'incident'
           AND NOT EXISTS (SELECT 1 FROM commitment_link_withdrawal w WHERE w.link_id = l.id)`,
      )
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
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
  await page.locator(`${SECTION} h2`).scrollIntoViewIfNeeded();
  return page;
}

/** Scrolls to every commitment until its evidence has loaded. */
async function loadEvidence(page: Page, count: number) {
  const items = page.locator(`${SECTION} ul.commitments > li`);
  await items.first().waitFor();
  assert.equal(await items.count(), count, 'every listed commitment is shown');
  for (let index = 0; index < count; index++) {
    const evidence = items.nth(index).locator('.evidence');
    await evidence.scrollIntoViewIfNeeded();
    await evidence.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  }
  return items;
}

describe('the public site’s commitments and their evidence', { skip }, () => {
  let page: Page;

  it('shows under each commitment the evidence the API publishes, as the release has it', async () => {
    const { evidence, version, rows } = await published();
    const shownInApi = evidence.reduce((sum, e) => sum + e.evidence.length, 0);
    assert.ok(shownInApi >= 1, 'the demo links a released incident to a commitment');
    assert.ok(
      incidentLinksInDemo() > shownInApi,
      'the demo also links incidents the release does not list',
    );
    page = await openSite();
    const items = await loadEvidence(page, evidence.length);
    for (const [index, expected] of evidence.entries()) {
      const block = items.nth(index).locator('.evidence');
      assert.equal(await block.locator('h3').textContent(), en.commitmentEvidenceHeading);
      const shown = block.locator('li');
      if (expected.evidence.length === 0) {
        assert.equal(await shown.count(), 0);
        assert.equal(await block.locator('p').textContent(), en.commitmentEvidenceNone);
        continue;
      }
      assert.equal(await shown.count(), expected.evidence.length, `commitment ${String(index)}`);
      for (const [at, item] of expected.evidence.entries()) {
        const li = shown.nth(at);
        const row = rows.get(item.publicId);
        assert.ok(row !== undefined, 'the public id names a row of the release');
        assert.equal(item.releaseVersion, version);
        assert.equal(
          await li.locator('strong').textContent(),
          en[`commitmentEvidence.${item.relation}`],
        );
        const text = (await li.textContent()) ?? '';
        assert.ok(
          text.includes(en.commitmentEvidenceLinked.replace('{{date}}', day(item.linkedOn))),
          text,
        );
        assert.ok(text.includes(summaryOf(row)), `${text} / ${summaryOf(row)}`);
        assert.ok(
          text.includes(en.commitmentEvidenceRecord.replace('{{version}}', String(version))),
        );
        const link = li.locator('a');
        assert.equal(await link.textContent(), item.publicId);
        const href = (await link.getAttribute('href')) ?? '';
        assert.equal(href, `/open-data/incidents/${String(version)}.csv`);
        const file = await (await fetch(`${started!.server.url}${href}`)).text();
        assert.ok(file.includes(item.publicId), 'the linked file holds the row');
      }
    }
    assert.equal(
      await page.locator(`${SECTION} > p.muted`).last().textContent(),
      en.commitmentEvidenceNote,
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${String(width)} px wide`);
    const first = items.filter({ has: page.locator('.evidence li') }).first();
    await first.scrollIntoViewIfNeeded();
    await first.screenshot({ path: join(ARTIFACTS_DIR, 'public-site-commitment-evidence.png') });
  });

  it('has no serious or critical accessibility violation in the section', async () => {
    const results = await new AxeBuilder({ page }).include(SECTION).analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(severe, []);
  });

  it('words the evidence in the reader’s language', async () => {
    await page.locator('#language').selectOption('hy');
    const block = page.locator(`${SECTION} .evidence`).filter({ has: page.locator('li') });
    await block.first().locator('h3').waitFor();
    assert.equal(await block.first().locator('h3').textContent(), hy.commitmentEvidenceHeading);
    const relations = await page.locator(`${SECTION} .evidence li strong`).allTextContents();
    assert.ok(relations.length > 0);
    const words = [hy['commitmentEvidence.breach'], hy['commitmentEvidence.compliance']];
    assert.ok(
      relations.every((text) => words.includes(text)),
      relations.join(' '),
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `hy: ${String(width)} px wide`);
    assert.deepEqual(pageErrors, []);
  });
});
