// Crash safety of the witness (issue 7): a real `vigil witness` process is killed with SIGKILL
// right after it cosigns, and while requests are in flight. After each restart it must remember
// the latest checkpoint it acknowledged with 200: a request from an older size gets 409 with a
// size at least that large, so it can never be talked into cosigning a rolled-back tree.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { formatSignerKey, parseVerifierKey, verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { appendSignatures } from '../../src/ledger/signed-note.ts';
import { runVigil } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import {
  addCheckpointBody,
  closeTestLog,
  growLog,
  newLogSigner,
  newWitnessSigner,
  openTestLog,
} from '../support/witness-fixture.ts';
import { killNow, startWitnessProcess } from '../support/witness-process.ts';

const ROUNDS = 5;
const dir = tempDir();
const dataDir = join(dir, 'witness');
const keyFile = join(dir, 'witness.key');
const witnessSigner = newWitnessSigner();
writeFileSync(keyFile, `${formatSignerKey(witnessSigner)}\n`, { mode: 0o600 });
const logSigner = newLogSigner();
const logKey = verifierKeyOf(logSigner);
const log = await openTestLog(logSigner);
after(() => closeTestLog(log));
const args = ['--key', keyFile, '--data', dataDir, '--log', `${logSigner.name}=${logKey.text}`];

const sizeOf = (note: string) => openCheckpoint(note, { logKey }).checkpoint.size;

async function add(url: string, old: number, note: string): Promise<Response> {
  const proof = old === 0 ? [] : await log.reader.proveConsistency(old, sizeOf(note));
  return fetch(`${url}/add-checkpoint`, {
    method: 'POST',
    body: addCheckpointBody(old, proof, note),
  });
}

describe('witness kill -9', () => {
  it('remembers every checkpoint it cosigned across SIGKILL restarts', async () => {
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const witness = await startWitnessProcess(args);
      assert.equal(witness.verifierKey, verifierKeyOf(witnessSigner).text);
      // After the restart: an old size below the acknowledged one is refused with its size.
      if (acknowledged > 0) {
        const stale = await add(witness.url, 0, log.sequencer.checkpoint.note);
        assert.equal(stale.status, 409);
        assert.equal(stale.headers.get('content-type'), 'text/x.tlog.size');
        const known = Number((await stale.text()).trim());
        assert.ok(known >= acknowledged, `witness forgot: ${known} < ${acknowledged}`);
        acknowledged = known;
      }
      const note = await growLog(log, 50 + round, `round ${round}`);
      const response = await add(witness.url, acknowledged, note);
      assert.equal(response.status, 200, await response.clone().text());
      const lines = (await response.text()).trimEnd().split('\n');
      const witnessKey = parseVerifierKey(witness.verifierKey);
      const opened = openCheckpoint(appendSignatures(note, lines), {
        logKey,
        witnesses: [witnessKey],
      });
      assert.deepEqual(opened.witnesses, [witnessKey]);
      acknowledged = sizeOf(note);
      // Kill it while stale requests and one that would advance it are in flight: whether or
      // not that one was answered, the restarted witness must be at least where it said it was.
      const more = await growLog(log, 5, `round ${round} more`);
      const inFlight = Array.from({ length: 20 }, async (_, i) => {
        const sent = i % 2 === 0 ? { old: 0, note } : { old: acknowledged, note: more };
        const answer = await add(witness.url, sent.old, sent.note).catch(() => undefined);
        if (answer?.status === 200) return sizeOf(sent.note);
        return 0;
      });
      await new Promise((resolve) => setTimeout(resolve, round * 3));
      await killNow(witness.child);
      acknowledged = Math.max(acknowledged, ...(await Promise.all(inFlight)));
    }
    const last = await startWitnessProcess(args);
    const stale = await add(last.url, 0, log.sequencer.checkpoint.note);
    assert.equal(stale.status, 409);
    const known = Number((await stale.text()).trim());
    assert.ok(known >= acknowledged && known <= sizeOf(log.sequencer.checkpoint.note));
    await killNow(last.child);
  });

  it('refuses to start with a log key as its key, or without a log', async () => {
    const logKeyFile = join(dir, 'log.key');
    writeFileSync(logKeyFile, `${formatSignerKey(logSigner)}\n`);
    const wrongKey = await runVigil([
      'witness',
      ...args.slice(2),
      '--port',
      '0',
      '--key',
      logKeyFile,
    ]);
    assert.equal(wrongKey.code, 2);
    assert.match(wrongKey.stderr, /not a witness key/);
    const noLog = await runVigil(['witness', '--key', keyFile, '--data', dataDir, '--port', '0']);
    assert.equal(noLog.code, 2);
    const badLog = await runVigil([
      ...['witness', '--key', keyFile, '--data', dataDir],
      '--port',
      '0',
      '--log',
      'x=nope',
    ]);
    assert.equal(badLog.code, 2);
  });
});
