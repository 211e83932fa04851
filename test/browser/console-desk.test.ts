// The analyst desk of the staff console (issue 5) in Debian's Chromium, 360 px wide, on a small
// demo served by `vigil serve`: a resident reports anonymously; analyst A finds the report in
// the triage queue, reads its account (an audited read), grades it, opens an incident and
// proposes `verified`; A's own confirmation is refused by the two-person rule, said in plain
// words; coordinator B, in a second browser in Russian, confirms it, proposes the clearance for
// publication and is refused in Russian when confirming it alone; A confirms the clearance. A
// device capture then raises an alert that appears on A's open desk without a reload. axe runs
// on each screen; screenshots of each step go to test-artifacts/.
import assert from 'node:assert/strict';
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS_FILE } from '../../src/demo/load/demo-accounts.ts';
import type { DemoCredentials, DemoStaffAccount } from '../../src/demo/load/demo-accounts.ts';
import { CONSOLE_DIR } from '../../src/http/web-pages.routes.ts';
import { captureSignatureMessage } from '../../src/sync/capture-signature.ts';
import { en } from '../../web/console/desk/i18n/en.ts';
import { ru } from '../../web/console/desk/i18n/ru.ts';
import { ARTIFACTS_DIR, chromiumMissing, launchChromium } from '../support/chromium.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { totpNow } from '../support/test-vigil.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();
const pageErrors: string[] = [];
/**
 * Refused calls the journey makes on purpose, which the browser logs as failed loads: the
 * shell's "who is signed in?" before each sign-in (401), and the two confirmations the
 * two-person rule refuses (403). Anything else logged as an error fails the test.
 */
const expectedRefusals = { session: 0, transitions: 0 };

const ACCOUNT =
  'Two men in uniform took a young man out of the queue at the bridge checkpoint this morning.';

interface Started {
  browser: Browser;
  server: ServerProcess;
  credentials: DemoCredentials;
  dataDir: string;
}

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<Started> {
  await ensureWebBuilt(CONSOLE_DIR);
  const dataDir = tempDir();
  const built = await runVigil(['demo', '--data', dataDir, '--seed', '7', '--scale', '0.01']);
  assert.equal(built.code, 0, built.stderr);
  const credentials = JSON.parse(
    readFileSync(join(dataDir, DEMO_ACCOUNTS_FILE), 'utf8'),
  ) as DemoCredentials;
  const server = await startServerProcess(dataDir);
  const browser = await launchChromium();
  after(async () => {
    await browser.close();
    await server.stop();
  });
  return { browser, server, credentials, dataDir };
}

const started = skip === undefined ? await start() : undefined;

/** `text` with its {{placeholders}} filled. */
function fill(text: string, values: Record<string, string> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

function staff(role: string, login: string): DemoStaffAccount {
  const found = started!.credentials.staff.find((s) => s.role === role && s.login === login);
  assert.ok(found, `demo account ${login}`);
  return found;
}

/** A page of a new 360-px context in `locale`, signed in as `account` on the desk. */
async function signIn(account: DemoStaffAccount, locale: string): Promise<Page> {
  const context = await started!.browser.newContext({
    viewport: { width: 360, height: 780 },
    locale,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    const text = message.text();
    if (where.endsWith('/api/v1/session') && text.includes('status of 401')) {
      expectedRefusals.session += 1;
    } else if (where.endsWith('/transitions') && text.includes('status of 403')) {
      expectedRefusals.transitions += 1;
    } else {
      pageErrors.push(`${text} (${where})`);
    }
  });
  await page.goto(`${started!.server.url}/console#/desk`);
  await page.locator('input[name="name"]').fill(account.login);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('input[name="totp"]').fill(totpNow(account.totpSecret));
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.desk').waitFor();
  return page;
}

/** axe finds no serious or critical violation, and nothing is wider than the screen. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `console-desk-${name}.png`), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${name}: the page is ${String(width)} px wide`);
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  assert.deepEqual(
    severe.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

/** Fills the workflow's reason and presses the button of `label`. */
async function step(page: Page, reasonLabel: string, label: string, reason: string) {
  const workflow = page.locator('section.workflow');
  await workflow.getByLabel(reasonLabel).fill(reason);
  await workflow.getByRole('button', { name: label }).click();
}

async function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${started!.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function aCheckpoint(): Promise<{ id: string; name: string }> {
  const response = await fetch(`${started!.server.url}/api/v1/places`);
  const { places } = (await response.json()) as {
    places: { id: string; kind: string; names: Record<string, string> }[];
  };
  const checkpoint = places.find((place) => place.kind === 'checkpoint');
  assert.ok(checkpoint, 'the demo has a checkpoint');
  return { id: checkpoint.id, name: checkpoint.names['en'] ?? '' };
}

/** A signed capture from the demo's monitor device: a car counted 2, declared 3. */
async function syncHeadcountMismatch(checkpointId: string): Promise<void> {
  const device = started!.credentials.device;
  const keyPath = device.keyFile.startsWith('/')
    ? device.keyFile
    : join(started!.dataDir, device.keyFile);
  const privateKey = createPrivateKey(readFileSync(keyPath));
  const capture = {
    id: randomUUID(),
    type: 'checkpoint_passage',
    capturedAt: new Date().toISOString(),
    payload: {
      checkpointId,
      direction: 'out',
      vehicle: { id: randomUUID(), kind: 'car' },
      occupants: 2,
      declaredOccupants: 3,
      screeningTypes: ['document_check'],
      outcome: 'passed',
    },
  };
  const message = captureSignatureMessage({ ...capture, deviceId: device.id });
  const signature = sign(null, message, privateKey).toString('base64');
  const answer = await postJson(
    '/api/v1/sync',
    { items: [{ ...capture, signature }] },
    { authorization: `Bearer ${device.token}` },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.match(JSON.stringify(answer.body), /"status":"applied"/);
}

describe('the analyst desk', { skip }, () => {
  let a: Page;
  let b: Page;
  let checkpoint: { id: string; name: string };
  let incidentRef = '';

  it('shows an anonymous resident report in A’s triage queue', async () => {
    checkpoint = await aCheckpoint();
    const report = await postJson('/api/v1/resident-reports', {
      account: ACCOUNT,
      language: 'en',
      occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      placeId: checkpoint.id,
      eventType: 'checkpoint_detention',
      proximity: 'eyewitness',
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    a = await signIn(staff('analyst', 'analyst'), 'en-GB');
    const entry = a.locator('button.record', { hasText: en['channel.resident_report'] });
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /Detention at a checkpoint/);
    await checkScreen(a, '1-triage-queue');
    await entry.click();
    await a.locator('#item-heading').waitFor();
    // The account is not on the page until it is read on purpose.
    assert.ok(!(await a.content()).includes(ACCOUNT), 'the account is sealed until read');
    await checkScreen(a, '2-item');
  });

  it('reads the account (audited), grades it and opens an incident', async () => {
    await a.getByRole('button', { name: en['account.read'] }).click();
    assert.equal(await a.locator('.account blockquote').textContent(), ACCOUNT);
    assert.equal(await a.locator('.account blockquote').getAttribute('lang'), 'en');
    assert.equal(
      await a.locator('.source-none, #source-heading + p').textContent(),
      en['source.none'],
    );
    const grade = a.locator('form').filter({ hasText: en['grade.credibility'] });
    await grade.getByLabel(en['credibility.2']).check();
    await grade.getByLabel(en.reason).fill('an eyewitness, consistent with patrol notes');
    await grade.getByRole('button', { name: en['grade.submit'] }).click();
    await a.locator('.facts dd', { hasText: en['credibility.2'] }).waitFor();
    await a.getByText(en['openIncident.heading']).click();
    const open = a.locator('details', { hasText: en['openIncident.heading'] });
    assert.equal(
      await open.getByLabel(en['incident.subType']).inputValue(),
      'checkpoint_detention',
      'the sub-type comes from the item',
    );
    await open.getByLabel(en['incident.narrative']).fill(ACCOUNT);
    await open.getByLabel(en.reason).fill('eyewitness report of a detention');
    await checkScreen(a, '3-open-incident');
    await open.getByRole('button', { name: en['openIncident.submit'] }).click();
    await a.locator('#incident-heading', { hasText: 'Detention at a checkpoint' }).waitFor();
    assert.equal(await a.locator('dd[data-fact="state"]').textContent(), en['state.triaged']);
    incidentRef = (await a.locator('.facts dd').first().textContent()) ?? '';
    assert.match(incidentRef, /^[0-9a-f]{8}$/);
  });

  it('proposes verified, and refuses A’s own confirmation in plain words', async () => {
    const state = (code: string) => en[`state.${code}` as keyof typeof en];
    await step(
      a,
      en.reason,
      fill(en['workflow.move'], { state: state('under_verification') }),
      'checking with a second source',
    );
    await a
      .getByText(fill(en['workflow.movedNow'], { state: state('under_verification') }))
      .waitFor();
    await step(
      a,
      en.reason,
      fill(en['workflow.propose'], { state: state('verified') }),
      'corroborated by patrol notes',
    );
    await a.getByText(fill(en['workflow.proposedNow'], { state: state('verified') })).waitFor();
    await step(
      a,
      en.reason,
      fill(en['workflow.confirm'], { state: state('verified') }),
      'confirming',
    );
    const refusal = a.locator('section.workflow [role="alert"]');
    await refusal.waitFor();
    assert.equal(await refusal.textContent(), en['error.two_person_rule']);
    assert.equal(
      await a.locator('dd[data-fact="state"]').textContent(),
      state('under_verification'),
    );
    await checkScreen(a, '4-two-person-refusal');
  });

  it('lets B, in Russian, confirm it and propose the clearance, and refuses B’s own confirmation', async () => {
    const state = (code: string) => ru[`state.${code}` as keyof typeof ru];
    b = await signIn(staff('coordinator', 'coordinator'), 'ru-RU');
    assert.equal(await b.locator('html').getAttribute('lang'), 'ru');
    // By keyboard: the section's button, then the focus lands on the section's heading.
    await b.getByRole('button', { name: ru['section.incidents'] }).focus();
    await b.keyboard.press('Enter');
    await b.waitForFunction(() => document.activeElement?.id === 'desk-section-heading');
    assert.equal(await b.locator('#desk-section-heading').textContent(), ru['section.incidents']);
    const entry = b.locator('button.record', { hasText: incidentRef });
    await entry.click();
    await b
      .getByText(
        fill(ru['workflow.proposedByColleague'], { state: state('verified') }).split(' (')[0]!,
      )
      .waitFor();
    await checkScreen(b, '5-b-incident-ru');
    await step(
      b,
      ru.reason,
      fill(ru['workflow.confirm'], { state: state('verified') }),
      'подтверждаю',
    );
    await b.getByText(fill(ru['workflow.movedNow'], { state: state('verified') })).waitFor();
    const clearance = state('cleared_for_publication');
    await step(
      b,
      ru.reason,
      fill(ru['workflow.propose'], { state: clearance }),
      'готово к публикации',
    );
    await b.getByText(fill(ru['workflow.proposedNow'], { state: clearance })).waitFor();
    await step(b, ru.reason, fill(ru['workflow.confirm'], { state: clearance }), 'подтверждаю');
    const refusal = b.locator('section.workflow [role="alert"]');
    await refusal.waitFor();
    assert.equal(await refusal.textContent(), ru['error.two_person_rule']);
    await checkScreen(b, '6-b-refusal-ru');
  });

  it('lets A confirm the clearance for publication', async () => {
    const state = (code: string) => en[`state.${code}` as keyof typeof en];
    await a.getByRole('button', { name: en['incidents.back'] }).click();
    await a.getByLabel(en['incidents.state']).selectOption('verified');
    await a.locator('button.record', { hasText: incidentRef }).click();
    await a
      .getByText(
        fill(en['workflow.proposedByColleague'], { state: state('cleared_for_publication') }).split(
          ' (',
        )[0]!,
      )
      .waitFor();
    await step(
      a,
      en.reason,
      fill(en['workflow.confirm'], { state: state('cleared_for_publication') }),
      'the summary names nobody',
    );
    await a
      .getByText(fill(en['workflow.movedNow'], { state: state('cleared_for_publication') }))
      .waitFor();
    // The answer is shown at once; the incident is read again just after.
    await a
      .locator('dd[data-fact="state"]', { hasText: state('cleared_for_publication') })
      .waitFor();
    await a.getByText(en['incident.history']).click();
    const history = (await a.locator('.history ol').textContent()) ?? '';
    assert.match(history, /verified → cleared for publication/);
    assert.match(history, /proposed by a colleague/);
    await checkScreen(a, '7-cleared');
  });

  it('links the incident to a commitment as evidence, shown in the register', async () => {
    await a.getByText(en['link.heading']).click();
    const form = a.locator('details', { hasText: en['link.heading'] });
    const commitment = form.getByLabel(en['link.commitment']);
    const commitmentName = (await commitment.locator('option:checked').textContent()) ?? '';
    await form.getByLabel(en['bearing.breach']).check();
    await form
      .getByLabel(en['link.reasoning'])
      .fill('a detention at the bridge, against the pledge');
    await form.getByRole('button', { name: en['link.submit'] }).click();
    await form.getByText(en['link.done']).waitFor();
    await a.getByRole('button', { name: en['section.commitments'] }).click();
    await a.locator('button.record', { hasText: commitmentName }).first().click();
    const evidence = a.locator('.detail li', { hasText: incidentRef });
    await evidence.waitFor();
    assert.match((await evidence.textContent()) ?? '', /a breach/);
    await checkScreen(a, '8-commitment');
  });

  it('dismisses one duplicate pair, and merges a confirmed one only when asked', async () => {
    await a.getByRole('button', { name: en['section.duplicates'] }).click();
    const cards = a.locator('li.pair');
    await cards.first().waitFor();
    await checkScreen(a, '9-duplicates');
    const received = `— ${en['state.received']}`;
    const dismissed = cards.filter({ hasNotText: received }).first();
    await dismissed.getByLabel(en.reason).fill('different vehicles on different days');
    await dismissed.getByRole('button', { name: en['duplicates.dismissed'], exact: true }).click();
    await dismissed.getByText(en['duplicates.decided.dismissed']).waitFor();
    const card = cards.filter({ hasText: received }).first();
    const sides = await card.locator('.sides li').allTextContents();
    const duplicate = sides.find((side) => side.includes(received))?.match(/[0-9a-f]{8}/)?.[0];
    const kept = sides.find((side) => !side.includes(received))?.match(/[0-9a-f]{8}/)?.[0];
    assert.ok(duplicate !== undefined && kept !== undefined, sides.join(' | '));
    await card.getByLabel(en.reason).fill('the same detention reported twice');
    await card.getByRole('button', { name: en['duplicates.confirmed'], exact: true }).click();
    await card.getByText(en['duplicates.decided.confirmed']).waitFor();
    // Confirming merged nothing: the merge is its own, explicit step.
    await card.getByLabel(fill(en['merge.into'], { from: duplicate, into: kept })).check();
    await card.locator('.follow-up').getByLabel(en.reason).fill('merging the later report');
    await card.getByRole('button', { name: en['merge.submit'] }).click();
    await card.getByText(en['merge.merged']).waitFor();
    await a.getByRole('button', { name: en['section.incidents'] }).click();
    await a.getByLabel(en['incidents.state']).selectOption('merged');
    await a.locator('button.record', { hasText: duplicate }).waitFor();
  });

  it('lets a coordinator move a tracing request, and an analyst only read it', async () => {
    await b.getByRole('button', { name: ru['section.tracing'] }).click();
    await b.getByLabel(ru['tracing.state']).selectOption('opened');
    await b.locator('button.record').first().click();
    await b.getByRole('button', { name: ru['tracingState.active_search'] }).click();
    await b
      .locator('.history li', {
        hasText: `${ru['tracingState.opened']} → ${ru['tracingState.active_search']}`,
      })
      .waitFor();
    await checkScreen(b, '10-tracing-ru');
    await a.getByRole('button', { name: en['section.tracing'] }).click();
    await a.getByLabel(en['tracing.state']).selectOption('active_search');
    await a.locator('button.record').first().click();
    await a.getByText(en['tracing.readOnly']).waitFor();
    assert.equal(await a.locator('.detail .buttons').count(), 0, 'no step for an analyst');
  });

  it('shows a new alert on the open desk at once, without a reload', async () => {
    assert.equal(await a.locator('.stream').textContent(), en['stream.live']);
    const before = await a.evaluate(() => performance.getEntriesByType('navigation').length);
    await syncHeadcountMismatch(checkpoint.id);
    const sentence = fill(en['alert.headcount_mismatch'], {
      place: checkpoint.name,
      counted: '2',
      declared: '3',
    });
    const arrived = a.locator('.live-alerts .arrived li', { hasText: sentence });
    await arrived.waitFor({ timeout: 10_000 });
    const announced = await a
      .locator('.live-alerts [role="status"][aria-live="polite"]')
      .textContent();
    assert.equal(announced, fill(en['alerts.announce'], { text: sentence }));
    assert.equal(await a.evaluate(() => performance.getEntriesByType('navigation').length), before);
    await checkScreen(a, '11-live-alert');
    await a
      .getByRole('button', { name: fill(en['alerts.showAll'], { count: '' }).split(' (')[0]! })
      .click();
    await a.locator('.records li', { hasText: sentence }).waitFor();
    await checkScreen(a, '12-alerts');
  });

  it('raised no script error and no CSP violation; only the expected refusals were logged', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(expectedRefusals, { session: 2, transitions: 2 });
  });
});
