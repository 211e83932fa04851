// `vigil log mirror` against a real `vigil serve` in another process: the mirror verifies in
// full like the live log, grows by only the files that changed, refuses forked or lying
// sources without touching a file, and can itself be served by any static web server.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { utf8 } from '../../src/ledger/bytes.ts';
import { cosignCheckpoint } from '../../src/ledger/cosignature.ts';
import { parseSignerKey } from '../../src/ledger/note-keys.ts';
import { parseNote } from '../../src/ledger/signed-note.ts';
import { decodeEntryBundle } from '../../src/ledger/tiles.ts';
import { readLogSigner } from '../../src/log/log-signer.file.ts';
import {
  changedFiles,
  notariseMany,
  runMirror,
  serveStatic,
  snapshotDir,
  startServedLog,
} from '../support/mirror-helpers.ts';
import { runVigil } from '../support/run-cli.ts';
import { writeStaticLog } from '../support/static-log.ts';
import { tempDir } from '../support/temp-dir.ts';

const work = tempDir('vigil-mirror-');
const { dataDir, server, token, vkey, logUrl } = await startServedLog(work);
const mirror = join(work, 'mirror');
const verifyFull = (location: string) =>
  runVigil(['verify', 'log', location, '--key', vkey, '--full']);

describe('vigil log mirror', () => {
  it('mirrors a served log into static files that verify in full', async () => {
    await notariseMany(server.url, token, 0, 300);
    const result = await runMirror(logUrl, mirror, vkey);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /size 0 → 300 \(6 files written\)/);
    for (const path of ['tile/0/000', 'tile/0/001.p/44', 'tile/1/000.p/1', 'checkpoint']) {
      assert.ok(existsSync(join(mirror, path)), path);
    }
    assert.ok(existsSync(join(mirror, 'tile/entries/001.p/44')));
    assert.ok(!existsSync(join(mirror, '.mirror-staging')), 'staging is cleared');
    assert.ok(!existsSync(join(mirror, '.mirror.lock')), 'the lock is released');
    const verified = await verifyFull(mirror);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /re-hashed all 300 entries/);
  });

  it('writes only the new and grown files on the next run, and prunes filled partials', async () => {
    const before = snapshotDir(mirror);
    await notariseMany(server.url, token, 300, 100);
    const grown = await runMirror(logUrl, mirror, vkey);
    assert.equal(grown.code, 0, grown.stderr);
    assert.match(grown.stdout, /size 300 → 400 \(3 files written\)/);
    const middle = snapshotDir(mirror);
    assert.deepEqual(changedFiles(before, middle), [
      'checkpoint',
      'tile/0/001.p/144',
      'tile/entries/001.p/144',
    ]);
    assert.ok(middle.has('tile/0/001.p/44'), 'partials of older checkpoints stay served');
    await notariseMany(server.url, token, 400, 112);
    assert.equal((await runMirror(logUrl, mirror, vkey)).code, 0);
    const full = snapshotDir(mirror);
    assert.deepEqual(changedFiles(middle, full), [
      'checkpoint',
      'tile/0/001',
      'tile/1/000.p/2',
      'tile/entries/001',
    ]);
    assert.ok(!full.has('tile/0/001.p/144'), 'a partial tile goes once the full one is there');
    assert.ok(!full.has('tile/entries/001.p/44'));
    assert.equal(full.get('tile/0/000')?.ino, before.get('tile/0/000')?.ino, 'full tiles stay');
    assert.equal((await verifyFull(mirror)).code, 0);
    const again = await runMirror(logUrl, mirror, vkey);
    assert.match(again.stdout, /up to date at size 512/);
    assert.deepEqual(changedFiles(full, snapshotDir(mirror)), []);
  });

  it('refuses a forked source of a smaller, equal or larger size and changes nothing', async () => {
    const signer = readLogSigner(dataDir);
    const before = snapshotDir(mirror);
    for (const size of [100, 512, 600]) {
      const fork = join(work, `fork-${size}`);
      const entries = Array.from({ length: size }, (_, i) => utf8(`forged entry ${i}`));
      writeStaticLog(fork, signer, entries);
      const result = await runMirror(fork, mirror, vkey);
      assert.equal(result.code, 1, `size ${size}: ${result.stdout}`);
      assert.match(result.stderr, /FAILED fork: the source's checkpoint \(size \d+, root \S+\)/);
      assert.match(result.stderr, new RegExp(`\\(size ${size}, root .*\\(size 512, root `));
      assert.deepEqual(snapshotDir(mirror), before, 'the mirror is unchanged');
    }
  });

  it('refuses a source whose new entries do not hash to its signed root', async () => {
    const copy = join(work, 'mirror-copy');
    cpSync(mirror, copy, { recursive: true });
    // A source that extends the real log consistently but serves a forged entry: its tiles
    // and checkpoint are honest, its bundle is not.
    const real = [0, 1].flatMap((i) =>
      decodeEntryBundle(readFileSync(join(mirror, `tile/entries/00${i}`))),
    );
    const source = join(work, 'lying-source');
    const extra = Array.from({ length: 40 }, (_, i) => utf8(`later entry ${i}`));
    writeStaticLog(source, readLogSigner(dataDir), [...real, ...extra]);
    const bundle = join(source, 'tile/entries/002.p/40');
    writeFileSync(bundle, readFileSync(bundle).toString().replace('entry 7', 'entry X'));
    const before = snapshotDir(copy);
    const refused = await runMirror(source, copy, vkey);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /FAILED root: the source's entries hash to/);
    assert.deepEqual(snapshotDir(copy), before, 'nothing was written');
    writeStaticLog(source, readLogSigner(dataDir), [...real, ...extra]);
    const accepted = await runMirror(source, copy, vkey);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /size 512 → 552/);
  });

  it('serves the mirror from a plain static web server, verifiable and mirrorable', async () => {
    const base = await serveStatic(mirror);
    const verified = await verifyFull(base);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /re-hashed all 512 entries/);
    const second = join(work, 'mirror-of-mirror');
    assert.equal((await runMirror(base, second, vkey)).code, 0);
    assert.equal(
      readFileSync(join(second, 'checkpoint'), 'utf8'),
      readFileSync(join(mirror, 'checkpoint'), 'utf8'),
    );
  });

  it('accepts a lagging source and new cosignatures on the same tree', async () => {
    const real = [0, 1].flatMap((i) =>
      decodeEntryBundle(readFileSync(join(mirror, `tile/entries/00${i}`))),
    );
    const lagging = join(work, 'lagging');
    writeStaticLog(lagging, readLogSigner(dataDir), real.slice(0, 400));
    const before = snapshotDir(mirror);
    const behind = await runMirror(lagging, mirror, vkey);
    assert.equal(behind.code, 0, behind.stderr);
    assert.match(behind.stdout, /the source is behind the mirror \(size 400 < 512\)/);
    assert.deepEqual(snapshotDir(mirror), before);
    const cosigned = join(work, 'cosigned');
    cpSync(mirror, cosigned, { recursive: true });
    const witnessKey = join(work, 'witness.key');
    const witnessVkey = (
      await runVigil(['keygen', 'w1.example', '--witness', '--out', witnessKey])
    ).stdout.trim();
    const witness = parseSignerKey(readFileSync(witnessKey, 'utf8').trim());
    const note = readFileSync(join(cosigned, 'checkpoint'), 'utf8');
    const cosignature = cosignCheckpoint(parseNote(note).text, witness, 1_800_000_000);
    writeFileSync(join(cosigned, 'checkpoint'), `${note}${cosignature}\n`);
    const quorum = ['--key', witnessVkey, '--quorum', '1'];
    assert.equal((await runMirror(join(work, 'fork-600'), mirror, vkey, quorum)).code, 1);
    const result = await runMirror(cosigned, mirror, vkey, quorum);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /size 512: new signatures on the same tree/);
    assert.deepEqual(changedFiles(before, snapshotDir(mirror)), ['checkpoint']);
    const verified = await runVigil(['verify', 'log', mirror, '--key', vkey, ...quorum]);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /witnesses: w1\.example/);
  });

  it('reads a data directory directly, like the URL', async () => {
    const fromData = join(work, 'mirror-from-data');
    const args = ['log', 'mirror', '--data', dataDir, '--to', fromData, '--key', vkey];
    const result = await runVigil(args);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /size 0 → 512/);
    const mirrored = snapshotDir(mirror);
    for (const [path, state] of snapshotDir(fromData)) {
      // The HTTP mirror's checkpoint has gained a cosignature since; the tree is the same.
      if (path === 'checkpoint') continue;
      assert.equal(state.sha256, mirrored.get(path)?.sha256, `${path} as served over HTTP`);
    }
    const checkpointText = (dir: string) =>
      parseNote(readFileSync(join(dir, 'checkpoint'), 'utf8')).text;
    assert.equal(checkpointText(fromData), checkpointText(mirror));
  });
});
