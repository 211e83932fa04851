// `vigil log mirror --follow`: picks up each new checkpoint until SIGTERM, then exits 0; and
// the command's usage errors and lock.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { notariseMany, runMirror, startServedLog } from '../support/mirror-helpers.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../bin/vigil.ts', import.meta.url));
const work = tempDir('vigil-mirror-follow-');
const { dataDir, server, token, vkey, logUrl } = await startServedLog(work);

/** Resolves once `read()` satisfies `done`, checking whenever `child` prints; bounded. */
function waitForOutput(
  child: ReturnType<typeof spawn>,
  read: () => string,
  done: (text: string) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const bound = setTimeout(() => {
      reject(new Error(`never printed what was awaited: ${read()}`));
    }, 60_000);
    const check = () => {
      if (!done(read())) return;
      clearTimeout(bound);
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    check();
  });
}

describe('vigil log mirror --follow', () => {
  it('mirrors each new checkpoint until SIGTERM, then exits 0 and releases the lock', async () => {
    // Sizes are read, not assumed: the server's own jobs write to the log too (a drafted bulletin).
    const logSize = async () =>
      ((await (await fetch(`${server.url}/api/v1/log`)).json()) as { size: number }).size;
    await notariseMany(server.url, token, 0, 20);
    const first = await logSize();
    const mirror = join(work, 'followed');
    const child = spawn(
      process.execPath,
      [BIN, 'log', 'mirror', '--from', logUrl, '--to', mirror, '--key', vkey, '--follow'].concat([
        '--interval',
        '0.2',
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // A failed assertion must not leave the mirror running: it would keep this file alive.
    after(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // The largest size the mirror has reported so far.
    const mirrored = (text: string) =>
      Math.max(0, ...[...text.matchAll(/→ (\d+) /g)].map((match) => Number(match[1])));
    await waitForOutput(
      child,
      () => out,
      (text) => /size 0 → \d+ /.test(text) && mirrored(text) >= first,
    );
    await notariseMany(server.url, token, 20, 30);
    const second = await logSize();
    assert.ok(second >= first + 30);
    await waitForOutput(
      child,
      () => out,
      (text) => mirrored(text) >= second,
    );
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(out, /stopped\n$/);
    assert.ok(!existsSync(join(mirror, '.mirror.lock')));
    assert.match(
      readFileSync(join(mirror, 'checkpoint'), 'utf8'),
      new RegExp(`\\n${String(second)}\\n`),
    );
    const verified = await runVigil(['verify', 'log', mirror, '--key', vkey, '--full']);
    assert.equal(verified.code, 0, verified.stderr);
  });
});

describe('vigil log mirror usage', () => {
  it('exits 2 without exactly one source, or with a bad interval', async () => {
    const to = join(work, 'unused');
    const none = await runVigil(['log', 'mirror', '--to', to, '--key', vkey]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exactly one of --from URL and --data DIR/);
    const both = await runVigil([
      'log',
      'mirror',
      '--from',
      logUrl,
      '--data',
      dataDir,
      '--to',
      to,
      '--key',
      vkey,
    ]);
    assert.equal(both.code, 2);
    assert.equal((await runMirror(logUrl, to, vkey, ['--interval', '0'])).code, 2);
    assert.equal((await runMirror(logUrl, to, 'not-a-key')).code, 2);
    const noLog = await runVigil(['log', 'mirror', '--data', work, '--to', to, '--key', vkey]);
    assert.equal(noLog.code, 2);
    assert.match(noLog.stderr, /no log in/);
  });

  it('refuses a mirror directory that a live process is updating', async () => {
    const mirror = join(work, 'locked');
    mkdirSync(mirror);
    writeFileSync(join(mirror, '.mirror.lock'), `${process.pid}\n`);
    const locked = await runMirror(logUrl, mirror, vkey);
    assert.equal(locked.code, 2);
    assert.match(locked.stderr, new RegExp(`another mirror \\(pid ${process.pid}\\)`));
    assert.ok(!existsSync(join(mirror, 'checkpoint')));
  });

  it('takes over the lock of a mirror that died, and exits 1 on a log signed by another key', async () => {
    const mirror = join(work, 'stale');
    mkdirSync(mirror);
    // Far above any pid Linux hands out (pid_max ≤ 2^22): no such process exists.
    writeFileSync(join(mirror, '.mirror.lock'), '99999999\n');
    assert.equal((await runMirror(logUrl, mirror, vkey)).code, 0);
    const other = (
      await runVigil(['keygen', 'other.example/log', '--out', join(work, 'other.key')])
    ).stdout.trim();
    const foreign = await runMirror(logUrl, mirror, other);
    assert.equal(foreign.code, 1);
    assert.match(foreign.stderr, /FAILED signature/);
  });
});
