// `vigil serve --witness URL=VKEY` with real `vigil witness` processes, and `vigil verify log
// --policy`, all run as an operator and an auditor would: checkpoints get cosigned and served
// with cosignatures that verify; a policy's quorum is enforced; a witness that is down stops
// neither appends nor receipts and catches up once back; a restarted log is answered 409 by the
// witnesses and resends from their size. The cosigning flow runs once more on PostgreSQL, with
// two servers sharing the database: the follower's appends and checkpoint get cosigned too.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import type { VerifierKey } from '../../src/ledger/note-keys.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { killNow, startWitnessProcess } from '../support/witness-process.ts';
import type { WitnessProcess } from '../support/witness-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const work = tempDir('vigil-witnessing-');
const running = new Set<{ child: WitnessProcess['child'] }>();
after(async () => {
  for (const process of running) await killNow(process.child);
});

async function keygen(name: string, out: string, witness = false): Promise<string> {
  const result = await runVigil(['keygen', name, '--out', out, ...(witness ? ['--witness'] : [])]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

/** A log data directory whose key exists before the first start, so witnesses can trust it. */
async function newLogData(origin: string) {
  const dataDir = join(work, origin.replace(/\W+/g, '_'));
  mkdirSync(dataDir, { mode: 0o700 });
  return { dataDir, origin, vkey: await keygen(origin, join(dataDir, 'log-signer.key')) };
}

interface TestWitness {
  name: string;
  keyFile: string;
  dataDir: string;
  vkey: string;
  key: VerifierKey;
}

async function newWitness(name: string): Promise<TestWitness> {
  const keyFile = join(work, `${name.replace(/\W+/g, '_')}.key`);
  const vkey = await keygen(name, keyFile, true);
  const dataDir = join(work, `${name.replace(/\W+/g, '_')}-state`);
  return { name, keyFile, dataDir, vkey, key: parseVerifierKey(vkey) };
}

async function startWitness(witness: TestWitness, log: { origin: string; vkey: string }, port = 0) {
  const started = await startWitnessProcess([
    ...['--key', witness.keyFile, '--data', witness.dataDir],
    ...['--log', `${log.origin}=${log.vkey}`, '--port', String(port)],
  ]);
  running.add(started);
  return started;
}

async function stopWitness(started: WitnessProcess): Promise<void> {
  running.delete(started);
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

async function startLog(dataDir: string, witnesses: [WitnessProcess, TestWitness][]) {
  const server = await startServerProcess(dataDir, [
    ...['--notary-rate', '100000', '--witness-timeout', '3000', '--witness-retry', '200'],
    ...witnesses.flatMap(([started, witness]) => ['--witness', `${started.url}=${witness.vkey}`]),
  ]);
  running.add(server);
  return server;
}

async function stopLog(server: ServerProcess): Promise<void> {
  running.delete(server);
  await server.stop();
}

async function partnerToken(dataDir: string): Promise<string> {
  const args = ['token', 'create', '--data', dataDir, '--role', 'partner', '--name', 'ngo'];
  const result = await runVigil(args);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim().split('\n').at(-1) ?? '';
}

let counter = 0;
/** Notarises `count` new digests, a few at a time; every one must be acknowledged. */
async function notarise(server: ServerProcess, token: string, count: number): Promise<void> {
  for (let done = 0; done < count; done += 10) {
    const batch = Array.from({ length: Math.min(10, count - done) }, () => (counter += 1));
    await Promise.all(batch.map((n) => notariseOne(server, token, n)));
  }
}

async function notariseOne(server: ServerProcess, token: string, n: number): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/notary`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sha256: n.toString(16).padStart(64, '0') }),
  });
  assert.equal(response.status, 200);
  const { proof } = (await response.json()) as { proof: string };
  assert.match(proof, /^c2sp\.org\/tlog-proof@v1\n(?:extra \S+\n)?index \d+\n/, 'a receipt');
}

/** Polls /log/checkpoint until it covers `size` and carries the named witnesses' cosignatures. */
async function waitForCheckpoint(
  server: ServerProcess,
  log: { vkey: string },
  expected: { size: number; witnesses: TestWitness[]; others?: TestWitness[] },
) {
  const logKey = parseVerifierKey(log.vkey);
  const keys = [...expected.witnesses, ...(expected.others ?? [])].map((w) => w.key);
  const want = expected.witnesses.map((w) => w.name).sort();
  let seen = '';
  for (let attempt = 0; attempt < 600; attempt++) {
    const note = await (await fetch(`${server.url}/log/checkpoint`)).text();
    const opened = openCheckpoint(note, { logKey, witnesses: keys });
    const names = opened.witnesses.map((key) => key.name).sort();
    seen = `size ${opened.checkpoint.size}, cosigned by ${names.join(', ')}`;
    if (opened.checkpoint.size === expected.size && names.join() === want.join()) return opened;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(
    `the checkpoint never reached size ${expected.size} cosigned by ${want.join(', ')}: ${seen}`,
  );
}

function writePolicy(name: string, lines: string[]): string {
  const file = join(work, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('witnessing on SQLite', async () => {
  const log = await newLogData('witnessing.test/log');
  const [w1, w2, w3] = [
    await newWitness('w1.witnessing.test'),
    await newWitness('w2.witnessing.test'),
    await newWitness('w3.witnessing.test'),
  ];
  const started1 = await startWitness(w1, log);
  let started2 = await startWitness(w2, log);
  let server = await startLog(log.dataDir, [
    [started1, w1],
    [started2, w2],
  ]);
  const token = await partnerToken(log.dataDir);
  const logUrl = () => `${server.url}/log`;
  const bothPolicy = writePolicy('both.policy', [
    `log ${log.vkey}`,
    `witness one ${w1.vkey}`,
    `witness two ${w2.vkey}`,
    'group both all one two',
    'quorum both',
  ]);
  const anyPolicy = writePolicy('any.policy', [
    `log ${log.vkey}`,
    `witness one ${w1.vkey}`,
    `witness two ${w2.vkey}`,
    'group either any one two',
    'quorum either',
  ]);

  it('serves each new checkpoint with cosignature lines that verify', async () => {
    await notarise(server, token, 5);
    const opened = await waitForCheckpoint(server, log, { size: 5, witnesses: [w1, w2] });
    assert.equal(opened.witnesses.length, 2);
    const result = await runVigil([
      'verify',
      'log',
      logUrl(),
      '--key',
      log.vkey,
      '--key',
      w1.vkey,
      '--key',
      w2.vkey,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /size 5; witnesses: w[12]\.witnessing\.test, w[12]/);
  });

  it('verify log --policy accepts with the quorum and refuses below it', async () => {
    const accepted = await runVigil(['verify', 'log', logUrl(), '--policy', bothPolicy]);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /policy quorum both met/);
    const threePolicy = writePolicy('three.policy', [
      `log ${log.vkey}`,
      `witness one ${w1.vkey}`,
      `witness two ${w2.vkey}`,
      `witness three ${w3.vkey}`,
      'group two-of-three 2 one two three',
      'group all-three all one two three',
      'quorum all-three',
    ]);
    const refused = await runVigil(['verify', 'log', logUrl(), '--policy', threePolicy]);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /quorum all-three is not met/);
    const noLog = writePolicy('nolog.policy', [`witness one ${w1.vkey}`, 'quorum one']);
    const withKey = await runVigil([
      'verify',
      'log',
      logUrl(),
      '--policy',
      noLog,
      '--key',
      log.vkey,
    ]);
    assert.equal(withKey.code, 0, withKey.stderr);
  });

  it('refuses a witness option that is not URL=VKEY before starting', async () => {
    const result = await runVigil(['serve', '--data', log.dataDir, '--witness', w1.vkey]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--witness/);
  });

  it('refuses a malformed policy or --quorum beside it as usage errors', async () => {
    const bad = writePolicy('bad.policy', [`log ${log.vkey}`, 'quorum nobody']);
    const malformed = await runVigil(['verify', 'log', logUrl(), '--policy', bad]);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /policy line 2/);
    const both = await runVigil([
      'verify',
      'log',
      logUrl(),
      '--policy',
      anyPolicy,
      '--quorum',
      '1',
    ]);
    assert.equal(both.code, 2);
  });

  it('keeps acknowledging while a witness is down, then catches it up', async () => {
    const port = Number(new URL(started2.url).port);
    await stopWitness(started2);
    await notarise(server, token, 4);
    await waitForCheckpoint(server, log, { size: 9, witnesses: [w1], others: [w2] });
    const below = await runVigil(['verify', 'log', logUrl(), '--policy', bothPolicy]);
    assert.equal(below.code, 1, below.stdout);
    const either = await runVigil(['verify', 'log', logUrl(), '--policy', anyPolicy]);
    assert.equal(either.code, 0, either.stderr);
    // Back on the same address with its state at size 5: it cosigns size 9 only if the log
    // sends old 5 and a consistency proof 5 → 9 that verifies (C2SP tlog-witness).
    started2 = await startWitness(w2, log, port);
    await waitForCheckpoint(server, log, { size: 9, witnesses: [w1, w2] });
  });

  it('resends from the size a witness reports with 409 after the log restarts', async () => {
    // A new process forgets the witnesses' sizes and starts from old 0: they answer 409 9.
    await stopLog(server);
    server = await startLog(log.dataDir, [
      [started1, w1],
      [started2, w2],
    ]);
    await waitForCheckpoint(server, log, { size: 9, witnesses: [w1, w2] });
    await notarise(server, token, 1);
    await waitForCheckpoint(server, log, { size: 10, witnesses: [w1, w2] });
    const accepted = await runVigil(['verify', 'log', logUrl(), '--policy', bothPolicy]);
    assert.equal(accepted.code, 0, accepted.stderr);
  });
});

describe('witnessing on PostgreSQL', () => {
  it('cosigns checkpoints with proofs read from the PostgreSQL log', async () => {
    // Set only while this test runs: the servers and CLI runs it starts inherit it.
    const database = await createPostgresDatabase();
    const previous = process.env['VIGIL_DATABASE_URL'];
    process.env['VIGIL_DATABASE_URL'] = database.url;
    let server: ServerProcess | undefined;
    let follower: ServerProcess | undefined;
    try {
      const log = await newLogData('witnessing.pg.test/log');
      const witness = await newWitness('pg.witnessing.test');
      const started = await startWitness(witness, log);
      server = await startLog(log.dataDir, [[started, witness]]);
      const token = await partnerToken(log.dataDir);
      await notarise(server, token, 3);
      await waitForCheckpoint(server, log, { size: 3, witnesses: [witness] });
      follower = await startLog(log.dataDir, [[started, witness]]);
      await notarise(follower, token, 300);
      await waitForCheckpoint(follower, log, { size: 303, witnesses: [witness] });
      await waitForCheckpoint(server, log, { size: 303, witnesses: [witness] });
      const policy = writePolicy('pg.policy', [
        `log ${log.vkey}`,
        `witness pg ${witness.vkey}`,
        'quorum pg',
      ]);
      const result = await runVigil(['verify', 'log', `${server.url}/log`, '--policy', policy]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /size 303; witnesses: pg\.witnessing\.test/);
    } finally {
      if (follower !== undefined) await stopLog(follower);
      if (server !== undefined) await stopLog(server);
      if (previous === undefined) delete process.env['VIGIL_DATABASE_URL'];
      else process.env['VIGIL_DATABASE_URL'] = previous;
      await database.drop();
    }
  });
});
