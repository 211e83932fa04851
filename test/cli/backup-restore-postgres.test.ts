// `vigil backup` and `vigil restore` when the application and the log live in one PostgreSQL
// database (VIGIL_DATABASE_URL): a backup of a server under load, refusals that leave the target
// database empty, and a round trip whose restored server serves the same checkpoint, verifies in
// full and holds exactly the rows the source held.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createPostgresDatabase } from '../support/databases.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { backupUnderLoad, sizeOf } from './backup-load.ts';

const work = tempDir();
const dataDir = join(work, 'data');
const file = join(work, 'vigil.backup');
const source = await createPostgresDatabase();
const target = await createPostgresDatabase();
after(async () => {
  await source.drop();
  await target.drop();
});
process.env['VIGIL_DATABASE_URL'] = source.url;
const loaded = await backupUnderLoad(dataDir, work, file);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableCount = async (url: string) =>
  Number(
    (
      await query<{ n: string }>(
        url,
        'SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = current_schema()',
      )
    )[0]?.n,
  );

function restoreInto(dir: string, url: string, backup = file, published = loaded.earlier) {
  process.env['VIGIL_DATABASE_URL'] = url;
  return runVigil([
    'restore',
    '--from',
    backup,
    '--data',
    dir,
    '--master-key',
    join(dataDir, 'master.key'),
    '--checkpoint',
    published,
  ]);
}

describe('vigil backup and restore (PostgreSQL)', () => {
  it('backs up the database under load; the header names the engine', async () => {
    assert.equal(loaded.backup.code, 0, loaded.backup.stderr);
    const check = await runVigil(['restore', '--check', file]);
    assert.match(check.stdout, /postgres stores/);
    const size = Number(/log size (\d+)/.exec(check.stdout)?.[1]);
    assert.ok(size >= sizeOf(readFileSync(loaded.earlier, 'utf8')));
    assert.ok(size < sizeOf(readFileSync(loaded.later, 'utf8')), 'appends went on meanwhile');
  });

  it('refuses a database that is not empty with exit 2, writing nothing', async () => {
    const dir = join(work, 'into-source');
    const result = await restoreInto(dir, source.url);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /not empty/);
    assert.equal(existsSync(dir), false);
  });

  it('refuses a later published checkpoint and leaves the target database empty', async () => {
    const dir = join(work, 'later');
    const result = await restoreInto(dir, target.url, file, loaded.later);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /published checkpoint/);
    assert.equal(await tableCount(target.url), 0);
    assert.equal(existsSync(dir), false);
  });

  it('refuses an altered byte near the end, after rows were loaded, and empties the database', async () => {
    const bytes = Buffer.from(readFileSync(file));
    const at = bytes.length - 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0x80;
    const altered = join(work, 'altered.backup');
    writeFileSync(altered, bytes);
    const result = await restoreInto(join(work, 'altered'), target.url, altered);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /was altered/);
    assert.equal(await tableCount(target.url), 0);
  });

  it('restores into an empty database: same checkpoint, full audit, the same rows', async () => {
    const dir = join(work, 'restored');
    const result = await restoreInto(dir, target.url);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /[1-9]\d* sealed records match/);
    const header = (await runVigil(['restore', '--check', file])).stdout;
    const size = Number(/log size (\d+)/.exec(header)?.[1]);
    // Tables nobody wrote after the backup hold the same values, byte for byte as text.
    for (const sql of [
      'SELECT * FROM staff_user ORDER BY id',
      'SELECT * FROM api_token ORDER BY id',
      `SELECT size, note, created_at::text FROM log_checkpoint WHERE size <= ${String(size)} ORDER BY size`,
      // Full tiles and bundles never change once written.
      `SELECT idx, encode(data, 'hex') AS data, encode(inner_hashes, 'hex') AS inner
         FROM log_tile WHERE level = 0 AND idx < ${String(Math.floor(size / 256))} ORDER BY idx`,
      `SELECT idx, encode(data, 'hex') AS data FROM log_bundle
        WHERE idx < ${String(Math.floor(size / 256))} ORDER BY idx`,
    ]) {
      assert.deepEqual(await query(target.url, sql), await query(source.url, sql), sql);
    }
    const server = await startServerProcess(dir);
    try {
      const served = await (await fetch(`${server.url}/log/checkpoint`)).text();
      assert.ok(
        header.endsWith(served),
        `the restored server serves the backed-up checkpoint: ${header} vs ${served}`,
      );
      const verify = await runVigil([
        'verify',
        'log',
        `${server.url}/log`,
        '--key',
        loaded.verifierKey,
        '--full',
      ]);
      assert.equal(verify.code, 0, verify.stderr);
    } finally {
      await server.stop();
    }
  });
});
