// Feeds and digests on bulletins published through the bulletins slice's own HTTP flow (an
// analyst writes, a coordinator approves and publishes; a correction names the corrected): the
// feed reads exactly what was published, and a subscriber of that product is mailed it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { Bulletin } from '../../src/transparency/bulletins/bulletin.repository.ts';
import { DIALECTS } from '../support/databases.ts';
import { linkIn, mailsTo, openFeedsVigil, PUBLIC_URL } from '../support/feeds-vigil.ts';
import type { FeedsTestVigil } from '../support/feeds-vigil.ts';

interface Entry {
  id: string;
  title: { '#text': string };
  link: { '@rel': string; '@href': string }[];
}
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link'].includes(name),
});

const opened: (FeedsTestVigil & { dialect: string })[] = [];
for (const dialect of DIALECTS) opened.push({ dialect, ...(await openFeedsVigil(dialect)) });

for (const vigil of opened) {
  const { app } = vigil.test.vigil;
  const { analyst, coordinator } = vigil.test.staff;
  const post = async (url: string, headers: Record<string, string>, payload: object) => {
    const response = await app.inject({ method: 'POST', url, headers, payload });
    assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
    return response.json<Bulletin>();
  };
  const publish = async (bulletin: Bulletin): Promise<Bulletin> => {
    const url = `/api/v1/bulletins/${bulletin.id}`;
    const approved = await post(`${url}/approval`, coordinator.headers, {
      version: bulletin.version,
    });
    return post(`${url}/publication`, coordinator.headers, { version: approved.version });
  };

  describe(`feeds of bulletins published over HTTP on ${vigil.dialect}`, () => {
    it('shows a published spot report and its correction in the feed and in a digest', async () => {
      const subscribed = await app.inject({
        method: 'POST',
        url: '/api/v1/subscriptions',
        payload: { email: 'erin@mail.example', language: 'en', products: ['spot'] },
      });
      assert.equal(subscribed.statusCode, 202);
      await vigil.feeds.runOnce();
      const confirmation = mailsTo(vigil.smtp.received, 'erin@mail.example')[0];
      const confirm = linkIn(confirmation?.text ?? '', '/subscriptions/confirm/');
      await app.inject({ method: 'POST', url: confirm.slice(PUBLIC_URL.length) });

      vigil.clock.now = new Date('2026-11-28T09:00:00.000Z');
      const created = await post('/api/v1/bulletins', analyst.headers, {
        product: 'spot',
        periodFrom: '2026-11-28T07:00:00Z',
        periodTo: '2026-11-28T08:00:00Z',
        texts: { en: 'Road closed near the bridge.' },
      });
      const edited = await post(`/api/v1/bulletins/${created.id}/texts`, analyst.headers, {
        version: created.version,
        language: 'en',
        text: 'Road closed near the bridge <since 07:00> & queues.',
      });
      const spot = await publish(edited);
      vigil.clock.now = new Date('2026-11-28T10:00:00.000Z');
      const correction = await publish(
        await post(`/api/v1/bulletins/${spot.id}/corrections`, analyst.headers, {
          kind: 'correction',
          texts: { en: 'The road reopened at 08:30.' },
        }),
      );

      const feed = await app.inject({ method: 'GET', url: '/feeds/spot.en.atom' });
      assert.equal(feed.statusCode, 200);
      const parsed = parser.parse(feed.body) as { feed: { entry?: Entry[] } };
      const entries = parsed.feed.entry ?? [];
      assert.deepEqual(
        entries.map((entry) => entry.id),
        [correction.id, spot.id].map((id) => `tag:vigil.example.org,2026:bulletin/${id}/en`),
      );
      assert.match(entries[0]?.title['#text'] ?? '', /^Correction — Spot report/);
      const related = entries[0]?.link.find((link) => link['@rel'] === 'related');
      assert.equal(related?.['@href'], `${PUBLIC_URL}/bulletins/${spot.id}?lang=en`);
      const page = entries[1]?.link.find((link) => link['@rel'] === 'alternate')?.['@href'] ?? '';
      const served = await app.inject({ method: 'GET', url: page.slice(PUBLIC_URL.length) });
      assert.equal(served.statusCode, 200, 'the entry links the bulletin’s public page');

      assert.equal((await vigil.feeds.runOnce()).digests, 1);
      const [, digest] = mailsTo(vigil.smtp.received, 'erin@mail.example');
      assert.ok(digest);
      assert.equal(digest.subject, 'New Vigil bulletins (2)');
      assert.match(digest.text ?? '', /Road closed near the bridge <since 07:00> & queues\./);
      assert.match(digest.text ?? '', /The road reopened at 08:30\./);
      assert.ok(digest.text?.includes(`Log entry ${String(spot.logIndex)}`));
    });
  });
}
