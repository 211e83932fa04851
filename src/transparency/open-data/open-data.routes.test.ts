// The open data routes end to end, on both engines: a coordinator makes releases, anyone reads
// the catalogue, the streamed files, the methodology and the corrections; the CSV's SHA-256 is
// the one in the release's log entry (read back from the public log's entry bundle); and no
// output, nor the log, carries the identity data planted in the vault and the sealed texts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { decodeLogEntry } from '../../ledger/log-entry.ts';
import { decodeEntryBundle } from '../../ledger/tiles.ts';
import { createPostgresDatabase } from '../../../test/support/databases.ts';
import { openTestVigil } from '../../../test/support/test-vigil.ts';
import type { TestVigil } from '../../../test/support/test-vigil.ts';
import { DATASET_NAMES, DATASETS } from './open-data.datasets.ts';
import { PLANTED, RELEASE_AT, seedScenario } from './open-data.fixtures.ts';
import { formatsOf } from './open-data.formats.ts';
import { parseCsv, sha256Hex } from './open-data.test-support.ts';

async function openOn(dialect: 'sqlite' | 'postgres'): Promise<TestVigil> {
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const test = await openTestVigil({
    databaseUrl: server?.url,
    now: () => RELEASE_AT,
    backgroundJobs: false,
  });
  // Registered after openTestVigil's own hook, so the database is dropped once Vigil is closed.
  after(async () => {
    await server?.drop();
  });
  await seedScenario(test.vigil.database.db, test.vigil.features.context);
  return test;
}

const VIGILS = { sqlite: await openOn('sqlite'), postgres: await openOn('postgres') };

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`open data over HTTP on ${dialect}`, () => {
    const test = VIGILS[dialect];
    const outputs: string[] = [];
    const get = async (url: string) => {
      const response = await test.vigil.app.inject({ url });
      outputs.push(response.body);
      return response;
    };
    const post = (url: string, payload?: Record<string, unknown>) => {
      const options: InjectOptions = {
        method: 'POST',
        url,
        headers: test.staff.coordinator.headers,
      };
      if (payload !== undefined) options.payload = payload;
      return test.vigil.app.inject(options);
    };
    it('makes releases for coordinators only and lists them in the catalogue', async () => {
      const denied = await test.vigil.app.inject({
        method: 'POST',
        url: '/api/v1/open-data/incidents/releases',
        headers: test.staff.analyst.headers,
      });
      assert.equal(denied.statusCode, 403);
      for (const dataset of DATASET_NAMES) {
        const made = await post(`/api/v1/open-data/${dataset}/releases`);
        assert.equal(made.statusCode, 201, made.body);
        outputs.push(made.body);
      }
      // incidents and casualties_agg are released together: each POST makes both.
      const again = (await post('/api/v1/open-data/incidents/releases')).json<{
        version: number;
        releasedWith: { dataset: string; version: number }[];
      }>();
      assert.equal(again.version, 3);
      assert.deepEqual(
        again.releasedWith.map((r) => [r.dataset, r.version]),
        [['casualties_agg', 3]],
      );
      const catalogue = await get('/api/v1/open-data');
      const datasets = catalogue.json<{
        datasets: { name: string; versions: number[]; latest: { rowCount: number } | null }[];
      }>().datasets;
      assert.deepEqual(
        datasets.map((d) => [d.name, d.versions]),
        DATASET_NAMES.map((name) => [
          name,
          name === 'incidents' || name === 'casualties_agg' ? [3, 2, 1] : [1],
        ]),
      );
      assert.equal(datasets.find((d) => d.name === 'incidents')?.latest?.rowCount, 3);
    });

    it('streams each file with the hash its public log entry holds', async () => {
      const catalogue = (await get('/api/v1/open-data')).json<{
        datasets: { name: string; latest: { logIndex: number; version: number } }[];
      }>();
      const size = test.vigil.sequencer.checkpoint.size;
      const bundle = await test.vigil.app.inject(`/log/tile/entries/000.p/${String(size)}`);
      const entries = decodeEntryBundle(new Uint8Array(bundle.rawPayload));
      for (const { name, latest } of catalogue.datasets) {
        const entry = decodeLogEntry(entries[latest.logIndex] ?? new Uint8Array());
        assert.equal(entry.kind, 'open_data.release');
        const logged = (entry.body as { sha256: Record<string, string> }).sha256;
        for (const format of formatsOf(DATASETS[name as 'incidents'])) {
          const file = await get(`/open-data/${name}/${String(latest.version)}.${format}`);
          assert.equal(file.statusCode, 200);
          assert.equal(sha256Hex(file.body), logged[format], `${name} ${format}`);
          assert.equal(file.headers['etag'], `"${logged[format] ?? ''}"`);
        }
      }
      const csv = await get('/open-data/incidents/1.csv');
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const { hxl, rows } = parseCsv(csv.body);
      assert.equal(hxl[1], '#date+occurred');
      assert.equal(rows.length, 3);
      const geojson = await get('/open-data/incidents/1.geojson');
      assert.match(String(geojson.headers['content-type']), /^application\/geo\+json/);
      assert.equal(geojson.json<{ features: unknown[] }>().features.length, 3);
      assert.equal((await get('/open-data/incidents/9.csv')).statusCode, 404);
      assert.equal((await get('/open-data/hotline_stats/1.geojson')).statusCode, 404);
      assert.equal((await get('/open-data/incidents/1.xlsx')).statusCode, 422);
    });

    it('serves the methodology and the corrections log', async () => {
      const methodology = await get('/open-data/incidents/methodology');
      assert.match(String(methodology.headers['content-type']), /^text\/markdown/);
      for (const column of DATASETS.incidents.columns) {
        assert.ok(methodology.body.includes(`| ${column.name} | ${column.hxl} |`), column.name);
      }
      assert.ok(methodology.body.includes('72 hours'));
      const description = 'Release 1 counted one incident twice.';
      const made = await post('/api/v1/open-data/incidents/corrections', {
        correctsVersion: 1,
        correctedInVersion: 2,
        description,
      });
      assert.equal(made.statusCode, 201, made.body);
      const log = await get('/open-data/incidents/corrections');
      assert.deepEqual(
        log
          .json<{ corrections: { correctsVersion: number; description: string }[] }>()
          .corrections.map((c) => [c.correctsVersion, c.description]),
        [[1, description]],
      );
      const bad = await post('/api/v1/open-data/incidents/corrections', { correctsVersion: 1 });
      assert.equal(bad.statusCode, 422);
    });

    it('publishes nothing from the vault or any sealed text, anywhere', async () => {
      const size = test.vigil.sequencer.checkpoint.size;
      const bundle = await test.vigil.app.inject(`/log/tile/entries/000.p/${String(size)}`);
      const everything = outputs.join('\n') + Buffer.from(bundle.rawPayload).toString('latin1');
      assert.ok(everything.includes('Hilltown'), 'the outputs were read');
      for (const secret of [...Object.values(PLANTED), 'Anna', 'sealed:']) {
        assert.ok(!everything.includes(secret), `${secret} leaked`);
      }
    });
  });
}
