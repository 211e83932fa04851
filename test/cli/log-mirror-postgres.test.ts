// `vigil log mirror --data` when the log lives in PostgreSQL (VIGIL_DATABASE_URL set): the
// mirror reads the PostgreSQL log store directly, and agrees byte for byte with a mirror of
// the same log fetched over HTTP. PostgreSQL must be running; a missing server fails.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createPostgresDatabase } from '../support/databases.ts';
import { notariseMany, runMirror, snapshotDir } from '../support/mirror-helpers.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const database = await createPostgresDatabase();
const previous = process.env['VIGIL_DATABASE_URL'];
// Inherited by every `vigil` this file starts: the server and the CLI runs alike.
process.env['VIGIL_DATABASE_URL'] = database.url;
const work = tempDir('vigil-mirror-pg-');
const dataDir = join(work, 'data');
const server = await startServerProcess(dataDir, ['--notary-rate', '100000']);
after(async () => {
  await server.stop();
  if (previous === undefined) delete process.env['VIGIL_DATABASE_URL'];
  else process.env['VIGIL_DATABASE_URL'] = previous;
  await database.drop();
});
const token = (
  await runVigil(['token', 'create', '--data', dataDir, '--role', 'partner', '--name', 'ngo'])
).stdout
  .trim()
  .split('\n')
  .at(-1)!;
const vkey = (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim();

describe('vigil log mirror on PostgreSQL', () => {
  it('mirrors the PostgreSQL log store directly, as the server serves it', async () => {
    await notariseMany(server.url, token, 0, 300);
    const fromData = join(work, 'from-data');
    const direct = await runVigil([
      'log',
      'mirror',
      '--data',
      dataDir,
      '--to',
      fromData,
      '--key',
      vkey,
    ]);
    assert.equal(direct.code, 0, direct.stderr);
    assert.match(direct.stdout, /size 0 → 300/);
    const verified = await runVigil(['verify', 'log', fromData, '--key', vkey, '--full']);
    assert.equal(verified.code, 0, verified.stderr);
    const fromHttp = join(work, 'from-http');
    assert.equal((await runMirror(`${server.url}/log`, fromHttp, vkey)).code, 0);
    const digests = (dir: string) =>
      [...snapshotDir(dir)].map(([path, state]) => `${path} ${state.sha256}`).sort();
    assert.deepEqual(digests(fromData), digests(fromHttp));
    await notariseMany(server.url, token, 300, 10);
    const grown = await runVigil([
      'log',
      'mirror',
      '--data',
      dataDir,
      '--to',
      fromData,
      '--key',
      vkey,
    ]);
    assert.match(grown.stdout, /size 300 → 310 \(3 files written\)/);
  });
});
