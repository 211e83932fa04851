// The browser verify page (issues 5 and 7) in Debian's Chromium, 360 px wide, against served
// logs: with two witnesses cosigning and a policy requiring both, the page reports the log
// signature under the policy's key, both cosignatures, the quorum met, and a chosen record's
// inclusion; a record past the tree is refused; the language switch re-renders the report. A
// second log whose policy wants a witness that never cosigns gets "quorum not met".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  generateSignerKey,
  SIG_COSIGNATURE_V1,
  verifierKeyOf,
} from '../../src/ledger/note-keys.ts';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium } from '../support/chromium.ts';
import {
  ensureVerifyPageBuilt,
  newLogDataDir,
  startLogServer,
  startTestWitness,
} from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const pageErrors: string[] = [];

// Servers and the browser start at the top level: node:test runs an after() registered inside
// a before() hook as soon as that hook ends, which would close them before the tests.
async function startBrowser(): Promise<Browser> {
  await ensureVerifyPageBuilt();
  const started = await launchChromium();
  after(() => started.close());
  return started;
}

/** A log with two witnesses cosigning and a policy requiring both; its URL and log key. */
async function startWitnessedLog() {
  const { dataDir, signer } = newLogDataDir('verify-page.test/log');
  const logKey = verifierKeyOf(signer).text;
  const witnesses = [
    await startTestWitness(signer, 'witness.example/one'),
    await startTestWitness(signer, 'witness.example/two'),
  ];
  const policy = [
    `log ${logKey}`,
    `witness one ${witnesses[0]!.key.text}`,
    `witness two ${witnesses[1]!.key.text}`,
    'group both all one two',
    'quorum both',
    '',
  ].join('\n');
  const { url } = await startLogServer({ dataDir, policy, records: 300, witnesses });
  return { url, logKey };
}

const browser = skip === undefined ? await startBrowser() : undefined;
const witnessed = skip === undefined ? await startWitnessedLog() : undefined;

/** Opens the page at 360 px in English, recording script errors and CSP violations. */
async function openPage(url: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 360, height: 780 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${url}/verify?lang=en`);
  await page.locator('#record-results[data-state="done"]').waitFor();
  return page;
}

/** The text of the findings of `check` with `status` in the page's reports. */
async function findings(page: Page, check: string, status: string): Promise<string[]> {
  return page.locator(`li[data-check="${check}"][data-status="${status}"]`).allTextContents();
}

async function checkRecord(page: Page, index: string): Promise<void> {
  await page.getByLabel('Record number').fill(index);
  await page.getByRole('button', { name: 'Check this record' }).click();
  await page.locator('#record-results[data-state="done"]').waitFor();
}

describe('the verify page, with a policy whose quorum is met', { skip }, () => {
  let page: Page;
  const logKey = witnessed?.logKey ?? '';

  it('loads and checks the checkpoint and the newest record by itself', async () => {
    page = await openPage(witnessed!.url);
    assert.equal(await page.locator('#checkpoint-results').getAttribute('aria-busy'), 'false');
  });

  it('says which key it trusted and that the log signature verifies', async () => {
    const trusted = await findings(page, 'key', 'info');
    assert.equal(trusted.length, 1);
    assert.ok(trusted[0]!.includes('taken from the published policy'), trusted[0]);
    assert.ok(trusted[0]!.includes(logKey), 'names the key');
    const signature = await findings(page, 'signature', 'ok');
    assert.equal(signature.length, 1);
    assert.match(signature[0]!, /Signed by the log key verify-page\.test\/log.*300 records/);
  });

  it('verifies both cosignatures and says the quorum is met', async () => {
    const cosigned = await findings(page, 'witness', 'ok');
    assert.equal(cosigned.length, 2);
    assert.match(cosigned.join('\n'), /Witness one cosigned[\s\S]*Witness two cosigned/);
    assert.deepEqual(await findings(page, 'quorum', 'ok'), [
      'Passed: 2 of 2 witnesses cosigned; the policy’s quorum (both) is met.',
    ]);
    assert.deepEqual(await page.locator('li[data-status="fail"]').allTextContents(), []);
  });

  it('checks the newest record by default, then the record the reader picks', async () => {
    assert.equal(await page.getByLabel('Record number').inputValue(), '299');
    assert.match((await findings(page, 'record', 'ok'))[0]!, /^Passed: Record 299 is in the tree/);
    await checkRecord(page, '41');
    assert.deepEqual(await findings(page, 'record', 'ok'), [
      'Passed: Record 41 is in the tree of size 300: its inclusion proof leads to the signed root hash.',
    ]);
    assert.match((await findings(page, 'record', 'info'))[0]!, /leaf hash is [0-9a-f]{64}\.$/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-page.png'), fullPage: true });
  });

  it('refuses a record beyond the tree, and input that is not a record number', async () => {
    await checkRecord(page, '300');
    assert.deepEqual(await findings(page, 'record', 'fail'), [
      'Failed: Record 300 is beyond the tree: the checkpoint covers records 0 to 299 only.',
    ]);
    await checkRecord(page, '-1');
    assert.deepEqual(await findings(page, 'record', 'fail'), [
      'Failed: Enter a whole number, 0 or more.',
    ]);
  });

  it('re-renders everything in the chosen language', async () => {
    await checkRecord(page, '7');
    await page.getByLabel('Language').selectOption('ru');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.equal(await page.locator('h1').textContent(), 'Проверка журнала прозрачности');
    assert.match((await findings(page, 'record', 'ok'))[0]!, /^Пройдено: Запись 7 входит в дерево/);
    assert.match((await findings(page, 'quorum', 'ok'))[0]!, /кворум политики \(both\) достигнут/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-page-ru.png'), fullPage: true });
  });

  it('fits 360 px without sideways scrolling and runs without script or CSP errors', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    assert.deepEqual(pageErrors, []);
  });
});

describe('the verify page, with a policy whose witness never cosigned', { skip }, () => {
  it('says the witness did not cosign and the quorum is not met', async () => {
    const { dataDir, signer } = newLogDataDir('verify-page.test/quiet');
    const absent = generateSignerKey('witness.example/absent', SIG_COSIGNATURE_V1).verifierKey;
    const policy = `log ${verifierKeyOf(signer).text}\nwitness absent ${absent}\nquorum absent\n`;
    const { url } = await startLogServer({ dataDir, policy, records: 5 });
    const page = await openPage(url);
    assert.equal((await findings(page, 'signature', 'ok')).length, 1, 'the log signature is fine');
    assert.deepEqual(await findings(page, 'witness', 'fail'), [
      'Failed: Witness absent did not cosign this checkpoint.',
    ]);
    assert.deepEqual(await findings(page, 'quorum', 'fail'), [
      'Failed: 0 of 1 witnesses cosigned; the policy’s quorum (absent) is not met.',
    ]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-page-quorum-not-met.png') });
  });
});
