// Issue 6, proofs: every published item's proof checks offline with `vigil verify proof`, and
// `vigil verify log --full` re-derives every public item from the log alone — writing them out
// as files and holding the server to them — run as a separate process, as an auditor would.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeLogEntry } from '../../src/ledger/log-entry.ts';
import { parseTlogProof } from '../../src/ledger/tlog-proof.ts';
import { RELEASE_AT, seedScenario } from '../../src/transparency/open-data/open-data.fixtures.ts';
import { sha256Hex } from '../../src/transparency/open-data/open-data.test-support.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openTestVigil } from '../support/test-vigil.ts';

const SPOT_TEXT = 'Spot report: the crossing closed for two hours at noon.';
const work = tempDir();
const test = await openTestVigil({ now: () => RELEASE_AT, backgroundJobs: false });
const { app, features } = test.vigil;
await seedScenario(features.context.db, features.context);
const { analyst, coordinator } = test.staff;

async function post<T>(url: string, headers: Record<string, string>, payload?: object) {
  const response = await app.inject({ method: 'POST', url, headers, ...(payload && { payload }) });
  assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
  return response.json<T>();
}

type Bulletin = { id: string; version: number };
const spot = await post<Bulletin>('/api/v1/bulletins', analyst.headers, {
  product: 'spot',
  periodFrom: '2023-09-30T09:00:00.000Z',
  periodTo: '2023-09-30T12:00:00.000Z',
  texts: { en: 'draft' },
});
const base = `/api/v1/bulletins/${spot.id}`;
const edited = await post<Bulletin>(`${base}/texts`, analyst.headers, {
  version: spot.version,
  language: 'en',
  text: SPOT_TEXT,
});
const approved = await post<Bulletin>(`${base}/approval`, coordinator.headers, {
  version: edited.version,
});
await post(`${base}/publication`, coordinator.headers, { version: approved.version });
type Release = { version: number; logIndex: number; proof: string; sha256: { csv: string } };
const release = await post<Release>('/api/v1/open-data/incidents/releases', coordinator.headers);
const correction = await post<{ logIndex: number; proof: string }>(
  '/api/v1/open-data/incidents/corrections',
  coordinator.headers,
  { correctsVersion: 1, description: 'One incident was counted twice.' },
);

const url = await app.listen({ port: 0, host: '127.0.0.1' });
const logUrl = `${url}/log`;
const key = test.vigil.verifierKey;
const get = (path: string) => app.inject({ url: path });

async function saveProof(path: string, file: string): Promise<string> {
  const response = await get(path);
  assert.equal(response.statusCode, 200, response.body);
  writeFileSync(join(work, file), response.body);
  return join(work, file);
}

describe('open data proofs', () => {
  it('lists every release and correction with its log index and proof link', async () => {
    const catalogue = (await get('/api/v1/open-data')).json<{
      datasets: { name: string; releases: Release[] }[];
    }>();
    const incidents = catalogue.datasets.find((d) => d.name === 'incidents');
    assert.deepEqual(
      incidents?.releases.map((r) => [r.version, r.logIndex, r.proof]),
      [[1, release.logIndex, '/open-data/incidents/1/proof']],
    );
    const log = (await get('/open-data/incidents/corrections')).json<{
      corrections: { logIndex: number; proof: string }[];
    }>();
    assert.deepEqual(log.corrections, [
      { ...log.corrections[0], logIndex: correction.logIndex, proof: correction.proof },
    ]);
    assert.equal(correction.proof, `/open-data/incidents/corrections/${correction.logIndex}/proof`);
    const methodology = (await get('/open-data/incidents/methodology')).body;
    assert.match(methodology, /\/open-data\/incidents\/VERSION\/proof/);
  });

  it("proves the release's entry, whose hashes are those of the served files", async () => {
    const file = await saveProof(release.proof, 'release.proof');
    const checked = await runVigil(['verify', 'proof', file, '--key', key]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, new RegExp(`^OK entry ${release.logIndex} `));
    const extra = parseTlogProof(readFileSync(file, 'utf8')).extra;
    assert.ok(extra !== undefined);
    const entry = decodeLogEntry(extra);
    const body = entry.body as { dataset: string; version: number; sha256: Record<string, string> };
    assert.deepEqual(
      [entry.kind, body.dataset, body.version],
      ['open_data.release', 'incidents', 1],
    );
    for (const format of ['csv', 'json', 'geojson']) {
      const served = await get(`/open-data/incidents/1.${format}`);
      assert.equal(body.sha256[format], sha256Hex(served.body), format);
    }
  });

  it("proves a correction's entry, and a proof whose entry was altered fails", async () => {
    const file = await saveProof(correction.proof, 'correction.proof');
    assert.equal((await runVigil(['verify', 'proof', file, '--key', key])).code, 0);
    const text = readFileSync(file, 'utf8');
    const extra = parseTlogProof(text).extra;
    assert.ok(extra !== undefined);
    const forged = Buffer.from(
      Buffer.from(extra).toString('utf8').replace('counted twice', 'counted thrice'),
    ).toString('base64');
    const forgedFile = join(work, 'forged.proof');
    writeFileSync(forgedFile, text.replace(Buffer.from(extra).toString('base64'), forged));
    assert.equal((await runVigil(['verify', 'proof', forgedFile, '--key', key])).code, 1);
  });

  it('answers 404 for a release or correction that does not exist', async () => {
    assert.equal((await get('/open-data/incidents/7/proof')).statusCode, 404);
    assert.equal((await get('/open-data/hotline_stats/1/proof')).statusCode, 404);
    assert.equal((await get(`/open-data/casualties_agg/corrections/0/proof`)).statusCode, 404);
    assert.equal((await get('/open-data/incidents/corrections/x/proof')).statusCode, 422);
  });
});

const fullAudit = (source: string, ...extra: string[]) =>
  runVigil(['verify', 'log', source, '--key', key, '--full', ...extra]);

describe('vigil verify log --full re-derives the public items', () => {
  const out = join(work, 'items');
  it('counts them per kind, writes them as files and finds the server publishing them', async () => {
    const result = await fullAudit(logUrl, '--public-items', out, '--server', url);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /bulletin\.published 1\b/);
    // incidents and casualties_agg, released together.
    assert.match(result.stdout, /open_data\.release 2\b/);
    assert.match(result.stdout, /open_data\.correction 1\b/);
    assert.match(result.stdout, /the server publishes exactly the logged items/);
    type Written = { logIndex: number; body: { texts: object; sha256: object } };
    const read = (...path: string[]) =>
      JSON.parse(readFileSync(join(out, ...path), 'utf8')) as Written;
    const bulletin = read('bulletins', `${spot.id}.json`);
    assert.equal((bulletin.body.texts as Record<string, string>)['en'], SPOT_TEXT);
    assert.deepEqual(Object.keys(bulletin.body.texts).sort(), ['az', 'en', 'hy', 'ru']);
    const item = read('open-data', 'incidents', '1.json');
    assert.deepEqual(item.body.sha256, release.sha256);
    assert.ok(existsSync(join(out, 'open-data', 'casualties_agg', '1.json')));
    assert.equal(item.logIndex, release.logIndex);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as unknown[];
    assert.ok(index.length >= 3);
  });

  it('refuses --public-items without --full (usage)', async () => {
    const result = await runVigil(['verify', 'log', logUrl, '--key', key, '--public-items', out]);
    assert.equal(result.code, 2);
  });

  it('fails a static copy whose bulletin was altered', async () => {
    const copy = join(work, 'copy');
    const mirrored = await runVigil([
      'log',
      'mirror',
      '--to',
      copy,
      '--key',
      key,
      '--from',
      logUrl,
    ]);
    assert.equal(mirrored.code, 0, mirrored.stderr);
    assert.equal((await fullAudit(copy)).code, 0);
    const bundle = filesUnder(join(copy, 'tile', 'entries')).find((file) =>
      readFileSync(file, 'latin1').includes('closed for two hours'),
    );
    assert.ok(bundle !== undefined, 'the bulletin is in an entry bundle');
    const bytes = readFileSync(bundle, 'latin1').replace(
      'closed for two hours',
      'open for two hours!!',
    );
    writeFileSync(bundle, bytes, 'latin1');
    const result = await fullAudit(copy);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /tile .*differs from the hashes of the entries/);
  });

  it('fails when the log holds a bulletin the server does not publish', async () => {
    await features.context.sealer.seal({
      kind: 'bulletin.published',
      id: '0b0e2f4e-6a59-4b7f-9a11-1d2c3b4a5f60',
      version: 4,
      visibility: 'public',
      record: {
        bulletinId: '0b0e2f4e-6a59-4b7f-9a11-1d2c3b4a5f60',
        product: 'spot',
        periodFrom: '2023-09-30T09:00:00.000Z',
        periodTo: '2023-09-30T12:00:00.000Z',
        languages: ['en'],
        texts: { en: 'Never shown on the server.' },
        figures: { sections: [], headlines: [] },
        corrects: null,
      },
    });
    const result = await fullAudit(logUrl, '--server', url);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /logged but not published/);
  });

  it('fails a public entry whose body is not of its kind', async () => {
    await features.context.sealer.seal({
      kind: 'open_data.release',
      id: '5d7c0a8e-3f1b-4c2d-8e9f-0a1b2c3d4e5f',
      version: 1,
      visibility: 'public',
      record: { dataset: 'incidents', version: 'two' },
    });
    const result = await fullAudit(logUrl);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /not a valid open_data\.release/);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
