import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { compareWithServer } from './compare-server.ts';
import type { PublicItem } from './public-items.ts';

const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const FACTS = {
  product: 'spot',
  periodFrom: '2023-09-30T09:00:00.000Z',
  periodTo: '2023-09-30T12:00:00.000Z',
  languages: ['en'],
  corrects: null,
};
const SHA = { csv: 'a'.repeat(64), json: 'b'.repeat(64) };
const LOGGED: PublicItem[] = [
  {
    kind: 'bulletin.published',
    id: ID,
    version: 4,
    at: '2023-10-01T12:00:00.000Z',
    logIndex: 3,
    body: { bulletinId: ID, ...FACTS, texts: { en: 'x' }, figures: {} },
    path: ['bulletins', `${ID}.json`],
  },
  {
    kind: 'open_data.release',
    id: 'r',
    version: 1,
    at: '2023-10-01T12:00:00.000Z',
    logIndex: 5,
    body: { dataset: 'incidents', version: 1, rowCount: 3, sha256: SHA },
    path: ['open-data', 'incidents', '1.json'],
  },
];

/** What the fake server answers; each test sets it. */
let served: { bulletins: object[]; releases: object[] } = { bulletins: [], releases: [] };
const server = createServer((request, response) => {
  const body = request.url?.startsWith('/api/v1/bulletins')
    ? { bulletins: served.bulletins }
    : { datasets: [{ name: 'incidents', releases: served.releases }] };
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => server.close());
const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

const bulletin = { id: ID, ...FACTS, logIndex: 3, publishedAt: '2023-10-01T12:00:00.000Z' };
// Key order differs from the log's canonical order on purpose: only values count.
const release = { dataset: 'incidents', version: 1, rowCount: 3, logIndex: 5, sha256: SHA };

async function failure(size = 10): Promise<string> {
  const error = await compareWithServer(url, LOGGED, size).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof Error, 'the comparison passed');
  return error.message;
}

describe('compareWithServer', () => {
  it('accepts a server publishing exactly the logged items', async () => {
    served = {
      bulletins: [bulletin],
      releases: [{ ...release, sha256: { json: SHA.json, csv: SHA.csv } }],
    };
    assert.equal(await compareWithServer(url, LOGGED, 10), 2);
  });

  it('ignores items published after the audited checkpoint', async () => {
    const later = { ...bulletin, id: 'later', logIndex: 10 };
    served = { bulletins: [bulletin, later], releases: [release] };
    assert.equal(await compareWithServer(url, LOGGED, 10), 3);
  });

  it('fails a bulletin served but not logged, or logged but not served', async () => {
    served = {
      bulletins: [bulletin, { ...bulletin, id: 'ghost', logIndex: 2 }],
      releases: [release],
    };
    assert.match(await failure(), /bulletin ghost is published but not logged/);
    served = { bulletins: [], releases: [release] };
    assert.match(await failure(), /logged but not published/);
  });

  it('fails an item served with other content or another log index', async () => {
    served = { bulletins: [{ ...bulletin, languages: ['en', 'ru'] }], releases: [release] };
    assert.match(await failure(), /differs from its log entry/);
    served = {
      bulletins: [bulletin],
      releases: [{ ...release, sha256: { ...SHA, csv: 'c'.repeat(64) } }],
    };
    assert.match(await failure(), /release incidents 1 differs/);
    served = { bulletins: [{ ...bulletin, logIndex: 4 }], releases: [release] };
    assert.match(await failure(), /differs from its log entry/);
  });

  it('fails an item served without a log index', async () => {
    const unindexed: Partial<typeof bulletin> = { ...bulletin };
    delete unindexed.logIndex;
    served = { bulletins: [unindexed], releases: [release] };
    assert.match(await failure(), /shows no log index/);
  });
});
