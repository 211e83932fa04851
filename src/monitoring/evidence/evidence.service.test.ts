// The evidence use cases on both engines: duplicates share one blob, racing uploads of the same
// bytes keep one file, legal hold blocks deletion, deletion crypto-shreds only the last holder
// of a content, and content shredded once can be stored again.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { tempDir } from '../../../test/support/temp-dir.ts';
import { Keyring } from '../../people/keyring.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { AppDatabase } from '../../store/open-database.ts';
import { EvidenceAccessService } from './evidence-access.service.ts';
import { EvidenceBlobStore } from './evidence-blob-store.ts';
import type { EvidenceDeps } from './evidence-deps.ts';
import { insertIncident } from './evidence.fixture.ts';
import { EvidenceService } from './evidence.service.ts';

function depsOn(database: AppDatabase): EvidenceDeps & { root: string } {
  const entries: Uint8Array[] = [];
  const root = tempDir();
  return {
    db: database.db,
    sealer: new Sealer({ append: (entry) => Promise.resolve({ index: entries.push(entry) - 1 }) }),
    keyring: new Keyring(new Uint8Array(randomBytes(32))),
    now: () => new Date(),
    blobs: new EvidenceBlobStore(root),
    uploadLimit: 1024 * 1024,
    root,
  };
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const source = (bytes: Buffer) => Readable.from([bytes]);

describeOnBothDatabases('evidence service', (open) => {
  it('stores the same bytes once for two items, even when uploaded at the same time', async () => {
    const deps = depsOn(await open());
    const evidence = new EvidenceService(deps);
    const bytes = randomBytes(70_000);
    const upload = () => evidence.upload({ source: source(bytes), mediaType: 'image/jpeg' }, 'a');
    const [first, second] = await Promise.all([upload(), upload()]);
    assert.notEqual(first.id, second.id);
    assert.equal(filesUnder(deps.root).length, 1, 'one file, and no temporary one left');
    const access = new EvidenceAccessService(deps);
    for (const { id } of [first, second]) {
      const { stream } = await access.openOriginal(id, 'b');
      assert.deepEqual(await buffer(stream), bytes);
    }
  });

  it('blocks deletion under legal hold and shreds only the last holder of a content', async () => {
    const deps = depsOn(await open());
    const evidence = new EvidenceService(deps);
    const access = new EvidenceAccessService(deps);
    const bytes = Buffer.from('photo of the checkpoint');
    const held = await evidence.upload(
      { source: source(bytes), mediaType: 'image/jpeg', fileName: 'IMG_1.jpg' },
      'a',
    );
    const other = await evidence.upload({ source: source(bytes), mediaType: 'image/jpeg' }, 'a');
    await evidence.setHold(held.id, { hold: true, version: 1 }, 'c');
    await assert.rejects(evidence.delete(held.id, { version: 2, reason: 'duplicate' }, 'c'), {
      code: 'legal_hold',
    });
    await assert.rejects(evidence.setHold(held.id, { hold: true, version: 2 }, 'c'), {
      code: 'invalid_transition',
    });
    await evidence.delete(other.id, { version: 1, reason: 'duplicate' }, 'c');
    assert.equal(filesUnder(deps.root).length, 1, 'the held item still holds the content');
    await assert.rejects(access.openOriginal(other.id, 'b'), { code: 'gone' });
    await evidence.setHold(held.id, { hold: false, version: 2 }, 'c');
    const deleted = await evidence.delete(held.id, { version: 3, reason: 'retention' }, 'c');
    assert.ok(deleted.deletedAt !== null);
    assert.equal(deleted.hasFileName, false, 'the sealed name is erased');
    assert.deepEqual(filesUnder(deps.root), []);
    await assert.rejects(access.checkHash(held.id, 'b'), { code: 'gone' });
    const actions = (await access.custody(held.id)).map((event) => event.action);
    assert.deepEqual(actions, ['intake', 'hold_set', 'hold_released', 'deletion']);
    const again = await evidence.upload({ source: source(bytes), mediaType: 'image/jpeg' }, 'a');
    const { stream } = await access.openOriginal(again.id, 'b');
    assert.deepEqual(await buffer(stream), bytes, 'a shredded content can be stored again');
  });

  it('never leaves a live item on shredded content when an upload races a deletion', async () => {
    const deps = depsOn(await open());
    const evidence = new EvidenceService(deps);
    const access = new EvidenceAccessService(deps);
    for (let round = 0; round < 12; round++) {
      const bytes = randomBytes(20_000);
      const upload = () => evidence.upload({ source: source(bytes), mediaType: 'image/png' }, 'a');
      const held = await upload();
      const [, again] = await Promise.all([
        evidence.delete(held.id, { version: held.version, reason: 'uploaded_in_error' }, 'b'),
        upload(),
      ]);
      const { stream } = await access.openOriginal(again.id, 'c');
      assert.deepEqual(await buffer(stream), bytes, `round ${String(round)}`);
    }
  });

  it('links items to incidents and lists an incident’s live items', async () => {
    const database = await open();
    const deps = depsOn(database);
    const evidence = new EvidenceService(deps);
    const incident = await insertIncident(database.db);
    const first = await evidence.upload(
      { source: source(Buffer.from('1')), mediaType: 'text/plain', incidentId: incident },
      'a',
    );
    const second = await evidence.upload(
      { source: source(Buffer.from('2')), mediaType: 'text/plain' },
      'a',
    );
    await evidence.link(second.id, incident, 'a');
    await assert.rejects(evidence.link(second.id, first.id, 'a'), { code: 'not_found' });
    const access = new EvidenceAccessService(deps);
    assert.deepEqual(
      (await access.listForIncident(incident)).map((item) => item.id),
      [first.id, second.id],
    );
    await evidence.delete(first.id, { version: 1, reason: 'uploaded_in_error' }, 'c');
    assert.deepEqual(
      (await access.listForIncident(incident)).map((item) => item.id),
      [second.id],
    );
    await assert.rejects(evidence.delete(first.id, { version: 2, reason: 'duplicate' }, 'c'), {
      code: 'gone',
    });
  });
});
