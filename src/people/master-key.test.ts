import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/support/temp-dir.ts';
import {
  MASTER_KEY_FILE,
  MASTER_KEY_WARNING,
  MasterKeyError,
  loadOrCreateMasterKey,
} from './master-key.ts';

describe('loadOrCreateMasterKey', () => {
  it('creates DATA/master.key with mode 0600 on first start, and reuses it after', () => {
    const dataDir = join(tempDir(), 'data');
    const first = loadOrCreateMasterKey({ dataDir, env: {} });
    assert.equal(first.source, 'file');
    assert.equal(first.created, true);
    assert.equal(first.key.length, 32);
    const path = join(dataDir, MASTER_KEY_FILE);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(readFileSync(path, 'utf8'), `${Buffer.from(first.key).toString('base64')}\n`);
    assert.deepEqual(readdirSync(dataDir), [MASTER_KEY_FILE]); // no temporary file left
    const second = loadOrCreateMasterKey({ dataDir, env: {} });
    assert.equal(second.created, false);
    assert.deepEqual(second.key, first.key);
  });

  it('uses VIGIL_MASTER_KEY when set, and creates no file', () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const loaded = loadOrCreateMasterKey({
      dataDir,
      env: { VIGIL_MASTER_KEY: `${key.toString('base64')}\n` },
    });
    assert.deepEqual(loaded, { key: new Uint8Array(key), source: 'env', created: false });
    assert.deepEqual(readdirSync(dataDir), []);
  });

  it('rejects a VIGIL_MASTER_KEY that is not the base64 of 32 bytes, without echoing it', () => {
    const dataDir = tempDir();
    for (const bad of [
      '',
      'secret-passphrase',
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('base64url'),
      randomBytes(32).toString('hex'),
      randomBytes(32).toString('base64').replace('=', ''),
    ]) {
      assert.throws(
        () => loadOrCreateMasterKey({ dataDir, env: { VIGIL_MASTER_KEY: bad } }),
        (error: unknown) => {
          assert.ok(error instanceof MasterKeyError);
          assert.match(error.message, /VIGIL_MASTER_KEY must be the standard base64/);
          if (bad !== '') assert.ok(!error.message.includes(bad));
          return true;
        },
        bad,
      );
    }
  });

  it('refuses a key file that group or others may read, saying how to fix it', () => {
    const dataDir = tempDir();
    loadOrCreateMasterKey({ dataDir, env: {} });
    const path = join(dataDir, MASTER_KEY_FILE);
    for (const mode of [0o640, 0o604, 0o644]) {
      chmodSync(path, mode);
      assert.throws(
        () => loadOrCreateMasterKey({ dataDir, env: {} }),
        (error: unknown) =>
          error instanceof MasterKeyError && error.message.includes(`chmod 600 ${path}`),
      );
    }
    chmodSync(path, 0o400);
    assert.equal(loadOrCreateMasterKey({ dataDir, env: {} }).created, false);
  });

  it('refuses a key file that does not hold a key', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, MASTER_KEY_FILE), 'not a key\n', { mode: 0o600 });
    assert.throws(() => loadOrCreateMasterKey({ dataDir, env: {} }), MasterKeyError);
  });

  it('warns loudly that the key is not in the database and must be backed up', () => {
    assert.match(MASTER_KEY_WARNING, /NOT in the database/);
    assert.match(
      MASTER_KEY_WARNING,
      /LOSE THIS KEY AND EVERY\s+\*?\s*\*?\s*IDENTITY RECORD IS LOST/,
    );
    assert.match(MASTER_KEY_WARNING, /Back it up/);
  });
});
