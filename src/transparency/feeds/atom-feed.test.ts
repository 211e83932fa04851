// The Atom feeds as a reader's parser sees them (RFC 4287): required elements, stable ids,
// corrections linked, and staff-written text that tries to break out of the XML stays text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { feedPath, renderAtomFeed } from './atom-feed.ts';
import { parseFeedName } from './feed.routes.ts';
import { readFeedsConfig } from './feeds-config.ts';
import type { PublishedItem } from './published-item.port.ts';
import { escapeXml } from './xml-escape.ts';

const config = readFeedsConfig({ VIGIL_PUBLIC_URL: 'https://vigil.example.org' });
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link'].includes(name),
});

const daily: PublishedItem = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  product: 'daily',
  title: 'Daily report 2026-11-27 <script>alert("x")</script> & more',
  summary: "Passages rose; ]]> </summary><evil/> 'quoted'\u0001 end",
  language: 'en',
  publishedAt: '2026-11-27T18:00:00.000Z',
  url: '/bulletins/0193a1b2-0000-7000-8000-000000000001/en',
  logIndex: 41,
};
const correction: PublishedItem = {
  ...daily,
  id: '0193a1b2-0000-7000-8000-000000000002',
  title: 'Correction',
  summary: 'A figure was wrong.',
  publishedAt: '2026-11-28T09:00:00.000Z',
  url: '/bulletins/0193a1b2-0000-7000-8000-000000000002/en',
  logIndex: 57,
  corrects: { id: daily.id, url: daily.url },
};

interface AtomLink {
  '@rel': string;
  '@href': string;
}
interface AtomEntry {
  id: string;
  title: { '#text': string };
  summary: { '#text': string };
  updated: string;
  published: string;
  link: AtomLink[];
}
interface AtomFeed {
  feed: {
    id: string;
    title: { '#text': string };
    updated: string;
    link: AtomLink[];
    entry?: AtomEntry[];
  };
}

function parse(xml: string): AtomFeed {
  // saxes is a strict XML 1.0 parser: it throws on anything not well-formed.
  new SaxesParser({ xmlns: true }).write(xml).close();
  return parser.parse(xml) as AtomFeed;
}

describe('Atom feed', () => {
  it('has the feed elements RFC 4287 requires, with a self link to its own URL', () => {
    const { feed } = parse(
      renderAtomFeed(config, { product: 'daily', language: 'en' }, [correction, daily]),
    );
    assert.equal(feed.id, 'tag:vigil.example.org,2026:feeds/daily.en');
    assert.equal(feed.title['#text'], 'Vigil bulletins: Daily report');
    assert.equal(feed.updated, correction.publishedAt);
    const self = feed.link.find((link) => link['@rel'] === 'self');
    assert.equal(self?.['@href'], 'https://vigil.example.org/feeds/daily.en.atom');
    assert.equal(feed.entry?.length, 2);
  });

  it('gives each entry a stable tag id, dates, its page, and keeps hostile text as text', () => {
    const { feed } = parse(renderAtomFeed(config, { product: 'all', language: 'en' }, [daily]));
    const [entry] = feed.entry ?? [];
    assert.ok(entry);
    assert.equal(entry.id, `tag:vigil.example.org,2026:bulletin/${daily.id}/en`);
    assert.equal(entry.title['#text'], daily.title);
    assert.equal(entry.summary['#text'], "Passages rose; ]]> </summary><evil/> 'quoted' end");
    assert.equal(entry.updated, daily.publishedAt);
    assert.equal(entry.published, daily.publishedAt);
    assert.deepEqual(
      entry.link.map((link) => [link['@rel'], link['@href']]),
      [['alternate', `https://vigil.example.org${daily.url}`]],
    );
  });

  it('links a correction to the bulletin it corrects', () => {
    const { feed } = parse(
      renderAtomFeed(config, { product: 'daily', language: 'en' }, [correction]),
    );
    const related = feed.entry?.[0]?.link.find((link) => link['@rel'] === 'related');
    assert.equal(related?.['@href'], `https://vigil.example.org${daily.url}`);
  });

  it('would notice a document that is not well-formed', () => {
    assert.throws(() => parse('<feed><title>x</feed>'));
  });

  it('is valid and stable when empty', () => {
    const xml = renderAtomFeed(config, { product: 'spot', language: 'hy' }, []);
    const { feed } = parse(xml);
    assert.equal(feed.updated, '1970-01-01T00:00:00.000Z');
    assert.equal(feed.entry, undefined);
    assert.equal(renderAtomFeed(config, { product: 'spot', language: 'hy' }, []), xml);
  });

  it('reads feed names strictly', () => {
    assert.deepEqual(parseFeedName('weekly.az.atom'), { product: 'weekly', language: 'az' });
    assert.deepEqual(parseFeedName('all.ru.atom'), { product: 'all', language: 'ru' });
    for (const bad of ['daily.fr.atom', 'daily.en.rss', 'x.daily.en.atom', 'daily.en.atom\n', '']) {
      assert.equal(parseFeedName(bad), undefined, bad);
    }
    assert.equal(feedPath({ product: 'all', language: 'en' }), '/feeds/all.en.atom');
  });

  it('escapes markup and drops characters XML forbids, keeping astral characters whole', () => {
    assert.equal(
      escapeXml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    assert.equal(escapeXml('a\u0000b\u0008c\td\uD800e\uFFFF😀'), 'abc\tde😀');
  });
});
