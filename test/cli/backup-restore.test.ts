// `vigil backup` and `vigil restore` on the embedded SQLite stores, run as an operator runs them:
// a backup of a server under write load, restored into a fresh directory that serves the same
// checkpoint and whose log verifies; and every refusal leaves nothing behind.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createBackupFile } from '../../src/backup/backup-file.ts';
import { snapshotSqlite, writeFileSection } from '../../src/backup/backup-sqlite.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { backupUnderLoad, sizeOf } from './backup-load.ts';

const work = tempDir();
const dataDir = join(work, 'data');
const file = join(work, 'vigil.backup');
const masterKey = join(dataDir, 'master.key');
const loaded = await backupUnderLoad(dataDir, work, file);

function restoreInto(target: string, extra: readonly string[] = []) {
  return runVigil([
    'restore',
    '--from',
    file,
    '--data',
    target,
    '--master-key',
    masterKey,
    '--checkpoint',
    loaded.earlier,
    ...extra,
  ]);
}

function alteredCopy(name: string, change: (bytes: Buffer) => Buffer): string {
  const path = join(work, name);
  writeFileSync(path, change(readFileSync(file)));
  return path;
}

describe('vigil backup and restore (SQLite)', () => {
  it('backs up a server under load into an encrypted file whose header reads without a key', async () => {
    assert.equal(loaded.backup.code, 0, loaded.backup.stderr);
    const bytes = readFileSync(file);
    assert.ok(!bytes.includes(Buffer.from('PRIVATE+KEY')), 'the signer key is not in clear');
    assert.ok(!bytes.includes(readFileSync(masterKey, 'utf8').trim()), 'no master key inside');
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')), 'the databases are encrypted');
    assert.deepEqual(
      [...readdirSync(dataDir), ...readdirSync(work)].filter((name) =>
        /backup-|partial/.test(name),
      ),
      [],
      'no snapshot copy or partial file is left behind',
    );
    const again = await runVigil(['backup', '--data', dataDir, '--to', file]);
    assert.equal(again.code, 2, 'an existing file is never overwritten');
    assert.ok(readFileSync(file).equals(bytes));
    const check = await runVigil(['restore', '--check', file]);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /sqlite stores/);
    const size = Number(/log size (\d+)/.exec(check.stdout)?.[1]);
    assert.ok(size >= sizeOf(readFileSync(loaded.earlier, 'utf8')));
    assert.ok(size < sizeOf(readFileSync(loaded.later, 'utf8')), 'appends went on meanwhile');
  });

  it('restores into a fresh directory that serves the same checkpoint and verifies in full', async () => {
    const target = join(work, 'restored');
    const result = await restoreInto(target);
    assert.equal(result.code, 0, result.stderr);
    const sealed = Number(/(\d+) sealed records match/.exec(result.stdout)?.[1]);
    assert.ok(sealed >= loaded.sealedReports && loaded.sealedReports > 0, result.stdout);
    const header = (await runVigil(['restore', '--check', file])).stdout;
    const server = await startServerProcess(target);
    try {
      const served = await (await fetch(`${server.url}/log/checkpoint`)).text();
      assert.ok(header.endsWith(served), 'the restored server serves the backed-up checkpoint');
      const verify = await runVigil([
        'verify',
        'log',
        `${server.url}/log`,
        '--key',
        loaded.verifierKey,
        '--full',
      ]);
      assert.equal(verify.code, 0, verify.stderr);
      // The published checkpoint may also be fetched: from the restored server itself here.
      const again = await restoreInto(join(work, 'restored-by-url'), [
        '--checkpoint-url',
        `${server.url}/log/checkpoint`,
      ]);
      assert.equal(again.code, 2, 'one published checkpoint only, not both');
      const byUrl = await runVigil([
        'restore',
        '--from',
        file,
        '--data',
        join(work, 'restored-by-url'),
        '--master-key',
        masterKey,
        '--checkpoint-url',
        `${server.url}/log/checkpoint`,
      ]);
      assert.equal(byUrl.code, 0, byUrl.stderr);
    } finally {
      await server.stop();
    }
  });

  const refusals: [string, () => string, () => string[], RegExp][] = [
    [
      'a backup with one altered byte',
      () => alteredCopy('flipped', flipMiddleByte),
      () => [],
      /chunk \d+ was altered/,
    ],
    [
      'a truncated backup',
      () => alteredCopy('cut', (bytes) => bytes.subarray(0, bytes.length - 100)),
      () => [],
      /the file is truncated/,
    ],
    [
      'a backup cut in half',
      () => alteredCopy('short', (bytes) => bytes.subarray(0, bytes.length / 2)),
      () => [],
      /the file is truncated/,
    ],
    [
      'a backup whose clear header was edited',
      () =>
        alteredCopy('header', (bytes) => {
          const at = bytes.indexOf('"createdAt":"2') + '"createdAt":"'.length;
          return Buffer.concat([bytes.subarray(0, at), Buffer.from('3'), bytes.subarray(at + 1)]);
        }),
      () => [],
      /chunk 0 was altered/,
    ],
    [
      'a wrong master key',
      () => file,
      () => ['--master-key', otherKey()],
      /made under another master key/,
    ],
    [
      'a published checkpoint later than the backup',
      () => file,
      laterCheckpoint,
      /published checkpoint: it covers \d+ entries but the backup only \d+/,
    ],
  ];
  for (const [what, backupFile, extra, reason] of refusals) {
    it(`refuses ${what} with exit 1 and leaves nothing behind`, async () => {
      const target = join(work, `refused-${randomBytes(4).toString('hex')}`);
      const path = backupFile();
      const args = ['restore', '--from', path, '--data', target, '--master-key', masterKey];
      const result = await runVigil([...args, '--checkpoint', loaded.earlier, ...extra()]);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^FAILED /);
      assert.match(result.stderr, reason);
      assert.equal(existsSync(target), false, 'nothing restored is kept');
    });
  }

  it('refuses a backup whose application database names entries its log lacks', async () => {
    // Made by hand in the wrong order, as `vigil backup` never does: the application database
    // as it is now (with reports sealed after the backup) beside the log as the backup had it.
    assert.ok(loaded.sealedAfter > 0, 'reports were sealed after the backup');
    const oldLog = join(work, 'old-log');
    assert.equal((await restoreInto(oldLog)).code, 0);
    const crafted = join(work, 'wrong-order.backup');
    const now = await snapshotSqlite(dataDir);
    const key = new Uint8Array(Buffer.from(readFileSync(masterKey, 'utf8').trim(), 'base64'));
    const sink = await createBackupFile(crafted, now.facts, key);
    await writeFileSection(sink, join(dataDir, 'log-signer.key'), 'log-signer.key');
    await writeFileSection(sink, now.appCopy, 'vigil.sqlite');
    await writeFileSection(sink, join(oldLog, 'log.sqlite'), 'log.sqlite');
    await sink.complete();
    await now.remove();
    const target = join(work, 'wrong-order');
    const result = await runVigil([
      'restore',
      '--from',
      crafted,
      '--data',
      target,
      '--master-key',
      masterKey,
      '--checkpoint',
      loaded.earlier,
    ]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /sealed record \S+ v1: names log entry \d+, but the log holds \d+/);
    assert.equal(existsSync(target), false);
  });

  it('refuses a non-empty target with exit 2 and writes nothing into it', async () => {
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'keep me');
    const result = await restoreInto(target);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(readdirSync(target), ['notes.txt']);
  });
});

function flipMiddleByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const middle = Math.floor(copy.length / 2);
  copy[middle] = (copy[middle] ?? 0) ^ 0x01;
  return copy;
}

function otherKey(): string {
  const path = join(work, `other-${randomBytes(4).toString('hex')}.key`);
  writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return path;
}

// Given after --checkpoint earlier: the CLI refuses two, so the later one replaces it.
function laterCheckpoint(): string[] {
  return ['--checkpoint', loaded.later];
}
