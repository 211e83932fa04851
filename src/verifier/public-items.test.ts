import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/support/temp-dir.ts';
import { encodeLogEntry } from '../ledger/log-entry.ts';
import { utf8 } from '../ledger/bytes.ts';
import { COMMITMENT_KINDS } from '../monitoring/commitments/commitment.service.ts';
import { RESTRICTION_KIND } from '../monitoring/operations/restriction.service.ts';
import { GAZETTEER_KINDS } from '../passage/registry/gazetteer/gazetteer.service.ts';
import { BULLETIN_KINDS } from '../transparency/bulletins/bulletin.service.ts';
import { OPEN_DATA_ENTRY_KINDS } from '../transparency/open-data/open-data.service.ts';
import { PublicItemCollector } from './public-items.ts';
import { PUBLIC_KINDS } from './public-kinds.ts';
import { VerificationError } from './verification-error.ts';

const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const RELEASE = {
  dataset: 'incidents',
  version: 2,
  methodologyVersion: '1.0',
  rowCount: 3,
  createdAt: '2023-10-01T12:00:00.000Z',
  sha256: { csv: 'a'.repeat(64), json: 'b'.repeat(64) },
};
const BULLETIN = {
  bulletinId: ID,
  product: 'daily',
  periodFrom: '2023-09-23T15:30:00.000Z',
  periodTo: '2023-09-24T15:30:00.000Z',
  languages: ['en', 'hy'],
  texts: { en: 'Calm.', hy: 'Հանգիստ։' },
  figures: { sections: [], headlines: [] },
  corrects: null,
};

const entry = (kind: string, body: unknown, id = ID) =>
  encodeLogEntry({ kind, id, version: 1, at: '2023-10-01T12:00:00.000Z', body });

function failure(collector: PublicItemCollector, bytes: Uint8Array): string {
  try {
    collector.observe(bytes, 7);
  } catch (error) {
    assert.ok(error instanceof VerificationError);
    return error.message;
  }
  assert.fail('the entry was accepted');
}

describe('PublicItemCollector', () => {
  it('knows every kind the services log in public', () => {
    const written = [
      BULLETIN_KINDS.published,
      ...Object.values(OPEN_DATA_ENTRY_KINDS),
      COMMITMENT_KINDS.version,
      RESTRICTION_KIND,
      ...Object.values(GAZETTEER_KINDS),
    ];
    assert.deepEqual(Object.keys(PUBLIC_KINDS).sort(), [...written].sort());
  });

  it('re-derives public items and counts the sealed and foreign entries apart', () => {
    const collector = new PublicItemCollector();
    collector.observe(entry('bulletin.published', BULLETIN), 0);
    collector.observe(entry('open_data.release', RELEASE), 1);
    collector.observe(entry('passage.crossing', { commitment: 'c'.repeat(64) }), 2);
    collector.observe(utf8('not a Vigil entry'), 3);
    assert.deepEqual(
      [...collector.counts()],
      [
        ['bulletin.published', 1],
        ['open_data.release', 1],
      ],
    );
    assert.equal(
      collector.summary(),
      're-derived 2 public items (bulletin.published 1, open_data.release 1); 2 sealed or other entries',
    );
    assert.deepEqual(collector.items[1]?.path, ['open-data', 'incidents', '2.json']);
  });

  it('fails a body its kind does not accept, naming the entry', () => {
    const collector = new PublicItemCollector();
    const bad = { ...RELEASE, sha256: { csv: 'not hex' } };
    assert.match(failure(collector, entry('open_data.release', bad)), /^entry 7 .*sha256\.csv/);
    const noText = { ...BULLETIN, texts: { en: 'Calm.' } };
    assert.match(failure(collector, entry('bulletin.published', noText)), /has no text/);
    const extra = { ...BULLETIN, publishedBy: 'someone' };
    assert.match(failure(collector, entry('bulletin.published', extra)), /not a valid/);
  });

  it('fails a body naming another id, an item published twice, an unsafe file name', () => {
    const collector = new PublicItemCollector();
    const other = '00000000-0000-4000-8000-000000000000';
    assert.match(failure(collector, entry('bulletin.published', BULLETIN, other)), /another id/);
    collector.observe(entry('open_data.release', RELEASE), 1);
    assert.match(failure(collector, entry('open_data.release', RELEASE)), /published twice/);
    const place = { id: '..', kind: 'checkpoint', names: {} };
    assert.match(failure(collector, entry('gazetteer.place', place, '..')), /no safe file name/);
  });

  it('writes every item and an index under the directory', async () => {
    const collector = new PublicItemCollector();
    collector.observe(entry('bulletin.published', BULLETIN), 4);
    const dir = join(tempDir(), 'out');
    assert.equal(await collector.write(dir), 1);
    const item: unknown = JSON.parse(readFileSync(join(dir, 'bulletins', `${ID}.json`), 'utf8'));
    assert.deepEqual(item, {
      kind: 'bulletin.published',
      id: ID,
      version: 1,
      at: '2023-10-01T12:00:00.000Z',
      logIndex: 4,
      body: BULLETIN,
    });
    const index: unknown = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    assert.deepEqual(index, [
      { kind: 'bulletin.published', id: ID, logIndex: 4, file: `bulletins/${ID}.json` },
    ]);
  });
});
