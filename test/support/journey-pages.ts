// Helpers of the end-to-end journeys (test/browser/journeys.test.ts): pages on a 360-px phone
// screen whose every request URL, script error and console error is kept for the final checks;
// a screenshot, a width check and axe at each step; staff signed in through the console's own
// form, and then calling the API with that browser session's cookie.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoStaffAccount } from '../../src/demo/load/demo-accounts.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/route-policy.ts';
import { ARTIFACTS_DIR } from './chromium.ts';
import { totpNow } from './test-vigil.ts';

/** A console error or script error, with the page that logged it and where it points. */
export interface LoggedProblem {
  readonly page: string;
  readonly text: string;
  /** The resource the message is about (a failed load's URL), or the page's. */
  readonly url: string;
}

/** What every page of the journeys logged and asked for. */
export interface JourneyLog {
  readonly requestUrls: string[];
  readonly problems: LoggedProblem[];
}

/** A page of its own context (axe needs one made for it), watched into `log` as `label`. */
export async function openPhonePage(
  browser: Browser,
  log: JourneyLog,
  label: string,
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale,
    timezoneId: 'UTC',
  });
  // The page's requests and its service worker's alike.
  context.on('request', (request) => log.requestUrls.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    log.problems.push({ page: label, text: `pageerror: ${error.message}`, url: page.url() });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    log.problems.push({ page: label, text: message.text(), url: message.location().url });
  });
  return { context, page };
}

/**
 * Saves a full-page screenshot `journey-NAME.png`, then fails on a page wider than the screen or
 * on a serious or critical axe violation.
 */
export async function checkStep(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `journey-${name}.png`), fullPage: true });
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

/** Signs `account` in on the console's own form at `url` (the console, with a view's hash). */
export async function signInOnConsole(
  page: Page,
  url: string,
  account: DemoStaffAccount,
): Promise<void> {
  await page.goto(url);
  await page.locator('input[name="name"]').fill(account.login);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('input[name="totp"]').fill(totpNow(account.totpSecret));
  await page.locator('form.sign-in button[type="submit"]').click();
}

/** Calls to the API with a browser's staff session: its cookie, and the CSRF header. */
export interface StaffApi {
  get<T>(path: string): Promise<T>;
  /** A POST's status and body (a record, or the error's). */
  post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The API as the staff member signed in on `context` calls it. */
export async function staffApiOf(context: BrowserContext, baseUrl: string): Promise<StaffApi> {
  const session = (await context.cookies(baseUrl)).find((c) => c.name === SESSION_COOKIE);
  assert.ok(session !== undefined, 'signed in: the browser holds a session cookie');
  const headers = { cookie: `${SESSION_COOKIE}=${session.value}` };
  return {
    async get<T>(path: string) {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
      return (await response.json()) as T;
    },
    async post(path: string, body: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, [CSRF_HEADER]: '1', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/**
 * The secrets of `url` (decoded): each of `secrets` found in it, and each of `years` standing
 * alone (not inside a longer run of letters and digits, such as a hashed file name).
 */
export function secretsInUrl(
  url: string,
  secrets: readonly string[],
  years: readonly number[],
): string[] {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: look at the URL as sent.
  }
  const lower = decoded.toLowerCase();
  const found = secrets.filter((secret) => lower.includes(secret.toLowerCase()));
  const alone = years.filter((year) =>
    new RegExp(`(^|[^0-9A-Za-z])${String(year)}($|[^0-9A-Za-z])`).test(decoded),
  );
  return [...found, ...alone.map(String)];
}
