// Evidence through the HTTP API: streaming upload with a size limit (413 keeps nothing), the
// hash taken at intake, encryption at rest, a custody event for every access, legal hold
// blocking deletion, and the stripped working copy.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { insertIncident } from '../../src/monitoring/evidence/evidence.fixture.ts';
import {
  EXIF_HEADER,
  jpegWithGps,
  pngWithGps,
} from '../../src/monitoring/evidence/evidence-images.fixture.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const LIMIT = 256 * 1024;
const test = await openTestVigil({ backgroundJobs: false, evidenceUploadLimit: LIMIT });
const { app } = test.vigil;
const { db } = test.vigil.database;
const analyst = test.staff.analyst.headers;
const coordinator = test.staff.coordinator.headers;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface View {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  hasFileName: boolean;
  legalHold: boolean;
  deletedAt: string | null;
  incidents: string[];
  version: number;
}

function upload(body: Buffer | Readable, query = '', headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/evidence${query}`,
    headers: { ...analyst, 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });
}

async function uploaded(body: Buffer, query = ''): Promise<View> {
  const response = await upload(body, query);
  assert.equal(response.statusCode, 201, response.body);
  return response.json<View>();
}

async function counts() {
  const count = async (
    table: 'evidence' | 'evidence_blob' | 'evidence_custody' | 'sealed_record',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    items: await count('evidence'),
    blobs: await count('evidence_blob'),
    custody: await count('evidence_custody'),
    sealed: await count('sealed_record'),
    log: test.vigil.sequencer.checkpoint.size,
  };
}

function storedFiles(): string[] {
  const root = join(test.dataDir, 'evidence');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(root);
  return files;
}

async function custodyOf(id: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/evidence/${id}/custody`,
    headers: analyst,
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{
    events: {
      action: string;
      actor: string;
      result: string | null;
      detail: string | null;
      logIndex: number;
    }[];
  }>().events;
}

describe('evidence upload', () => {
  it('streams a file in pieces, hashes it at intake and stores it encrypted', async () => {
    const plain = Buffer.from('Statement of a witness at the checkpoint. '.repeat(3000));
    const pieces = Readable.from([plain.subarray(0, 50_000), plain.subarray(50_000)]);
    const response = await upload(pieces, '?mediaType=text/plain', {
      'x-evidence-file-name': encodeURIComponent('свидетель.txt'),
    });
    assert.equal(response.statusCode, 201, response.body);
    const view = response.json<View>();
    assert.equal(view.sha256, sha256(plain));
    assert.equal(view.size, plain.length);
    assert.equal(view.mediaType, 'text/plain');
    assert.equal(view.hasFileName, true);
    const file = storedFiles().find((path) => path.includes(view.sha256));
    assert.ok(file !== undefined, 'stored under its content address');
    const stored = readFileSync(file);
    assert.equal(stored.includes(Buffer.from('witness')), false, 'no plaintext at rest');
    const row = await db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.name_sealed?.includes('свидетель'), false, 'file name sealed');
    const name = await app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${view.id}/file-name`,
      headers: analyst,
    });
    assert.equal(name.json<{ fileName: string }>().fileName, 'свидетель.txt');
    const events = await custodyOf(view.id);
    assert.deepEqual(
      events.map((event) => event.action),
      ['intake', 'access'],
    );
    assert.equal(events[0]?.result, view.sha256);
    assert.equal(events[1]?.detail, 'file_name');
  });

  it('refuses a body over the configured limit with 413 and keeps nothing', async () => {
    const before = await counts();
    const filesBefore = storedFiles().length;
    const big = Buffer.alloc(LIMIT + 1, 7);
    const streamed = await upload(Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
    assert.equal(streamed.statusCode, 413, streamed.body);
    assert.equal(streamed.json<{ error: { code: string } }>().error.code, 'payload_too_large');
    const declared = await upload(big);
    assert.equal(declared.statusCode, 413);
    assert.deepEqual(await counts(), before);
    assert.equal(storedFiles().length, filesBefore, 'no file, not even a temporary one');
    assert.equal((await upload(Buffer.alloc(LIMIT, 1))).statusCode, 201, 'the limit itself fits');
  });

  it('refuses JSON, text and empty bodies and an unknown incident, keeping nothing', async () => {
    const before = await counts();
    const json = await upload(Buffer.from('{}'), '', { 'content-type': 'application/json' });
    assert.equal(json.statusCode, 415);
    assert.equal((await upload(Buffer.alloc(0))).statusCode, 422);
    const unknown = await upload(
      Buffer.from('x'),
      `?incidentId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    );
    assert.equal(unknown.statusCode, 404);
    const badName = await upload(Buffer.from('x'), '', { 'x-evidence-file-name': '%E0%A4%A' });
    assert.equal(badName.statusCode, 422);
    assert.deepEqual(await counts(), before);
  });

  it('keeps one file and two items for the same bytes uploaded twice', async () => {
    const bytes = Buffer.from('the same photo, sent by two people');
    const first = await uploaded(bytes);
    const second = await uploaded(bytes);
    assert.notEqual(first.id, second.id);
    assert.equal(first.sha256, second.sha256);
    assert.equal(storedFiles().filter((path) => path.includes(first.sha256)).length, 1);
  });
});

describe('custody chain', () => {
  it('records the download of the original, hash checks and links', async () => {
    const incident = await insertIncident(db);
    const bytes = Buffer.from('a video frame');
    const view = await uploaded(bytes, `?incidentId=${incident}`);
    assert.deepEqual(view.incidents, [incident]);
    const original = await app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${view.id}/original`,
      headers: analyst,
    });
    assert.equal(original.statusCode, 200);
    assert.deepEqual(original.rawPayload, bytes);
    assert.equal(original.headers['content-disposition'], `attachment; filename="${view.id}.bin"`);
    const head = await app.inject({
      method: 'HEAD',
      url: `/api/v1/evidence/${view.id}/original`,
      headers: analyst,
    });
    assert.equal(head.statusCode, 200);
    const check = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/hash-check`,
      headers: analyst,
    });
    assert.deepEqual(check.json(), { result: 'match', sha256: view.sha256, computed: view.sha256 });
    const other = await insertIncident(db);
    const link = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/links`,
      headers: analyst,
      payload: { incidentId: other },
    });
    assert.equal(link.statusCode, 200, link.body);
    assert.deepEqual(link.json<View>().incidents.sort(), [incident, other].sort());
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/links`,
      headers: analyst,
      payload: { incidentId: other },
    });
    assert.equal(again.statusCode, 409);
    const events = await custodyOf(view.id);
    assert.deepEqual(
      events.map((event) => event.action),
      ['intake', 'link', 'access', 'hash_check', 'link'],
    );
    assert.equal(events[3]?.result, 'match');
    assert.ok(events.every((event) => event.actor === test.staff.analyst.id));
    const sealed = await db
      .selectFrom('sealed_record')
      .select('kind')
      .where('kind', '=', 'evidence.custody')
      .execute();
    assert.ok(sealed.length >= events.length, 'each event is sealed');
  });

  it('reports a stored file altered on disk as unreadable', async () => {
    const view = await uploaded(Buffer.from('to be tampered with'));
    const file = storedFiles().find((path) => path.includes(view.sha256));
    assert.ok(file !== undefined);
    const bytes = readFileSync(file);
    bytes[12] = (bytes[12] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const check = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/hash-check`,
      headers: analyst,
    });
    assert.equal(check.json<{ result: string }>().result, 'unreadable');
    assert.equal((await custodyOf(view.id)).at(-1)?.result, 'unreadable');
  });
});

describe('legal hold and deletion', () => {
  it('refuses deletion while held, then crypto-shreds the file once released', async () => {
    const view = await uploaded(Buffer.from('evidence for the court'));
    const hold = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/legal-hold`,
      headers: coordinator,
      payload: { hold: true, version: 1 },
    });
    assert.equal(hold.statusCode, 200, hold.body);
    assert.equal(hold.json<View>().legalHold, true);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/deletion`,
      headers: coordinator,
      payload: { version: 2, reason: 'retention' },
    });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'legal_hold');
    assert.ok(storedFiles().some((path) => path.includes(view.sha256)));
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/legal-hold`,
      headers: coordinator,
      payload: { hold: false, version: 1 },
    });
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'conflict');
    const release = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/legal-hold`,
      headers: coordinator,
      payload: { hold: false, version: 2 },
    });
    assert.equal(release.statusCode, 200);
    const analystDelete = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/deletion`,
      headers: analyst,
      payload: { version: 3, reason: 'retention' },
    });
    assert.equal(analystDelete.statusCode, 403);
    const deleted = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/deletion`,
      headers: coordinator,
      payload: { version: 3, reason: 'retention' },
    });
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.ok(deleted.json<View>().deletedAt !== null);
    assert.equal(
      storedFiles().some((path) => path.includes(view.sha256)),
      false,
      'file removed',
    );
    const blob = await db
      .selectFrom('evidence_blob')
      .selectAll()
      .where('sha256', '=', view.sha256)
      .executeTakeFirstOrThrow();
    assert.equal(blob.wrapped_key, null, 'key destroyed');
    const original = await app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${view.id}/original`,
      headers: analyst,
    });
    assert.equal(original.statusCode, 410);
    const actions = (await custodyOf(view.id)).map((event) => event.action);
    assert.deepEqual(actions, ['intake', 'hold_set', 'hold_released', 'deletion']);
  });

  it('keeps the shared file while another item holds the same bytes', async () => {
    const bytes = Buffer.from('shared content');
    const first = await uploaded(bytes);
    const second = await uploaded(bytes);
    const deleted = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${first.id}/deletion`,
      headers: coordinator,
      payload: { version: 1, reason: 'duplicate' },
    });
    assert.equal(deleted.statusCode, 200);
    const original = await app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${second.id}/original`,
      headers: analyst,
    });
    assert.deepEqual(original.rawPayload, bytes);
  });
});

describe('working copy', () => {
  for (const [format, image, mediaType] of [
    ['JPEG', jpegWithGps(), 'image/jpeg'],
    ['PNG', pngWithGps(), 'image/png'],
  ] as const) {
    it(`strips GPS metadata from a ${format} copy and leaves the original unaltered`, async () => {
      const view = await uploaded(image, `?mediaType=${mediaType}`);
      const copy = await app.inject({
        method: 'POST',
        url: `/api/v1/evidence/${view.id}/working-copy`,
        headers: analyst,
      });
      assert.equal(copy.statusCode, 200, copy.body);
      assert.equal(copy.headers['content-type'], mediaType);
      assert.equal(copy.rawPayload.includes(EXIF_HEADER), false);
      assert.equal(copy.rawPayload.includes(Buffer.from('Witness')), false);
      assert.equal(copy.rawPayload.includes(Buffer.from([0x88, 0x25])), false, 'no GPS IFD tag');
      const check = await app.inject({
        method: 'POST',
        url: `/api/v1/evidence/${view.id}/hash-check`,
        headers: analyst,
      });
      assert.equal(check.json<{ result: string }>().result, 'match');
      const original = await app.inject({
        method: 'GET',
        url: `/api/v1/evidence/${view.id}/original`,
        headers: analyst,
      });
      assert.equal(sha256(original.rawPayload), sha256(image));
      const events = await custodyOf(view.id);
      const made = events.find((event) => event.action === 'copy');
      assert.equal(made?.result, sha256(copy.rawPayload));
    });
  }

  it('refuses a copy of another format and records nothing', async () => {
    const view = await uploaded(Buffer.from('%PDF-1.7 report'), '?mediaType=application/pdf');
    const copy = await app.inject({
      method: 'POST',
      url: `/api/v1/evidence/${view.id}/working-copy`,
      headers: analyst,
    });
    assert.equal(copy.statusCode, 415);
    assert.deepEqual(
      (await custodyOf(view.id)).map((event) => event.action),
      ['intake'],
    );
  });
});
