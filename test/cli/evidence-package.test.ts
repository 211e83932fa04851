// `vigil evidence export` and `vigil verify package`, run as separate processes as an
// investigator and an auditor would: the package verifies offline against the log key, and
// any tampering with a file, a revealed record, a custody event or a proof fails it.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { generateSignerKey } from '../../src/ledger/note-keys.ts';
import { EvidenceAccessService } from '../../src/monitoring/evidence/evidence-access.service.ts';
import { insertIncident } from '../../src/monitoring/evidence/evidence.fixture.ts';
import { evidenceDeps } from '../../src/monitoring/evidence/evidence.module.ts';
import { EvidenceService } from '../../src/monitoring/evidence/evidence.service.ts';
import { jpegWithGps } from '../../src/monitoring/evidence/evidence-images.fixture.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const dataDir = tempDir();
const work = tempDir();
const vigil = await openVigil({ dataDir, origin: 'test.example/log', backgroundJobs: false });
const deps = evidenceDeps(vigil.features.context);
const evidence = new EvidenceService(deps);
const incident = await insertIncident(vigil.database.db);
const photo = jpegWithGps();
const statement = Buffer.from('statement of a witness, page 1');
const upload = (bytes: Buffer, mediaType: string, incidentId?: string) =>
  evidence.upload(
    {
      source: Readable.from([bytes]),
      mediaType,
      ...(incidentId === undefined ? {} : { incidentId }),
    },
    'analyst-1',
  );
const first = await upload(photo, 'image/jpeg', incident);
const second = await upload(statement, 'text/plain');
await evidence.link(second.id, incident, 'analyst-1');
await upload(Buffer.from('another incident'), 'text/plain');
await new EvidenceAccessService(deps).checkHash(first.id, 'analyst-1');
const vkey = vigil.verifierKey;
await vigil.close();

const pkg = join(work, 'package');

function tampered(name: string, change: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(pkg, dir, { recursive: true });
  change(dir);
  return dir;
}

function editJson(path: string, edit: (value: Record<string, never>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, never>;
  edit(value);
  writeFileSync(path, JSON.stringify(value));
}

describe('vigil evidence export and vigil verify package', () => {
  it('exports the incident’s items with their custody log and proofs', async () => {
    const result = await runVigil(['evidence', 'export', incident, '--to', pkg, '--data', dataDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /exported 2 items/);
    assert.deepEqual(readFileSync(join(pkg, 'files', first.id)), photo);
    assert.deepEqual(readFileSync(join(pkg, 'files', second.id)), statement);
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as {
      items: {
        id: string;
        sha256: string;
        seal: { salt: string; record: string; logIndex: number };
      }[];
    };
    assert.deepEqual(
      manifest.items.map((item) => item.id),
      [first.id, second.id],
    );
    assert.equal(manifest.items[0]?.sha256, first.sha256);
    const custody = JSON.parse(readFileSync(join(pkg, 'custody.json'), 'utf8')) as {
      events: { evidenceId: string; action: string }[];
    };
    const actionsOf = (id: string) =>
      custody.events.filter((e) => e.evidenceId === id).map((e) => e.action);
    assert.deepEqual(actionsOf(first.id), ['intake', 'link', 'hash_check', 'export']);
    assert.deepEqual(actionsOf(second.id), ['intake', 'link', 'export']);
  });

  it('verifies offline with the log key, and with the package’s own key after a warning', async () => {
    const result = await runVigil(['verify', 'package', pkg, '--key', vkey]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^OK 2 items and 7 custody events/);
    const own = await runVigil(['verify', 'package', pkg]);
    assert.equal(own.code, 0, own.stderr);
    assert.match(own.stderr, /warning/);
  });

  it('fails a package signed by another key', async () => {
    const other = generateSignerKey('test.example/log').verifierKey;
    const result = await runVigil(['verify', 'package', pkg, '--key', other]);
    assert.equal(result.code, 1, result.stdout);
  });

  const tamperings: [string, (dir: string) => void][] = [
    [
      'an altered file',
      (dir) => {
        const path = join(dir, 'files', second.id);
        writeFileSync(path, Buffer.from('statement of a witness, page 2'));
      },
    ],
    [
      'a file and its manifest hash altered together',
      (dir) => {
        const altered = Buffer.from('forged');
        writeFileSync(join(dir, 'files', second.id), altered);
        editJson(join(dir, 'manifest.json'), (manifest) => {
          const items = manifest['items'] as unknown as { sha256: string; size: number }[];
          const item = items[1];
          if (item === undefined) throw new Error('no item');
          item.sha256 = '0'.repeat(64);
          item.size = altered.length;
        });
      },
    ],
    [
      'a changed salt',
      (dir) => {
        editJson(join(dir, 'manifest.json'), (manifest) => {
          const items = manifest['items'] as unknown as { seal: { salt: string } }[];
          const seal = items[0]?.seal;
          if (seal === undefined) throw new Error('no item');
          seal.salt = Buffer.alloc(32, 1).toString('base64');
        });
      },
    ],
    [
      'a rewritten custody event',
      (dir) => {
        editJson(join(dir, 'custody.json'), (log) => {
          const events = log['events'] as unknown as { actor: string }[];
          const event = events[0];
          if (event === undefined) throw new Error('no event');
          event.actor = 'someone-else';
        });
      },
    ],
    [
      'a damaged proof',
      (dir) => {
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
          items: { seal: { proof: string } }[];
        };
        const proof = join(dir, manifest.items[0]?.seal.proof ?? '');
        const lines = readFileSync(proof, 'utf8').split('\n');
        lines[2] = Buffer.alloc(32, 9).toString('base64');
        writeFileSync(proof, lines.join('\n'));
      },
    ],
    [
      'a missing file',
      (dir) => {
        writeFileSync(
          join(dir, 'manifest.json'),
          readFileSync(join(dir, 'manifest.json'), 'utf8').replace(first.id, second.id),
        );
      },
    ],
  ];
  for (const [what, change] of tamperings) {
    it(`fails a package with ${what}`, async () => {
      const dir = tampered(what.replaceAll(' ', '-'), change);
      const result = await runVigil(['verify', 'package', dir, '--key', vkey]);
      assert.equal(result.code, 1, `${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /^FAILED /);
    });
  }

  it('answers usage errors with exit 2', async () => {
    assert.equal(
      (await runVigil(['verify', 'package', join(work, 'nowhere'), '--key', vkey])).code,
      2,
    );
    const again = await runVigil(['evidence', 'export', incident, '--to', pkg, '--data', dataDir]);
    assert.equal(again.code, 2, 'never writes into a non-empty folder');
    const unknown = await runVigil([
      'evidence',
      'export',
      first.id,
      '--to',
      join(work, 'x'),
      '--data',
      dataDir,
    ]);
    assert.equal(unknown.code, 2);
    assert.equal((await runVigil(['evidence', 'export', 'nope', '--to', join(work, 'y')])).code, 2);
  });

  it('re-hashes a stored file from the command line', async () => {
    const result = await runVigil(['evidence', 'check', first.id, '--data', dataDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `match ${first.sha256}\n`);
  });
});
