// The canary test (issue 6, DOMAIN.md §6 "do no harm"): identities nobody else has — names in
// three scripts, a document number, a plate, phone numbers — are planted in the demo data
// through the real API, as staff and residents would enter them: a household's members, a
// convoy's vehicle, a source's contact, a hotline caller, a hotline account, a resident's
// anonymous report and an incident's narrative, that incident then verified, cleared and
// published. Then everything the public can reach is read — every public GET route of the route
// matrix (a route the crawl does not know fails the test), every tile and entry bundle of the
// log, the answers to anonymous POSTs — and the server's own log, written at `info`. No canary
// may appear in any of them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pdfText } from '../../src/transparency/bulletins/pdf-text.fixture.ts';
import { EXPECTED } from '../http/route-matrix.ts';
import { CANARY, CANARY_ACCOUNT, CANARY_PUBLIC_SUMMARY, canariesIn } from '../support/canary.ts';
import { plantCanaries } from '../support/canary-planting.ts';
import type { Planted } from '../support/canary-planting.ts';
import { publicUrlsOf } from '../support/canary-crawl.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { startTestSmtp } from '../support/test-smtp.ts';
import type { TestSmtp } from '../support/test-smtp.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const dataDir = join(tempDir('vigil-canary-'), 'demo');
let server: ServerProcess;
let planted: Planted;
let mail: TestSmtp;

before(async () => {
  const demo = await runVigil(['demo', '--data', dataDir, '--seed', '11', '--scale', '0.01']);
  assert.equal(demo.code, 0, demo.stderr);
  mail = await startTestSmtp();
  // The server process inherits these: a real relay, and the mail job every 200 ms.
  process.env['VIGIL_SMTP_URL'] = mail.url;
  process.env['VIGIL_MAIL_INTERVAL_MS'] = '200';
  server = await startServerProcess(dataDir, [], { logLevel: 'info' });
  delete process.env['VIGIL_SMTP_URL'];
  delete process.env['VIGIL_MAIL_INTERVAL_MS'];
  planted = await plantCanaries(server.url, dataDir, mail);
});
after(async () => {
  await server.stop();
});

/** Fetches `url` anonymously and fails on any canary in what came back (headers included). */
async function assertClean(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  let headers = '';
  response.headers.forEach((value, name) => {
    headers += `${name}: ${value}\n`;
  });
  // A PDF's text is in its content streams, not in its bytes: read it as a reader would.
  const text = response.headers.get('content-type')?.startsWith('application/pdf')
    ? pdfText(body)
    : '';
  const found = canariesIn(`${headers}\n${body.toString('utf8')}\n${text}`);
  assert.deepEqual(found, [], `${url} reveals ${found.join(', ')}`);
  return new Response(body, response);
}

describe('canaries planted in the demo data', () => {
  it('were really stored: staff see them, so their absence below means something', () => {
    assert.ok(planted.householdId.length > 0 && planted.incidentId.length > 0);
    assert.ok(canariesIn(planted.staffView).includes('document'), 'staff read the identity back');
    assert.ok(canariesIn(CANARY_ACCOUNT).length >= 8, 'the account names them all');
    assert.ok(canariesIn(planted.narrative).includes('document'));
    assert.ok(planted.bulletinId.length > 0, 'a bulletin was published');
  });

  it('appear in no answer of any public GET route', async () => {
    const publicGets = Object.entries(EXPECTED)
      .filter(([route, access]) => access === 'public' && route.startsWith('GET '))
      .map(([route]) => route.slice('GET '.length));
    let fetched = 0;
    const summarisedAt: string[] = [];
    for (const route of publicGets) {
      const urls = await publicUrlsOf(route, server.url, planted.mailTokens);
      assert.ok(urls.length > 0, `the canary crawl does not know how to read ${route}`);
      for (const url of urls) {
        const body = await (await assertClean(url)).text();
        if (body.includes(CANARY_PUBLIC_SUMMARY)) summarisedAt.push(url);
        fetched++;
      }
    }
    // The planted incident did reach the public (open data): only its identities did not.
    assert.ok(
      summarisedAt.some((url) => url.includes('/open-data/incidents/')),
      'the planted incident is in the published incidents dataset',
    );
    assert.ok(fetched > publicGets.length, `only ${fetched} public resources were read`);
  });

  it('appear in no answer to an anonymous POST', async () => {
    const post = (path: string, body: unknown) =>
      assertClean(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const lookup = await post('/api/v1/status-lookup', {
      referenceCode: planted.referenceCode,
      birthYear: 1977,
    });
    assert.equal(lookup.status, 200, 'the family look-up finds the household');
    const report = await post('/api/v1/resident-reports/status', {
      receiptCode: planted.receiptCode,
    });
    assert.equal(report.status, 200);
    await post('/api/v1/session', { name: CANARY.latinGiven, password: CANARY.phone, totp: '1' });
  });

  it('appear in no e-mail, but for the subscriber’s own address on mail sent to it', () => {
    assert.ok(mail.received.length >= 2, 'a confirmation and a digest were sent');
    for (const sent of mail.received) {
      const headers = [...sent.headers]
        .filter(([name]) => name !== 'to')
        .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
        .join('\n');
      const found = canariesIn(`${headers}\n${sent.text ?? ''}\n${String(sent.html)}`);
      assert.deepEqual(found, [], `the mail "${sent.subject ?? ''}" reveals ${found.join(', ')}`);
    }
  });

  it('appear nowhere in the server’s own log', () => {
    const log = server.output();
    assert.ok(log.includes('"msg":"request completed"'), 'the log was written at info');
    assert.deepEqual(canariesIn(log), []);
    // The crawl followed the subscriber's confirmation and unsubscribe links: their tokens
    // would let a log reader act for the subscriber.
    assert.ok(log.includes('/unsubscribe/:token'), 'the unsubscribe link was requested');
    for (const token of planted.mailTokens) assert.ok(!log.includes(token), 'a link token');
    assert.ok(!log.includes('remoteAddress'), 'no client address');
  });
});
