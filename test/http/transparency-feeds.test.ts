// Atom feeds and digests end to end over HTTP, on both engines, on real published bulletin
// rows: feeds per product and language (corrections linked, cacheable), digests in the
// subscriber's language with only their products, never a bulletin twice, and mail that
// waits in the outbox while the SMTP relay is down.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { insertPublishedBulletin } from '../../src/transparency/feeds/feeds.fixtures.ts';
import { FIRST_BACKOFF_MS } from '../../src/transparency/feeds/mail-outbox.ts';
import { DIALECTS } from '../support/databases.ts';
import { headerOf, linkIn, mailsTo, openFeedsVigil, PUBLIC_URL } from '../support/feeds-vigil.ts';
import type { FeedsTestVigil } from '../support/feeds-vigil.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link'].includes(name),
});
interface Entry {
  id: string;
  title: { '#text': string };
  link: { '@rel': string; '@href': string }[];
}
const entriesOf = (xml: string) =>
  (parser.parse(xml) as { feed: { entry?: Entry[] } }).feed.entry ?? [];

// Every Vigil is opened before any suite is declared (see transparency-subscriptions.test.ts).
const opened: (FeedsTestVigil & { dialect: string })[] = [];
for (const dialect of DIALECTS) opened.push({ dialect, ...(await openFeedsVigil(dialect)) });

async function confirmedSubscriber(
  vigil: FeedsTestVigil,
  request: { email: string; language: string; products: string[] },
): Promise<void> {
  const { app } = vigil.test.vigil;
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/v1/subscriptions',
    payload: request,
  });
  assert.equal(accepted.statusCode, 202, accepted.body);
  await vigil.feeds.runOnce();
  const mail = mailsTo(vigil.smtp.received, request.email).at(-1);
  assert.ok(mail, `a confirmation mail to ${request.email}`);
  const url = linkIn(mail.text ?? '', '/subscriptions/confirm/').slice(PUBLIC_URL.length);
  assert.equal((await app.inject({ method: 'POST', url })).statusCode, 200);
}

for (const vigil of opened) {
  const { test, db, feeds, smtp, clock, dialect } = vigil;
  const { app } = test.vigil;
  const at = (iso: string) => {
    clock.now = new Date(iso);
  };

  describe(`feeds and digests on ${dialect}`, () => {
    let firstDaily = '';

    it('serves valid Atom per product and language, linking a correction to the corrected', async () => {
      firstDaily = await insertPublishedBulletin(db, {
        product: 'daily',
        publishedAt: '2026-11-27T18:00:00.000Z',
        texts: { en: 'Passages rose <b>sharply</b> & steadily.', ru: 'Число проходов выросло.' },
        logIndex: 40,
      });
      await insertPublishedBulletin(db, {
        product: 'weekly',
        publishedAt: '2026-11-27T19:00:00.000Z',
        texts: { ru: 'Итоги недели.' },
        logIndex: 41,
      });
      const correction = await insertPublishedBulletin(db, {
        product: 'daily',
        publishedAt: '2026-11-27T20:00:00.000Z',
        texts: { en: 'One figure corrected.', ru: 'Исправлена одна цифра.' },
        logIndex: 42,
        corrects: firstDaily,
      });
      const response = await app.inject({ method: 'GET', url: '/feeds/daily.ru.atom' });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'public, max-age=300');
      const entries = entriesOf(response.body);
      assert.deepEqual(
        entries.map((entry) => entry.id),
        [correction, firstDaily].map((id) => `tag:vigil.example.org,2026:bulletin/${id}/ru`),
      );
      assert.match(entries[0]?.title['#text'] ?? '', /^Исправление — Ежедневный отчёт 2026-11-27$/);
      const related = entries[0]?.link.find((link) => link['@rel'] === 'related');
      assert.equal(related?.['@href'], `${PUBLIC_URL}/bulletins/${firstDaily}?lang=ru`);
      const cached = await app.inject({
        method: 'GET',
        url: '/feeds/daily.ru.atom',
        headers: { 'if-none-match': String(response.headers['etag']) },
      });
      assert.equal(cached.statusCode, 304);
      const all = entriesOf((await app.inject({ method: 'GET', url: '/feeds/all.ru.atom' })).body);
      assert.equal(all.length, 3);
      const english = entriesOf(
        (await app.inject({ method: 'GET', url: '/feeds/all.en.atom' })).body,
      );
      assert.equal(english.length, 2, 'the weekly report has no English version');
      const missing = await app.inject({ method: 'GET', url: '/feeds/daily.fr.atom' });
      assert.equal(missing.statusCode, 404);
    });

    it('mails a digest in the subscriber’s language with only their products, once', async () => {
      at('2026-11-28T08:00:00.000Z');
      await confirmedSubscriber(vigil, {
        email: 'bob@mail.example',
        language: 'en',
        products: ['daily'],
      });
      await confirmedSubscriber(vigil, {
        email: 'carol@mail.example',
        language: 'ru',
        products: ['weekly'],
      });
      // Bulletins published before the confirmation are not mailed.
      assert.equal((await feeds.runOnce()).digests, 0);
      at('2026-11-28T10:00:00.000Z');
      const daily = await insertPublishedBulletin(db, {
        product: 'daily',
        publishedAt: '2026-11-28T09:00:00.000Z',
        texts: { en: 'Checkpoint North reopened.', ru: 'КПП «Север» снова открыт.' },
        logIndex: 50,
      });
      const weekly = await insertPublishedBulletin(db, {
        product: 'weekly',
        publishedAt: '2026-11-28T09:30:00.000Z',
        texts: { en: 'The week in review.', ru: 'Итоги недели: проходы.' },
        logIndex: 51,
      });
      assert.equal((await feeds.runOnce()).digests, 2);
      const [bob] = mailsTo(smtp.received, 'bob@mail.example').slice(1);
      assert.ok(bob);
      assert.equal(bob.subject, 'New Vigil bulletins (1)');
      assert.match(bob.text ?? '', /Checkpoint North reopened\./);
      assert.ok(bob.text?.includes(`${PUBLIC_URL}/bulletins/${daily}?lang=en`));
      assert.doesNotMatch(bob.text ?? '', /week|КПП/);
      assert.equal(headerOf(bob, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.match(
        headerOf(bob, 'list-unsubscribe'),
        /^<https:\/\/vigil\.example\.org\/unsubscribe\//,
      );
      const [carol] = mailsTo(smtp.received, 'carol@mail.example').slice(1);
      assert.ok(carol);
      assert.equal(carol.subject, 'Новые бюллетени Vigil (1)');
      assert.ok(carol.text?.includes(`${PUBLIC_URL}/bulletins/${weekly}?lang=ru`));
      assert.doesNotMatch(carol.text ?? '', /КПП|Checkpoint/);
      // Re-runs, also two at once, mail nothing more.
      await Promise.all([feeds.digests.run(), feeds.digests.run()]);
      assert.equal((await feeds.runOnce()).digests, 0);
      assert.equal(mailsTo(smtp.received, 'bob@mail.example').length, 2);
      assert.equal(mailsTo(smtp.received, 'carol@mail.example').length, 2);
    });

    it('sends the next digest with only the bulletins not mailed yet, even from concurrent runs', async () => {
      at('2026-11-28T12:00:00.000Z');
      await insertPublishedBulletin(db, {
        product: 'daily',
        publishedAt: '2026-11-28T11:00:00.000Z',
        texts: { en: 'Queues at the bridge.' },
        logIndex: 60,
      });
      const queued = await Promise.all([feeds.digests.run(), feeds.digests.run()]);
      assert.equal(queued[0] + queued[1], 1);
      await feeds.runOnce();
      const mails = mailsTo(smtp.received, 'bob@mail.example');
      assert.equal(mails.length, 3);
      assert.match(mails[2]?.text ?? '', /Queues at the bridge\./);
      assert.doesNotMatch(mails[2]?.text ?? '', /Checkpoint North/);
    });

    it('keeps mail in the outbox while the relay is down and sends it later', async () => {
      await smtp.stop();
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/v1/subscriptions',
        payload: { email: 'dave@mail.example', language: 'hy', products: ['spot'] },
      });
      assert.equal(accepted.statusCode, 202);
      assert.deepEqual((await feeds.runOnce()).drained, { sent: 0, failed: 1 });
      const row = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'queued')
        .executeTakeFirstOrThrow();
      assert.equal(row.attempts, 1);
      assert.equal(
        row.next_attempt_at,
        new Date(clock.now.getTime() + FIRST_BACKOFF_MS).toISOString(),
      );
      assert.match(row.last_error ?? '', /^[A-Z0-9_]+$/);
      assert.deepEqual((await feeds.runOnce()).drained, { sent: 0, failed: 0 }, 'not due yet');
      await smtp.start();
      at(new Date(clock.now.getTime() + FIRST_BACKOFF_MS).toISOString());
      assert.deepEqual((await feeds.runOnce()).drained, { sent: 1, failed: 0 });
      const [mail] = mailsTo(smtp.received, 'dave@mail.example');
      assert.equal(mail?.subject, 'Հաստատեք Vigil-ի տեղեկագրերի բաժանորդագրությունը');
      const sent = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(sent.status, 'sent');
      assert.equal(sent.message_sealed, '', 'a sent mail is not kept');
    });

    it('gives up on a mail the relay refuses for good, keeping only the reply code', async () => {
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/v1/subscriptions',
        payload: { email: 'refused@mail.example', language: 'az', products: ['daily'] },
      });
      assert.equal(accepted.statusCode, 202);
      assert.deepEqual((await feeds.runOnce()).drained, { sent: 0, failed: 1 });
      const row = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'failed')
        .executeTakeFirstOrThrow();
      assert.equal(row.last_error, '550');
      assert.equal(row.message_sealed, '');
      assert.deepEqual((await feeds.runOnce()).drained, { sent: 0, failed: 0 });
    });
  });
}
