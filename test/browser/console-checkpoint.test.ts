// The staff console's checkpoint mode (issue 5) in Debian's Chromium, 360 px wide, on a small demo
// served by `vigil serve`. A household registers through the portal's API and gets its code; the
// demo's monitor signs in (password + TOTP), registers the browser as a device (an Ed25519 key
// made by WebCrypto) and downloads the lists; the network goes away and the console reloads from
// its service worker; the monitor records that household's passage at two checkpoints — once by
// scanning its QR code with the (fake) camera, once by typing the code — and the outbox shows 2
// waiting. The network comes back; the first answer of the server is lost on the way (the batch
// was applied), the console sends the batch again, and the outbox drains to 0. The server, asked
// as a coordinator, shows every journey of the household moved once per checkpoint, and a
// resend of the same batch by hand changes nothing. axe on each screen; screenshots of each step
// go to test-artifacts/.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { create as createQr } from 'qrcode';
import { readDemoCredentials } from '../../src/demo/load/demo-accounts.ts';
import type { DemoCredentials } from '../../src/demo/load/demo-accounts.ts';
import { CONSOLE_DIR } from '../../src/http/web-pages.routes.ts';
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
import { totpNow } from '../support/test-vigil.ts';
import { ensureWebBuilt } from '../support/verify-page-fixture.ts';

const skip = chromiumMissing();

/** A synthetic household leaving: two members (one born in BIRTH_YEAR, for the family check). */
const BIRTH_YEAR = 1984;
const HOUSEHOLD = {
  intention: 'leave',
  members: [
    {
      identity: {
        names: [{ given: 'Testa', family: 'Checkpointova', script: 'en' }],
        birthYear: BIRTH_YEAR,
        sex: 'female',
        documents: [],
      },
    },
    {
      identity: {
        names: [{ given: 'Testo', family: 'Checkpointov', script: 'en' }],
        birthYear: 2015,
        sex: 'male',
        documents: [],
      },
    },
  ],
};

/**
 * A YUV4MPEG2 video (one still frame) of the QR code of `text`, for Chromium's fake camera: the
 * code's modules 8 px each, centred on white, in the luma plane; the chroma planes neutral.
 */
function qrVideo(text: string): string {
  const width = 640;
  const height = 480;
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const scale = 8;
  const side = modules.size * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dark = modules.get(Math.floor(y / scale), Math.floor(x / scale));
      if (dark) luma[(top + y) * width + left + x] = 0;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = `YUV4MPEG2 W${String(width)} H${String(height)} F10:1 Ip A1:1 C420jpeg\n`;
  const path = join(tempDir(), 'qr.y4m');
  writeFileSync(path, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma]));
  return path;
}

interface Started {
  browser: Browser;
  server: ServerProcess;
  accounts: DemoCredentials;
  referenceCode: string;
}

// The server and the browser start at the top level (see verify-page.test.ts).
async function start(): Promise<Started> {
  await ensureWebBuilt(CONSOLE_DIR);
  const dataDir = tempDir();
  const built = await runVigil(['demo', '--data', dataDir, '--seed', '7', '--scale', '0.01']);
  assert.equal(built.code, 0, built.stderr);
  const accounts = readDemoCredentials(dataDir);
  assert.ok(accounts !== undefined, 'the demo keeps its accounts');
  const server = await startServerProcess(dataDir);
  const registered = await fetch(`${server.url}/api/v1/portal/households`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(HOUSEHOLD),
  });
  assert.equal(registered.status, 201, await registered.clone().text());
  const { referenceCode } = (await registered.json()) as { referenceCode: string };
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${qrVideo(referenceCode)}`,
  ]);
  after(async () => {
    await browser.close();
    await server.stop();
  });
  return { browser, server, accounts, referenceCode };
}

const started = skip === undefined ? await start() : undefined;

/** A staff member's session cookie, signed in through the API. */
async function signIn(role: string): Promise<string> {
  const member = started!.accounts.staff.find((account) => account.role === role);
  assert.ok(member !== undefined, role);
  const response = await fetch(`${started!.server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: member.login,
      password: member.password,
      totp: totpNow(member.totpSecret),
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

async function getAs<T>(cookie: string, path: string): Promise<T> {
  const response = await fetch(`${started!.server.url}${path}`, { headers: { cookie } });
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

interface JourneyView {
  journey: { id: string; householdId: string | null; state: string; lastPlaceId: string | null };
  history: { from: string; to: string; placeId: string | null; sourceItemId: string | null }[];
}

interface SyncBody {
  items: { id: string; payload: { checkpointId: string; people?: { journeyId: string }[] } }[];
}

const problems: string[] = [];
const syncRequests: { body: SyncBody; authorization: string; answer?: unknown }[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(ARTIFACTS_DIR, `console-checkpoint-${name}.png`),
    fullPage: true,
  });
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await shot(page, name);
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

describe('the checkpoint mode, offline', { skip }, () => {
  let context: BrowserContext;
  let page: Page;
  let checkpoints: { id: string; names: { en: string } }[];

  it('signs the monitor in and registers this browser as a device', async () => {
    context = await started!.browser.newContext({
      viewport: { width: 360, height: 780 },
      locale: 'en-GB',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${started!.server.url}/console`);
    const monitor = started!.accounts.staff.find((account) => account.role === 'monitor')!;
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Nobody is signed in yet: the shell's session probe answers 401, which Chromium logs.
    assert.deepEqual(problems, [
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    problems.length = 0;
    await page.getByLabel('Name', { exact: true }).fill(monitor.login);
    await page.getByLabel('Password').fill(monitor.password);
    await page.getByLabel('Code from your authenticator app').fill(totpNow(monitor.totpSecret));
    await checkScreen(page, '1-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Register this device' }).waitFor();
    await checkScreen(page, '2-register');
    await page.getByRole('button', { name: 'Register this device' }).click();
    await page.getByText('This device: Checkpoint phone').waitFor();
    await page.getByText(/^Lists downloaded .*; households expected: [1-9]\d*\.$/).waitFor();
  });

  it('keeps the device key non-extractable, made by WebCrypto', async () => {
    const stored = await page.evaluate(
      () =>
        new Promise<{ kind: string; extractable: boolean; tokenShape: boolean }>(
          (resolve, reject) => {
            const request = indexedDB.open('vigil-console-checkpoint');
            request.onerror = () => {
              reject(new Error('no database'));
            };
            request.onsuccess = () => {
              const read = request.result.transaction('device').objectStore('device').get('this');
              read.onsuccess = () => {
                const device = read.result as {
                  key: { kind: string; privateKey?: CryptoKey };
                  token: string;
                };
                resolve({
                  kind: device.key.kind,
                  extractable: device.key.privateKey?.extractable ?? true,
                  tokenShape: device.token.startsWith('vgd_'),
                });
              };
            };
          },
        ),
    );
    assert.deepEqual(stored, { kind: 'webcrypto', extractable: false, tokenShape: true });
  });

  it('chooses the first checkpoint, and opens offline from the service worker', async () => {
    const response = await fetch(`${started!.server.url}/api/v1/places`);
    const places = (await response.json()) as {
      places: { id: string; kind: string; names: { en: string } }[];
    };
    checkpoints = places.places.filter(
      (place) => place.kind === 'checkpoint' || place.kind === 'exit_post',
    );
    assert.ok(checkpoints.length >= 2, 'the demo has two checkpoints at least');
    await page.getByLabel('Checkpoint', { exact: true }).selectOption(checkpoints[0]!.id);
    await page.getByLabel('Leaving').check();
    await page.getByRole('button', { name: 'Scan the QR code' }).waitFor();
    await checkScreen(page, '3-station-online');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Nothing but the test context's incognito mode keeps Chrome from installing it (a manifest
    // with an icon, a service worker that controls the start URL).
    assert.deepEqual(await installabilityErrors(context, page), ['in-incognito']);
    await context.setOffline(true);
    await page.reload();
    await page
      .getByText('No connection: passages are kept on this device and sent later.')
      .waitFor();
    await page.getByText('This device: Checkpoint phone').waitFor();
    assert.equal(
      await page.getByLabel('Checkpoint', { exact: true }).inputValue(),
      checkpoints[0]!.id,
      'the station is kept',
    );
    await checkScreen(page, '4-offline');
  });

  it('records the household at the first checkpoint by scanning its QR code', async () => {
    await page.getByRole('button', { name: 'Scan the QR code' }).click();
    await page.getByText('Household found: 2 people listed.').waitFor({ timeout: 30_000 });
    await checkScreen(page, '5-passage-form');
    await page.getByRole('button', { name: 'Passed', exact: true }).click();
    await page.getByText('Waiting to sync: 1').waitFor();
    await page.getByText(/^Passage recorded at .* and signed\./).waitFor();
  });

  it('records it at the second checkpoint by typing its code, by keyboard only, and shows 2 waiting', async () => {
    await page.getByLabel('Checkpoint', { exact: true }).selectOption(checkpoints[1]!.id);
    const typed = started!.referenceCode.toLowerCase().replaceAll('-', ' ');
    await page.getByLabel('Reference code').focus();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await page.getByText('Household found: 2 people listed.').waitFor();
    // The form's heading takes the focus; Tab leads through the form to the outcome.
    await page.waitForFunction(() => document.activeElement?.id === 'passage-heading');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let tabs = 0; tabs < 20 && (await focused()) !== 'Passed'; tabs++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await focused(), 'Passed');
    await page.keyboard.press('Enter');
    await page.getByText('Waiting to sync: 2').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'scan-button');
    const items = await page.locator('.outbox-list li').allTextContents();
    assert.equal(items.length, 2);
    assert.match(items[0] ?? '', new RegExp(`${checkpoints[0]!.names.en}: 2 people, Passed`));
    assert.match(items[1] ?? '', new RegExp(`${checkpoints[1]!.names.en}: 2 people, Passed`));
    const text = (await page.content()) + page.url();
    assert.ok(!text.includes(started!.referenceCode), 'the code is shown nowhere, nor in the URL');
    await checkScreen(page, '6-two-waiting');
  });

  it('drains to 0 when the network returns, though the first answer is lost', async () => {
    let lose = true;
    await context.route('**/api/v1/sync', async (route) => {
      const request = route.request();
      const entry: (typeof syncRequests)[number] = {
        body: JSON.parse(request.postData() ?? '{}') as SyncBody,
        authorization: (await request.allHeaders())['authorization'] ?? '',
      };
      syncRequests.push(entry);
      const response = await route.fetch();
      entry.answer = await response.json();
      if (lose) {
        // Applied on the server, but the answer never reaches the device.
        lose = false;
        await route.abort('failed');
      } else {
        await route.fulfill({ response });
      }
    });
    await context.setOffline(false);
    await page.getByText('Waiting to sync: 0').waitFor({ timeout: 60_000 });
    await page.getByText('Nothing is waiting: every passage has reached the server.').waitFor();
    await checkScreen(page, '7-synced');
    await page.getByLabel('Language').selectOption('hy');
    await page.getByText('Սպասում են համաժամեցման՝ 0').waitFor();
    await checkScreen(page, '8-synced-hy');
    await page.getByLabel('Լեզու').selectOption('en');
    // The household's second passage moves the journeys its first moved; the server applies a
    // batch in capture order, so both go in one batch: lost, then sent again whole.
    const ids = syncRequests.map((request) => request.body.items.map((item) => item.id));
    const [firstId, secondId] = [ids[0]?.[0], ids[0]?.[1]];
    assert.deepEqual(
      ids,
      [
        [firstId, secondId],
        [firstId, secondId],
      ],
      'lost, then sent again',
    );
    assert.notEqual(firstId, secondId);
    const statuses = syncRequests.map((request) =>
      (request.answer as { results: { status: string }[] }).results.map((result) => result.status),
    );
    assert.deepEqual(statuses, [
      ['applied', 'applied'],
      ['duplicate', 'duplicate'],
    ]);
  });

  it('applied each passage exactly once on the server, even when the batch is sent again', async () => {
    const batch = { items: [syncRequests[0]!.body.items[0]!, syncRequests[0]!.body.items[1]!] };
    const [first, second] = batch.items;
    assert.equal(first!.payload.checkpointId, checkpoints[0]!.id);
    assert.equal(second!.payload.checkpointId, checkpoints[1]!.id);
    const journeyIds = (first!.payload.people ?? []).map((person) => person.journeyId).sort();
    assert.equal(journeyIds.length, 2);
    const coordinator = await signIn('coordinator');
    const expectHistory = async () => {
      for (const id of journeyIds) {
        const view = await getAs<JourneyView>(coordinator, `/api/v1/journeys/${id}`);
        assert.equal(view.journey.state, 'passed');
        assert.equal(view.journey.lastPlaceId, checkpoints[1]!.id);
        assert.deepEqual(
          view.history.map((event) => [event.from, event.to, event.placeId, event.sourceItemId]),
          [
            ['listed', 'boarded', checkpoints[0]!.id, first!.id],
            ['boarded', 'passed', checkpoints[0]!.id, first!.id],
            ['passed', 'passed', checkpoints[1]!.id, second!.id],
          ],
        );
      }
    };
    await expectHistory();
    const views = await Promise.all(
      journeyIds.map((id) => getAs<JourneyView>(coordinator, `/api/v1/journeys/${id}`)),
    );
    const householdId = views[0]!.journey.householdId;
    const household = await getAs<{ members: { journeys: { id: string }[] }[] }>(
      coordinator,
      `/api/v1/households/${householdId ?? ''}`,
    );
    assert.deepEqual(
      household.members.flatMap((member) => member.journeys.map((journey) => journey.id)).sort(),
      journeyIds,
      'the journeys moved are exactly the household’s',
    );
    // The same batch once more, by hand, with the device's token: answered, applied again never.
    const resend = await fetch(`${started!.server.url}/api/v1/sync`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: syncRequests[0]!.authorization,
      },
      body: JSON.stringify(batch),
    });
    assert.equal(resend.status, 200);
    const answer = (await resend.json()) as { results: { status: string }[] };
    assert.deepEqual(
      answer.results.map((result) => result.status),
      ['duplicate', 'duplicate'],
    );
    await expectHistory();
    // The family's own check: the household's journeys, last seen at the second checkpoint.
    const family = await fetch(`${started!.server.url}/api/v1/status-lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ referenceCode: started!.referenceCode, birthYear: BIRTH_YEAR }),
    });
    const journeys = (
      (await family.json()) as { journeys: { state: string; lastPlace: unknown }[] }
    ).journeys;
    assert.deepEqual(
      journeys.map((journey) => journey.state),
      ['passed', 'passed'],
    );
  });

  it("keeps the console's page and files in the worker's cache, and no API answer", async () => {
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    assert.ok(cached.includes('/console'), 'the page');
    assert.ok(
      cached.some((path) => path.endsWith('.wasm')),
      'the QR reader',
    );
    assert.deepEqual(
      cached.filter((path) => !path.startsWith('/console')),
      [],
    );
    assert.deepEqual(
      cached.filter((path) => path.includes('/api/')),
      [],
    );
  });

  it('raised no script error and no CSP violation', () => {
    // The one failed request is the answer the test threw away on purpose.
    const unexpected = problems.filter((problem) => !/net::ERR_FAILED/.test(problem));
    assert.deepEqual(unexpected, []);
    assert.ok(problems.length <= 1, problems.join('\n'));
  });
});
