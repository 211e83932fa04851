// Open data export (issue 6: "exports stream: ten million rows with flat memory"). Loads a
// release of N generated rows straight into open_data_row, then streams its CSV through the
// same path an HTTP response uses (Readable.from over the service's chunks, piped with
// backpressure into a SHA-256 sink), timing rows/s and sampling RSS every 20 ms; peak RSS
// growth is the highest sample minus the RSS just before the export began.
//
// Run alone (not part of bench/run.ts; BENCHMARKS.md is not edited by it):
//   node bench/open-data-export.ts --quick       100,000 rows, SQLite
//   node bench/open-data-export.ts               1,000,000 rows, SQLite
//   node bench/open-data-export.ts --full --pg   1M and 10M rows, SQLite and PostgreSQL
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newRecordId } from '../src/random/record-id.ts';
import { insertRows } from '../src/store/insert-rows.ts';
import { openDatabase } from '../src/store/open-database.ts';
import type { AppDatabase } from '../src/store/open-database.ts';
import { DATASETS } from '../src/transparency/open-data/open-data.datasets.ts';
import { OpenDataService } from '../src/transparency/open-data/open-data.service.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { tempDir } from '../test/support/temp-dir.ts';

const args = new Set(process.argv.slice(2));
const SIZES = args.has('--quick')
  ? [100_000]
  : args.has('--full')
    ? [1_000_000, 10_000_000]
    : [1_000_000];
const ENGINES = args.has('--pg') ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const LOAD_BATCH = 5_000;

interface Figures {
  engine: string;
  rows: number;
  loadSeconds: number;
  rowsPerSecond: number;
  megabytes: number;
  peakRssGrowthMb: number;
  peakHeapGrowthMb: number;
}

async function openEngine(engine: 'sqlite' | 'postgres') {
  const dataDir = tempDir('vigil-bench-');
  const server = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const database: AppDatabase = await openDatabase({ dataDir, url: server?.url });
  const dispose = async () => {
    await database.close();
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { db: database.db, dispose };
}

async function loadRelease(db: AppDatabase['db'], rows: number): Promise<void> {
  const id = newRecordId();
  await db
    .insertInto('open_data_release')
    .values({
      id,
      dataset: 'checkpoint_daily',
      version: 1,
      methodology_version: DATASETS.checkpoint_daily.methodologyVersion,
      row_count: rows,
      status: 'published',
      sha256: '{}',
      log_index: 0,
      created_by: 'bench',
      created_at: new Date().toISOString(),
    })
    .execute();
  for (let start = 0; start < rows; start += LOAD_BATCH) {
    const batch = Array.from({ length: Math.min(LOAD_BATCH, rows - start) }, (_, k) => {
      const i = start + k;
      const cells = [
        '2023-09-25',
        `Checkpoint ${String(i % 40)}`,
        `cp-${String(i % 40)}`,
        'AM-SU',
        39.512,
        46.341,
        i % 2 === 0 ? 'out' : 'in',
        (i % 3000) * 10,
        i % 9 === 0 ? '<5' : 120,
      ];
      return { release_id: id, seq: i, cells: JSON.stringify(cells) };
    });
    await db.transaction().execute((trx) => insertRows(trx, 'open_data_row', batch));
  }
}

async function measure(engine: 'sqlite' | 'postgres', rows: number): Promise<Figures> {
  const { db, dispose } = await openEngine(engine);
  try {
    const loadStart = performance.now();
    await loadRelease(db, rows);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const service = new OpenDataService({
      db,
      sealer: { seal: () => Promise.reject(new Error('unused')) },
      keyring: { pseudonym: () => '' },
      now: () => new Date(),
    });
    globalThis.gc?.();
    const baseline = process.memoryUsage();
    let peak = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sample = () => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 20);
    const hash = createHash('sha256');
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        hash.update(chunk);
        done();
      },
    });
    const started = performance.now();
    const { chunks } = await service.exportRelease('checkpoint_daily', 1, 'csv');
    await pipeline(Readable.from(chunks), sink);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    return {
      engine,
      rows,
      loadSeconds,
      rowsPerSecond: rows / seconds,
      megabytes: bytes / 1e6,
      peakRssGrowthMb: (peak - baseline.rss) / 1e6,
      peakHeapGrowthMb: (peakHeap - baseline.heapUsed) / 1e6,
    };
  } finally {
    await dispose();
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

say(
  '| engine | rows | CSV MB | export rows/s | peak RSS growth MB | peak JS heap growth MB | load s (not timed) |',
);
say('|---|---|---|---|---|---|---|');
for (const engine of ENGINES) {
  for (const rows of SIZES) {
    const f = await measure(engine, rows);
    say(
      `| ${f.engine} | ${format(f.rows)} | ${format(f.megabytes, 1)} | ${format(f.rowsPerSecond)} | ${format(f.peakRssGrowthMb, 1)} | ${format(f.peakHeapGrowthMb, 1)} | ${format(f.loadSeconds, 1)} |`,
    );
  }
}
