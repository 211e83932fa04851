// E-mail subscriptions end to end over HTTP, on both engines, with a real SMTP server in the
// test process: double opt-in, the RFC 8058 one-click unsubscribe, no address enumeration, the
// rate limit, and the subscriber's address nowhere in clear — not in any column, not in a log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIRMATION_HOURS } from '../../src/transparency/feeds/mail-message.ts';
import { SUBSCRIBE_RATE_LIMIT } from '../../src/transparency/feeds/subscription.routes.ts';
import { DIALECTS } from '../support/databases.ts';
import {
  dumpAllRows,
  headerOf,
  linkIn,
  mailsTo,
  openFeedsVigil,
  PUBLIC_URL,
} from '../support/feeds-vigil.ts';

const ALICE = 'Alice.Mirzoyan+bulletins@mail.example';

// Every Vigil is opened before any suite is declared: file-level `after` hooks (which close
// them) run once the suites declared so far have finished.
const opened = [];
for (const dialect of DIALECTS) opened.push({ dialect, ...(await openFeedsVigil(dialect)) });

for (const { dialect, test, db, feeds, smtp, clock, logLines } of opened) {
  const { app } = test.vigil;
  const subscribe = (email: string, remoteAddress: string, language = 'ru') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      remoteAddress,
      payload: { email, language, products: ['daily', 'weekly'] },
    });

  describe(`subscriptions on ${dialect}`, () => {
    it('confirms by double opt-in: a mail with a one-time link, a page, then a POST', async () => {
      const accepted = await subscribe(ALICE, '10.0.0.1');
      assert.equal(accepted.statusCode, 202, accepted.body);
      assert.deepEqual(accepted.json(), { status: 'accepted' });
      assert.equal(
        (await db.selectFrom('subscriber').selectAll().executeTakeFirstOrThrow()).state,
        'pending',
      );
      await feeds.runOnce();
      const [mail] = mailsTo(smtp.received, ALICE);
      assert.ok(mail);
      assert.equal(mail.subject, 'Подтвердите подписку на бюллетени Vigil');
      assert.equal(mail.from?.value[0]?.address, 'bulletins@vigil.example.org');
      const confirm = linkIn(mail.text ?? '', '/subscriptions/confirm/');
      const path = confirm.slice(PUBLIC_URL.length);
      const page = await app.inject({ method: 'GET', url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] ?? '', /^text\/html/);
      assert.match(page.body, /<form method="post"/);
      assert.match(page.body, /lang="ru"/);
      // Fetching the link (as a mail scanner does) confirms nothing.
      assert.equal(
        (await db.selectFrom('subscriber').select('state').executeTakeFirstOrThrow()).state,
        'pending',
      );
      const done = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(done.statusCode, 200, done.body);
      const row = await db.selectFrom('subscriber').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.state, 'active');
      assert.equal(row.language, 'ru');
      assert.equal(row.products, '["daily","weekly"]');
      assert.equal(row.confirm_sha256, null);
      // The link is one-time.
      const again = await app.inject({ method: 'POST', url: path });
      assert.equal(again.statusCode, 404);
      assert.equal(again.json<{ error: { code: string } }>().error.code, 'not_found');
    });

    it('answers the same for a known and an unknown address, and does not flood an inbox', async () => {
      const known = await subscribe(ALICE.toUpperCase(), '10.0.0.2');
      const unknown = await subscribe('nobody@mail.example', '10.0.0.2');
      assert.equal(known.statusCode, unknown.statusCode);
      assert.equal(known.body, unknown.body);
      assert.deepEqual(Object.keys(known.headers).sort(), Object.keys(unknown.headers).sort());
      const subscribers = await db.selectFrom('subscriber').select('id').execute();
      assert.equal(subscribers.length, 2, 'the upper-case address is the same subscriber');
      const before = mailsTo(smtp.received, ALICE).length;
      await feeds.runOnce();
      // The known address asked again within ten minutes of its last mail: no second mail yet.
      assert.equal(mailsTo(smtp.received, ALICE).length, before);
      assert.equal(mailsTo(smtp.received, 'nobody@mail.example').length, 1);
    });

    it('carries RFC 8058 headers in every mail, and one POST to that URL unsubscribes', async () => {
      const [mail] = mailsTo(smtp.received, 'nobody@mail.example');
      assert.ok(mail);
      const listUnsubscribe = headerOf(mail, 'list-unsubscribe');
      assert.match(
        listUnsubscribe,
        /^<https:\/\/vigil\.example\.org\/unsubscribe\/[A-Za-z0-9_-]{43}>$/,
      );
      assert.equal(headerOf(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      const path = listUnsubscribe.slice(1, -1).slice(PUBLIC_URL.length);
      const page = await app.inject({ method: 'GET', url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post"/);
      assert.equal((await db.selectFrom('subscriber').select('id').execute()).length, 2);
      // What a mail client sends (RFC 8058 §3.2): no cookie, no session, a form body.
      const oneClick = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.statusCode, 200, oneClick.body);
      assert.equal((await db.selectFrom('subscriber').select('id').execute()).length, 1);
      const outbox = await db.selectFrom('mail_outbox').select('subscriber_id').execute();
      const left = await db.selectFrom('subscriber').select('id').executeTakeFirstOrThrow();
      assert.ok(
        outbox.every((row) => row.subscriber_id === left.id),
        'its mails went too',
      );
      const repeated = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--',
      });
      assert.equal(repeated.statusCode, 200, 'unsubscribing twice is fine');
    });

    it('takes the same new address twice at once as one subscriber with one mail', async () => {
      const [first, second] = await Promise.all([
        subscribe('twice@mail.example', '10.0.0.6'),
        subscribe('TWICE@mail.example', '10.0.0.7'),
      ]);
      assert.equal(first.statusCode, 202, first.body);
      assert.equal(second.statusCode, 202, second.body);
      await feeds.runOnce();
      assert.equal(mailsTo(smtp.received, 'twice@mail.example').length, 1);
    });

    it('refuses bad requests with a catalogued error and keeps nothing', async () => {
      const before = await db.selectFrom('subscriber').select('id').execute();
      for (const payload of [
        { email: 'not an address', language: 'ru', products: ['daily'] },
        { email: 'x@mail.example', language: 'fr', products: ['daily'] },
        { email: 'x@mail.example', language: 'en', products: [] },
        { email: 'x@mail.example', language: 'en', products: ['monthly'] },
        { email: 'x@mail.example', language: 'en', products: ['daily'], extra: 1 },
      ]) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/subscriptions',
          remoteAddress: '10.0.0.3',
          payload,
        });
        assert.equal(response.statusCode, 422, JSON.stringify(payload));
        assert.equal(response.json<{ error: { code: string } }>().error.code, 'invalid_request');
      }
      assert.deepEqual(await db.selectFrom('subscriber').select('id').execute(), before);
    });

    it('limits subscription requests per client address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= SUBSCRIBE_RATE_LIMIT.max; i += 1) {
        statuses.push((await subscribe(`flood-${String(i)}@mail.example`, '10.0.0.4')).statusCode);
      }
      assert.deepEqual(statuses, [...Array<number>(SUBSCRIBE_RATE_LIMIT.max).fill(202), 429]);
      assert.equal((await subscribe('other@mail.example', '10.0.0.5')).statusCode, 202);
    });

    it('keeps no address in clear in any table, and logs none', async () => {
      await feeds.runOnce();
      const rows = (await dumpAllRows(db, dialect)).toLowerCase();
      for (const address of [
        ALICE,
        'nobody@mail.example',
        'flood-0@mail.example',
        'other@mail.example',
      ]) {
        const local = address.toLowerCase().split('@')[0] ?? '';
        assert.ok(!rows.includes(local), `${address} in a table`);
        assert.ok(
          !logLines.some((line) => line.toLowerCase().includes(local)),
          `${address} logged`,
        );
      }
      assert.ok(logLines.length > 10, 'the server did log its requests');
      assert.ok(rows.includes('subscriber'), 'the dump did read the subscriber table');
    });

    it('forgets addresses never confirmed once their link has expired', async () => {
      const pending = await db
        .selectFrom('subscriber')
        .select('id')
        .where('state', '=', 'pending')
        .execute();
      assert.ok(pending.length > 0);
      clock.now = new Date(clock.now.getTime() + (CONFIRMATION_HOURS + 1) * 3_600_000);
      await feeds.runOnce();
      const left = await db.selectFrom('subscriber').select('state').execute();
      assert.deepEqual(
        left.map((row) => row.state),
        ['active'],
      );
    });
  });
}
