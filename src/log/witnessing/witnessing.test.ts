// Witnessing against real witnesses (the C2SP witness of src/witness, served over loopback HTTP)
// fed by a real log: cosignatures collected and verified, the newest checkpoint only, a witness
// that is down or hangs skipped, its catch-up with a consistency proof, and a 409 resent.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { openCheckpoint } from '../../ledger/checkpoint.ts';
import { utf8 } from '../../ledger/bytes.ts';
import { verifierKeyOf } from '../../ledger/note-keys.ts';
import type { SignerKey, VerifierKey } from '../../ledger/note-keys.ts';
import { buildWitnessApp } from '../../witness/witness.app.ts';
import { SqliteWitnessStateStore } from '../../witness/witness-state.sqlite.ts';
import { Witness } from '../../witness/witness.service.ts';
import {
  closeTestLog,
  newLogSigner,
  newWitnessSigner,
  openTestLog,
} from '../../../test/support/witness-fixture.ts';
import { tempDir } from '../../../test/support/temp-dir.ts';
import type { OpenLog } from '../open-log.ts';
import { WitnessRequestError } from './add-checkpoint.client.ts';
import { Witnessing } from './witnessing.ts';
import type { WitnessingOptions } from './witnessing.ts';

/** A witness behind a recording pass-through that can play dead or hang. */
interface TestWitness {
  url: string;
  key: VerifierKey;
  /** Each request's old size, proof line count and the status the witness answered. */
  seen: { old: number; proofLines: number; status: number }[];
  mode: 'up' | 'down' | 'hang';
}

const logSigner = newLogSigner('witnessing.test/log');
const logKey = verifierKeyOf(logSigner);
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function startWitness(name: string, signer: SignerKey = newWitnessSigner(name)) {
  const store = new SqliteWitnessStateStore(tempDir());
  const witness = new Witness({
    signer,
    logs: new Map([[logSigner.name, [logKey]]]),
    store,
  });
  const app = await buildWitnessApp({ witness });
  const inner = await app.listen({ port: 0, host: '127.0.0.1' });
  const test: TestWitness = { url: '', key: witness.verifierKey, seen: [], mode: 'up' };
  const proxy = createServer((request, response) => {
    if (test.mode === 'down') {
      request.socket.destroy();
      return;
    }
    if (test.mode === 'hang') return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      void fetch(`${inner}${request.url ?? ''}`, { method: 'POST', body }).then(async (answer) => {
        const [oldLine = '', ...rest] = body.toString().split('\n');
        const proofLines = rest.indexOf('');
        test.seen.push({ old: Number(oldLine.slice(4)), proofLines, status: answer.status });
        response.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? '',
        });
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  test.url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  closers.push(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await app.close();
    store.close();
  });
  return test;
}

async function newLog(): Promise<OpenLog> {
  const log = await openTestLog(logSigner);
  closers.push(() => closeTestLog(log));
  return log;
}

function newWitnessing(log: OpenLog, witnesses: TestWitness[], extra: Partial<WitnessingOptions>) {
  const witnessing = new Witnessing({
    witnesses: witnesses.map(({ url, key }) => ({ url, key })),
    logKey,
    proveConsistency: (size1, size2) => log.reader.proveConsistency(size1, size2),
    timeoutMs: 2000,
    maxBackoffMs: 20,
    ...extra,
  });
  closers.push(() => witnessing.close());
  return witnessing;
}

async function append(log: OpenLog, witnessing: Witnessing, count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    const { checkpoint } = await log.sequencer.append(utf8(`${tag} ${i}`));
    witnessing.notify(checkpoint);
  }
  await witnessing.whenIdle();
}

// Rounds retry on a timer once a witness comes back: wait for one, boundedly.
async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), `timed out waiting until ${what}`);
}

function served(witnessing: Witnessing, keys: VerifierKey[]) {
  const current = witnessing.current();
  assert.ok(current !== undefined, 'a checkpoint is served');
  const opened = openCheckpoint(current.note, { logKey, witnesses: keys });
  return { size: opened.checkpoint.size, names: opened.witnesses.map((key) => key.name).sort() };
}

describe('Witnessing', () => {
  it('serves the newest checkpoint with a verified cosignature from every witness', async () => {
    const log = await newLog();
    const [a, b] = [await startWitness('w.test/a'), await startWitness('w.test/b')];
    const witnessing = newWitnessing(log, [a, b], {});
    witnessing.notify(log.sequencer.checkpoint);
    await append(log, witnessing, 3, 'first');
    await append(log, witnessing, 2, 'second');
    assert.deepEqual(served(witnessing, [a.key, b.key]), {
      size: 5,
      names: ['w.test/a', 'w.test/b'],
    });
    // Each round after the first sent a consistency proof from the size last cosigned.
    const last = a.seen.at(-1);
    assert.equal(last?.status, 200);
    assert.ok(a.seen.every((request) => request.status === 200));
    assert.ok(a.seen.some((request) => request.old > 0 && request.proofLines > 0));
  });

  it('only submits the newest of several pending checkpoints', async () => {
    const log = await newLog();
    const a = await startWitness('w.test/coalesce');
    const witnessing = newWitnessing(log, [a], {});
    const checkpoints = [];
    for (let i = 0; i < 10; i++) {
      checkpoints.push((await log.sequencer.append(utf8(`burst ${i}`))).checkpoint);
    }
    // The first starts a round at once; the eight in between are superseded before it ends.
    for (const checkpoint of checkpoints) witnessing.notify(checkpoint);
    await witnessing.whenIdle();
    assert.equal(served(witnessing, [a.key]).size, 10);
    assert.deepEqual(
      a.seen.map(({ old, status }) => ({ old, status })),
      [
        { old: 0, status: 200 },
        { old: 1, status: 200 },
      ],
    );
  });

  it('keeps witnessing when one witness is down, and catches it up with a proof', async () => {
    const log = await newLog();
    const [a, b] = [await startWitness('w.test/up'), await startWitness('w.test/flaky')];
    const failures: unknown[] = [];
    const witnessing = newWitnessing(log, [a, b], {
      onFailure: (_key, error) => failures.push(error),
    });
    await append(log, witnessing, 3, 'before');
    b.mode = 'down';
    const beforeDown = b.seen.length;
    await append(log, witnessing, 4, 'while down');
    assert.deepEqual(served(witnessing, [a.key, b.key]), { size: 7, names: ['w.test/up'] });
    assert.ok(failures.length > 0 && failures.every((e) => e instanceof WitnessRequestError));
    assert.equal(b.seen.length, beforeDown);
    b.mode = 'up';
    // No new entry: the retry timer alone brings the witness up to date.
    await until('the witness is back', () => served(witnessing, [a.key, b.key]).names.length === 2);
    const catchUp = b.seen.at(-1);
    assert.ok(catchUp !== undefined);
    // From the size it last cosigned, with a consistency proof, and accepted.
    assert.equal(catchUp.old, 3);
    assert.equal(catchUp.status, 200);
    assert.ok(catchUp.proofLines > 0, 'the catch-up carries a consistency proof');
  });

  it('ends a round at the timeout when a witness hangs', async () => {
    const log = await newLog();
    const [a, b] = [await startWitness('w.test/fast'), await startWitness('w.test/hangs')];
    b.mode = 'hang';
    const failures: unknown[] = [];
    const witnessing = newWitnessing(log, [a, b], {
      timeoutMs: 100,
      maxBackoffMs: 60_000,
      onFailure: (_key, error) => failures.push(error),
    });
    await append(log, witnessing, 2, 'hang');
    assert.deepEqual(served(witnessing, [a.key, b.key]).names, ['w.test/fast']);
    assert.ok(failures.length > 0 && failures.every((e) => e instanceof WitnessRequestError));
  });

  it('resends from the size a witness answers with 409', async () => {
    const log = await newLog();
    const a = await startWitness('w.test/remembers');
    const first = newWitnessing(log, [a], {});
    await append(log, first, 6, 'first process');
    await first.close();
    const before = a.seen.length;
    // A restarted log process has forgotten what the witness holds: it starts from old 0.
    const second = newWitnessing(log, [a], {});
    await append(log, second, 2, 'second process');
    assert.deepEqual(served(second, [a.key]), { size: 8, names: ['w.test/remembers'] });
    const requests = a.seen.slice(before, before + 2);
    assert.deepEqual(
      requests.map(({ old, status }) => ({ old, status })),
      [
        { old: 0, status: 409 },
        { old: 6, status: 200 },
      ],
    );
  });

  it('serves nothing from a witness whose cosignature is by another key', async () => {
    const log = await newLog();
    const real = await startWitness('w.test/impostor');
    // Configured with a key the witness does not hold: its answer must not be served.
    const other = verifierKeyOf(newWitnessSigner('w.test/impostor'));
    const failures: unknown[] = [];
    const witnessing = newWitnessing(log, [{ ...real, key: other }], {
      maxBackoffMs: 60_000,
      onFailure: (_key, error) => failures.push(error),
    });
    await append(log, witnessing, 1, 'impostor');
    assert.deepEqual(served(witnessing, [other, real.key]).names, []);
    assert.match(String(failures[0]), /no cosignature by w\.test\/impostor/);
  });

  it('serves the newest checkpoint as it is when no witness is configured', async () => {
    const log = await newLog();
    const witnessing = newWitnessing(log, [], {});
    assert.equal(witnessing.current(), undefined);
    await append(log, witnessing, 2, 'alone');
    assert.equal(witnessing.current(), log.sequencer.checkpoint);
  });
});
