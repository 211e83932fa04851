// The journeys of issue 5 ("Tested in a real browser"), end to end in Debian's Chromium on a
// 360-px screen, on the small demo served by `vigil serve`, each step photographed into
// test-artifacts/ (journey-*.png) and checked by axe:
// 1. a resident registers a household on the portal and reads its reference code off the page;
// 2. a monitor signs in to the console, registers the phone as a device while online, loses the
//    network, reloads (the service worker serves the console), and types the household's code
//    at the bridge checkpoint (a passage) and at the reception point (its arrival, registered by
//    the host authority: one capture per member); back online the outbox drains to 0, and the
//    server, asked as a coordinator, moved each journey exactly once per capture;
// 3. the family check on the portal (the code and a member's year of birth) shows the arrival;
// 4. a report comes in anonymously on the portal; an analyst opens an incident from it and
//    proposes `verified`, a coordinator confirms it and proposes the clearance for publication,
//    and the analyst confirms the clearance (the two-person rule on both steps);
// 5. the daily report of the reporting day of those captures is drafted, edited, approved and
//    published through the API, and the public dashboard lists it and shows its reconciliation
//    cell for cell as published, its page its passages.
// No script error or CSP violation anywhere but the expected refusals listed at the end, and no
// reference code, receipt code, name or year of birth in any URL the browser asked for.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readDemoCredentials } from '../../src/demo/load/demo-accounts.ts';
import type { DemoCredentials } from '../../src/demo/load/demo-accounts.ts';
import { CONSOLE_DIR, PORTAL_DIR, PUBLIC_SITE_DIR } from '../../src/http/web-pages.routes.ts';
import type { BulletinContent } from '../../src/transparency/bulletins/bulletin-content.ts';
import { DEFAULT_BULLETIN_SETTINGS } from '../../src/transparency/bulletins/bulletin-settings.ts';
import { translate } from '../../src/transparency/bulletins/i18n/translate.ts';
import { ReportingDays } from '../../src/transparency/bulletins/reporting-days.ts';
import { formatCell } from '../../src/transparency/disclosure/published-cell.ts';
import { en as desk } from '../../web/console/desk/i18n/en.ts';
import { en as site } from '../../web/site/i18n/en.ts';
import { chromiumMissing, launchChromium } from '../support/chromium.ts';
import {
  checkStep,
  openPhonePage,
  secretsInUrl,
  signInOnConsole,
  staffApiOf,
} from '../support/journey-pages.ts';
import type { JourneyLog, StaffApi } from '../support/journey-pages.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();

/** The household a resident registers: names in two scripts, one year of birth each. */
const MEMBERS = [
  { given: 'Լուսինե', family: 'Արզումանյան', year: 1977, sex: 'female' },
  { given: 'Арам', family: 'Арзуманян', year: 2011, sex: 'male' },
] as const;
const ACCOUNT = 'At the bridge checkpoint a young man was taken out of the queue and held.';

interface Place {
  id: string;
  kind: string;
  names: { en: string };
}

interface Started {
  browser: Browser;
  server: ServerProcess;
  accounts: DemoCredentials;
  bridge: Place;
  reception: Place;
}

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<Started> {
  for (const dir of [PORTAL_DIR, CONSOLE_DIR, PUBLIC_SITE_DIR]) await ensureWebBuilt(dir);
  const dataDir = tempDir();
  const built = await runVigil(['demo', '--data', dataDir, '--seed', '7', '--scale', '0.01']);
  assert.equal(built.code, 0, built.stderr);
  const accounts = readDemoCredentials(dataDir);
  assert.ok(accounts !== undefined, 'the demo keeps its accounts');
  const server = await startServerProcess(dataDir);
  const browser = await launchChromium();
  after(async () => {
    await browser.close();
    await server.stop();
  });
  const { places } = (await (await fetch(`${server.url}/api/v1/places`)).json()) as {
    places: Place[];
  };
  // The demo's corridor: exit posts → the bridge checkpoint → the reception point → the centre.
  const bridge = places.find((place) => place.kind === 'checkpoint');
  const reception = places.find((place) => place.kind === 'reception_point');
  assert.ok(bridge !== undefined && reception !== undefined, 'the demo has both places');
  return { browser, server, accounts, bridge, reception };
}

const started = skip === undefined ? await start() : undefined;
const log: JourneyLog = { requestUrls: [], problems: [] };

function staff(login: string) {
  const account = started!.accounts.staff.find((member) => member.login === login);
  assert.ok(account !== undefined, `demo account ${login}`);
  return account;
}

/** One POST /api/v1/sync the console made: the items sent, the answer, the credential. */
interface SyncExchange {
  items: {
    id: string;
    type: string;
    capturedAt: string;
    payload: Record<string, unknown>;
    signature: string;
  }[];
  results: { id: string; status: string }[];
  authorization: string;
}

interface JourneyView {
  journey: { id: string; householdId: string | null; state: string; lastPlaceId: string | null };
  history: { from: string; to: string; placeId: string | null; sourceItemId: string | null }[];
}

/** `text` with its {{placeholders}} filled. */
function fill(text: string, values: Record<string, string> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

const stateName = (code: string) => desk[`state.${code}` as keyof typeof desk];

/** Fills the verification workflow's reason and presses the button of `label`. */
async function workflowStep(page: Page, label: string, reason: string): Promise<void> {
  const workflow = page.locator('section.workflow');
  await workflow.getByLabel(desk.reason).fill(reason);
  await workflow.getByRole('button', { name: label }).click();
}

describe('the journeys of issue 5, end to end', { skip }, () => {
  const base = started?.server.url ?? '';
  let portal: Page;
  let referenceCode = '';
  let receiptCode = '';
  /** The settlement the report names, as the portal lists it. */
  let reportPlace = '';
  let monitorContext: BrowserContext;
  let monitor: Page;
  const syncs: SyncExchange[] = [];
  let analyst: { context: BrowserContext; page: Page; api: StaffApi };
  let coordinator: { context: BrowserContext; page: Page; api: StaffApi };
  let publishedId = '';
  let content: BulletinContent;

  it('1. a resident registers a household on the portal and gets its reference code', async () => {
    ({ page: portal } = await openPhonePage(started!.browser, log, 'portal'));
    await portal.goto(`${base}/portal`);
    await portal.getByRole('button', { name: 'Register a household' }).click();
    await portal.getByLabel('Leave').check();
    const [first, second] = MEMBERS;
    await portal.getByLabel('Given name').fill(first.given);
    await portal.getByLabel('Family name').fill(first.family);
    await portal.getByLabel('Year of birth').fill(String(first.year));
    await portal.getByLabel('Sex').selectOption(first.sex);
    await portal.getByRole('button', { name: 'Add a member' }).click();
    await portal.locator('#member-2-given').fill(second.given);
    await portal.locator('#member-2-family').fill(second.family);
    await portal.locator('#member-2-birthYear').fill(String(second.year));
    await portal.locator('#member-2-sex').selectOption(second.sex);
    await checkStep(portal, '1a-portal-register');
    await portal.getByRole('button', { name: 'Register', exact: true }).click();
    await portal.locator('#reference-code').waitFor();
    referenceCode = (await portal.locator('#reference-code').textContent()) ?? '';
    assert.match(referenceCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    assert.equal(await portal.locator('.result p').first().textContent(), 'Members registered: 2');
    await checkStep(portal, '1b-portal-registered');
  });

  it('2a. a monitor signs in, registers the phone while online, and goes offline', async () => {
    ({ context: monitorContext, page: monitor } = await openPhonePage(
      started!.browser,
      log,
      'console (monitor)',
    ));
    monitorContext.on('response', async (response) => {
      if (!response.url().endsWith('/api/v1/sync')) return;
      const request = response.request();
      syncs.push({
        items: (request.postDataJSON() as { items: SyncExchange['items'] }).items,
        results: ((await response.json()) as { results: SyncExchange['results'] }).results,
        authorization: (await request.allHeaders())['authorization'] ?? '',
      });
    });
    await signInOnConsole(monitor, `${base}/console#/checkpoint`, staff('monitor'));
    await monitor.getByRole('heading', { name: 'Register this device' }).waitFor();
    await checkStep(monitor, '2a-console-register-device');
    await monitor.getByRole('button', { name: 'Register this device' }).click();
    await monitor.getByText('This device: Checkpoint phone').waitFor();
    await monitor.getByText(/^Lists downloaded .*; households expected: [1-9]\d*\.$/).waitFor();
    await monitor.getByLabel('Checkpoint', { exact: true }).selectOption(started!.bridge.id);
    await monitor.getByLabel('Leaving').check();
    await monitor.getByRole('button', { name: 'Scan the QR code' }).waitFor();
    await checkStep(monitor, '2b-console-station-online');
    await monitor.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await monitorContext.setOffline(true);
    await monitor.reload();
    await monitor
      .getByText('No connection: passages are kept on this device and sent later.')
      .waitFor();
    await monitor.getByText('This device: Checkpoint phone').waitFor();
    assert.ok(
      await monitor.evaluate(() => navigator.serviceWorker.controller !== null),
      'the service worker served the page',
    );
    await checkStep(monitor, '2c-console-offline');
  });

  it('2b. offline, types the code at the bridge (a passage) and at the reception point (the arrival): 3 wait', async () => {
    const typeCode = async () => {
      await monitor.getByLabel('Reference code').fill(referenceCode.toLowerCase());
      await monitor.getByLabel('Reference code').press('Enter');
      await monitor.getByText('Household found: 2 people listed.').waitFor();
    };
    await typeCode();
    await checkStep(monitor, '2d-console-passage-form');
    await monitor.getByRole('button', { name: 'Passed', exact: true }).click();
    await monitor.getByText('Waiting to sync: 1').waitFor();
    await monitor.getByText(/^Passage recorded at .* and signed\.$/).waitFor();

    const { reception } = started!;
    await monitor.getByLabel('Checkpoint', { exact: true }).selectOption(reception.id);
    // No direction at a reception point: people arrive there.
    await monitor.getByText('People arrive here: record each household’s arrival.').waitFor();
    assert.equal(await monitor.getByLabel('Leaving').count(), 0);
    assert.equal(await monitor.getByRole('button', { name: 'Record without a code' }).count(), 0);
    await typeCode();
    await monitor.getByRole('heading', { name: 'Record the arrival' }).waitFor();
    assert.equal(await monitor.evaluate(() => document.activeElement?.id), 'arrival-heading');
    await monitor.getByText('People arriving: 2').waitFor();
    await checkStep(monitor, '2e-console-arrival-form');
    // The household's second tap here: the code's Enter was the first.
    await monitor
      .getByRole('button', { name: 'Arrived and registered by the host authority' })
      .click();
    await monitor.getByText('Waiting to sync: 3').waitFor();
    await monitor.getByText(/^Arrival recorded at .* and signed\.$/).waitFor();
    const lines = await monitor.locator('.outbox-list li').allTextContents();
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', new RegExp(`${started!.bridge.names.en}: 2 people, Passed$`));
    for (const line of lines.slice(1)) {
      const arrived = `${reception.names.en}: one person, Arrived and registered by the host`;
      assert.ok(line.includes(arrived), line);
    }
    assert.ok(!(await monitor.content()).includes(referenceCode), 'the code is kept nowhere');
    assert.equal(syncs.length, 0, 'nothing was sent offline');
    await checkStep(monitor, '2f-console-three-waiting');
  });

  it('2c. back online, the captures sync once: the outbox drains to 0', async () => {
    await monitorContext.setOffline(false);
    await monitor.getByText('Waiting to sync: 0').waitFor({ timeout: 60_000 });
    await monitor.getByText('Nothing is waiting: every passage has reached the server.').waitFor();
    await checkStep(monitor, '2g-console-synced');
    // The arrivals move the journeys the passage moved; the server applies them after it in
    // the same batch (capture order), so one request carries all three.
    assert.deepEqual(
      syncs.map((sync) => sync.items.map((item) => item.type)),
      [['checkpoint_passage', 'arrival_registration', 'arrival_registration']],
    );
    assert.deepEqual(
      syncs.flatMap((sync) => sync.results.map((result) => result.status)),
      ['applied', 'applied', 'applied'],
    );
  });

  it('2d. the server, asked as a coordinator, applied each capture exactly once', async () => {
    const { page, context } = await openPhonePage(started!.browser, log, 'console (coordinator)');
    await signInOnConsole(page, `${base}/console#/desk`, staff('coordinator'));
    await page.locator('.desk').waitFor();
    coordinator = { page, context, api: await staffApiOf(context, base) };
    const [passage, ...arrivals] = syncs.flatMap((sync) => sync.items);
    assert.ok(passage !== undefined);
    const people = passage.payload['people'] as { journeyId: string }[];
    const journeyIds = people.map((person) => person.journeyId).sort();
    assert.deepEqual(
      arrivals.map((arrival) => arrival.payload['journeyId']).sort(),
      journeyIds,
      'one arrival per member',
    );
    const { bridge, reception } = started!;
    const expectHistories = async () => {
      for (const id of journeyIds) {
        const view = await coordinator.api.get<JourneyView>(`/api/v1/journeys/${id}`);
        const arrival = arrivals.find((item) => item.payload['journeyId'] === id);
        assert.equal(view.journey.state, 'registered_at_arrival');
        assert.equal(view.journey.lastPlaceId, reception.id);
        assert.deepEqual(
          view.history.map((event) => [event.from, event.to, event.placeId, event.sourceItemId]),
          [
            ['listed', 'boarded', bridge.id, passage.id],
            ['boarded', 'passed', bridge.id, passage.id],
            ['passed', 'arrived', reception.id, arrival?.id],
            ['arrived', 'registered_at_arrival', reception.id, arrival?.id],
          ],
        );
      }
    };
    await expectHistories();
    const first = await coordinator.api.get<JourneyView>(`/api/v1/journeys/${journeyIds[0]!}`);
    const household = await coordinator.api.get<{ members: { journeys: { id: string }[] }[] }>(
      `/api/v1/households/${first.journey.householdId ?? ''}`,
    );
    assert.deepEqual(
      household.members.flatMap((member) => member.journeys.map((journey) => journey.id)).sort(),
      journeyIds,
      'the journeys moved are exactly the household’s',
    );
    // Sent once more by hand with the device's token: answered as already applied, and nothing
    // moves again.
    const resend = await fetch(`${base}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: syncs[0]!.authorization },
      body: JSON.stringify({ items: syncs.flatMap((sync) => sync.items) }),
    });
    assert.equal(resend.status, 200);
    const answer = (await resend.json()) as { results: { status: string }[] };
    assert.deepEqual(
      answer.results.map((result) => result.status),
      ['duplicate', 'duplicate', 'duplicate'],
    );
    await expectHistories();
  });

  it('3. the family check on the portal shows the arrival', async () => {
    await portal.goto(`${base}/portal`);
    await portal.getByRole('button', { name: 'Check a journey' }).click();
    await portal.getByLabel('Reference code').fill(referenceCode);
    await portal.getByLabel('Year of birth of a member').fill(String(MEMBERS[1].year));
    await portal.getByRole('button', { name: 'Check the journey' }).click();
    await portal.locator('.journeys').waitFor();
    const journeys = await portal.locator('.journeys li').allTextContents();
    assert.equal(journeys.length, 2);
    for (const [index, text] of journeys.entries()) {
      assert.ok(
        text.startsWith(`Person ${String(index + 1)}: Arrived and registered at reception`),
        text,
      );
      assert.ok(text.includes(`Last seen at ${started!.reception.names.en}, `), text);
      assert.match(text, /Arrived \S/);
    }
    await checkStep(portal, '3-portal-family-check-arrived');
  });

  it('4a. a report comes in anonymously on the portal', async () => {
    await portal.goto(`${base}/portal`);
    await portal.getByRole('button', { name: 'Report an incident' }).click();
    assert.ok(await portal.getByLabel('Stay anonymous').isChecked(), 'anonymous unless chosen');
    await portal.getByLabel('What happened?').fill(ACCOUNT);
    // The portal offers settlements (the places residents know by name): the first one.
    const place = portal.getByLabel('Where did it happen? (optional)');
    const option = place.locator('option').nth(1);
    await option.waitFor({ state: 'attached' });
    reportPlace = (await option.textContent()) ?? '';
    await place.selectOption({ index: 1 });
    await portal.getByLabel('I saw it myself').check();
    await checkStep(portal, '4a-portal-report');
    await portal.getByRole('button', { name: 'Send the report' }).click();
    await portal.locator('#receipt-code').waitFor();
    receiptCode = (await portal.locator('#receipt-code').textContent()) ?? '';
    assert.match(receiptCode, /^[a-z2-7]{4}(?:-[a-z2-7]{4}){7}$/);
    await checkStep(portal, '4b-portal-report-received');
  });

  it('4b. an analyst opens an incident from it on the desk and proposes verified', async () => {
    const { page, context } = await openPhonePage(started!.browser, log, 'console (analyst)');
    await signInOnConsole(page, `${base}/console#/desk`, staff('analyst'));
    await page.locator('.desk').waitFor();
    analyst = { page, context, api: await staffApiOf(context, base) };
    const entry = page.locator('button.record', {
      hasText: desk['channel.resident_report'],
    });
    await entry.filter({ hasText: reportPlace }).click();
    await page.locator('#item-heading').waitFor();
    await page.getByRole('button', { name: desk['account.read'] }).click();
    assert.equal(await page.locator('.account blockquote').textContent(), ACCOUNT);
    await checkStep(page, '4c-desk-triage-item');
    await page.getByText(desk['openIncident.heading']).click();
    const open = page.locator('details', { hasText: desk['openIncident.heading'] });
    await open.getByLabel(desk['incident.subType']).selectOption('checkpoint_detention');
    await open.getByLabel(desk['incident.narrative']).fill(ACCOUNT);
    await open.getByLabel(desk.reason).fill('an eyewitness report of a detention');
    await open.getByRole('button', { name: desk['openIncident.submit'] }).click();
    await page.locator('#incident-heading', { hasText: 'Detention at a checkpoint' }).waitFor();
    await workflowStep(
      page,
      fill(desk['workflow.move'], { state: stateName('under_verification') }),
      'checking with a second source',
    );
    await page
      .getByText(fill(desk['workflow.movedNow'], { state: stateName('under_verification') }))
      .waitFor();
    await workflowStep(
      page,
      fill(desk['workflow.propose'], { state: stateName('verified') }),
      'corroborated by the monitor at the bridge',
    );
    await page
      .getByText(fill(desk['workflow.proposedNow'], { state: stateName('verified') }))
      .waitFor();
    await checkStep(page, '4d-desk-verified-proposed');
  });

  it('4c. a coordinator confirms verified and proposes the clearance; the analyst confirms it', async () => {
    const b = coordinator.page;
    await b.getByRole('button', { name: desk['section.incidents'] }).click();
    const incidentRef = await analyst.page.locator('.facts dd').first().textContent();
    assert.match(incidentRef ?? '', /^[0-9a-f]{8}$/);
    await b.locator('button.record', { hasText: incidentRef ?? '' }).click();
    await workflowStep(
      b,
      fill(desk['workflow.confirm'], { state: stateName('verified') }),
      'confirmed',
    );
    await b.getByText(fill(desk['workflow.movedNow'], { state: stateName('verified') })).waitFor();
    const clearance = stateName('cleared_for_publication');
    await workflowStep(b, fill(desk['workflow.propose'], { state: clearance }), 'names nobody');
    await b.getByText(fill(desk['workflow.proposedNow'], { state: clearance })).waitFor();
    await checkStep(b, '4e-desk-clearance-proposed');

    const a = analyst.page;
    await a.getByRole('button', { name: desk['incidents.back'] }).click();
    await a.getByLabel(desk['incidents.state']).selectOption('verified');
    await a.locator('button.record', { hasText: incidentRef ?? '' }).click();
    await workflowStep(
      a,
      fill(desk['workflow.confirm'], { state: clearance }),
      'the summary names nobody',
    );
    await a.getByText(fill(desk['workflow.movedNow'], { state: clearance })).waitFor();
    await a.locator('dd[data-fact="state"]', { hasText: clearance }).waitFor();
    await checkStep(a, '4f-desk-cleared');
  });

  it('5a. the daily report covering the new passages is drafted, approved and published', async () => {
    const passage = syncs[0]!.items[0]!;
    const date = new ReportingDays(DEFAULT_BULLETIN_SETTINGS.cutoff).dayOf(passage.capturedAt);
    const drafted = await draftDaily(analyst.api, date);
    const path = `/api/v1/bulletins/${drafted.id}`;
    const edited = await accepted(analyst.api, `${path}/texts`, {
      version: drafted.version,
      language: 'en',
      text: 'A household crossed the bridge and arrived at the reception point.',
    });
    const approved = await accepted(coordinator.api, `${path}/approval`, {
      version: edited.version,
    });
    const published = await accepted(coordinator.api, `${path}/publication`, {
      version: approved.version,
    });
    assert.equal(published.state, 'published');
    publishedId = drafted.id;
    const body = (await (await fetch(`${base}/api/v1/bulletins/${publishedId}`)).json()) as {
      content: BulletinContent;
    };
    content = body.content;
    // The report counts the household: it left and arrived within the reporting day.
    const cell = (section: string, key: string) => {
      const found = content.figures.sections.find((s) => s.key === section);
      const row = found?.rows.find((r) => r.key === key);
      assert.ok(row?.cells[0] !== undefined, `${section} ${key}`);
      return formatCell(row.cells[0], 'en');
    };
    assert.notEqual(cell('reconciliation', 'reconciliation.departed'), '0');
    assert.notEqual(cell('reconciliation', 'reconciliation.arrived'), '0');
    const passages = content.figures.sections.find((s) => s.key === 'passages');
    assert.ok(
      passages?.rows.some((row) => row.names?.['en'] === started!.bridge.names.en),
      'the bridge has a passages row',
    );
  });

  it('5b. the public dashboard lists that report and shows its published cells', async () => {
    const { page } = await openPhonePage(started!.browser, log, 'public site');
    await page.goto(`${base}/`);
    const href = `/bulletins/${publishedId}?lang=en`;
    await page.locator(`ul.reports a[href="${href}"]`).waitFor();
    const section = 'section[aria-labelledby="reconciliation"]';
    // The section loads when the reader comes near it.
    await page.locator('#reconciliation').scrollIntoViewIfNeeded();
    await page.locator('#reconciliation-caption').waitFor();
    const reconciliation = content.figures.sections.find((s) => s.key === 'reconciliation');
    assert.ok(reconciliation !== undefined);
    const shown = await page
      .locator(`${section} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th')?.textContent ?? '',
          row.querySelector('td')?.textContent ?? '',
        ]),
      );
    assert.deepEqual(
      shown,
      reconciliation.rows.map((row) => [
        site[row.key as keyof typeof site],
        formatCell(row.cells[0]!, 'en'),
      ]),
    );
    assert.equal(await page.locator(`${section} a`).getAttribute('href'), href);
    await checkStep(page, '5a-site-dashboard');

    // The report's own page, opened from the dashboard, shows its passages as published.
    await page.locator(`${section} a`).click();
    await page.locator('h1').waitFor();
    const heading = translate('en', 'section.passages');
    const table = page
      .locator('h2', { hasText: heading })
      .locator('xpath=following-sibling::div[1]/table');
    const passageRows = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)),
      );
    const passages = content.figures.sections.find((s) => s.key === 'passages');
    assert.deepEqual(
      passageRows,
      passages!.rows.map((row) => [
        row.names?.['en'] ?? translate('en', row.key),
        ...row.cells.map((cell) => formatCell(cell, 'en')),
      ]),
    );
    await checkStep(page, '5b-site-daily-report');
  });

  it('raised no script error or CSP violation but the expected ones, and put no secret in a URL', () => {
    // Each console page asks who is signed in before its sign-in: the server answers 401 and
    // Chromium logs the failed load. Nothing else may be logged as an error, on any page.
    const unauthenticated =
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
    const expected = ['console (analyst)', 'console (coordinator)', 'console (monitor)'].map(
      (page) => `${page}: ${unauthenticated} /api/v1/session`,
    );
    assert.deepEqual(
      log.problems
        .map((problem) => `${problem.page}: ${problem.text} ${urlPath(problem.url)}`)
        .sort(),
      expected,
    );
    assert.ok(log.requestUrls.some((url) => url.endsWith('/api/v1/portal/households')));
    assert.ok(log.requestUrls.some((url) => url.endsWith('/api/v1/status-lookup')));
    const secrets = [
      referenceCode,
      referenceCode.replaceAll('-', ''),
      receiptCode,
      receiptCode.replaceAll('-', ''),
      ...MEMBERS.flatMap((member) => [member.given, member.family]),
    ].filter((secret) => secret !== '');
    const years = MEMBERS.map((member) => member.year);
    // data: URIs (the QR code drawn in the page) are never sent anywhere.
    const leaks = log.requestUrls
      .filter((url) => !url.startsWith('data:'))
      .flatMap((url) =>
        secretsInUrl(url, secrets, years).map((secret) => `${url} holds ${secret}`),
      );
    assert.deepEqual(leaks, []);
  });
});

/** A bulletin as the staff routes answer it (the fields the journey reads). */
interface Draft {
  id: string;
  version: number;
  state: string;
  draftKey: string | null;
}

/** The bulletin a POST answered with 200 or 201. */
async function accepted(api: StaffApi, path: string, body: unknown): Promise<Draft> {
  const answer = await api.post(path, body);
  assert.ok(answer.status === 200 || answer.status === 201, JSON.stringify(answer.body));
  return answer.body as unknown as Draft;
}

/**
 * The daily report of `date` drafted by the analyst of `api`. When the server's own job drafted
 * it first (the cut-off passed while the test ran), that draft's figures are drafted again.
 */
async function draftDaily(api: StaffApi, date: string): Promise<Draft> {
  const created = await api.post('/api/v1/bulletins', { product: 'daily', date });
  if (created.status === 201) return created.body as unknown as Draft;
  const { error } = created.body as { error?: { code?: string } };
  assert.equal(error?.code, 'already_exists', JSON.stringify(created.body));
  const { bulletins } = await api.get<{ bulletins: Draft[] }>('/api/v1/bulletins/drafts');
  const draft = bulletins.find((bulletin) => bulletin.draftKey === `daily:${date}`);
  assert.ok(draft !== undefined, `the draft of ${date}`);
  return accepted(api, `/api/v1/bulletins/${draft.id}/figures`, { version: draft.version });
}

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
