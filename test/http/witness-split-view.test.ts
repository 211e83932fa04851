// Split views (issue 7): one log key signs two histories — a fork that shares its first entries
// with the real log. Whatever the forked log sends, the witness refuses it (409 for the same size
// with another root or a wrong old size, 422 for a larger tree that does not extend the cosigned
// one) and keeps the checkpoint it cosigned; the real log goes on being cosigned.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { equalBytes } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { verifierKeyOf } from '../../src/ledger/note-keys.ts';
import { buildWitnessApp } from '../../src/witness/witness.app.ts';
import {
  addCheckpointBody,
  closeTestLog,
  growLog,
  newLogSigner,
  newTestWitness,
  openTestLog,
} from '../support/witness-fixture.ts';

const logSigner = newLogSigner();
const logKey = verifierKeyOf(logSigner);
const honest = await openTestLog(logSigner);
const forked = await openTestLog(logSigner);
const { witness, store } = newTestWitness(logSigner);
const app = await buildWitnessApp({ witness });
after(async () => {
  await app.close();
  store.close();
  await closeTestLog(honest);
  await closeTestLog(forked);
});

const post = (body: string) =>
  app.inject({ method: 'POST', url: '/add-checkpoint', payload: Buffer.from(body) });
const open = (note: string) => openCheckpoint(note, { logKey }).checkpoint;

describe('split view', () => {
  it('refuses a fork of the same or a larger size and keeps the cosigned checkpoint', async () => {
    // Both histories start with the same ten entries, then diverge.
    const shared = await growLog(honest, 10, 'shared');
    assert.equal(await growLog(forked, 10, 'shared'), shared);
    assert.equal((await post(addCheckpointBody(0, [], shared))).statusCode, 200);
    const real20 = await growLog(honest, 10, 'honest');
    const realProof = await honest.reader.proveConsistency(10, 20);
    assert.equal((await post(addCheckpointBody(10, realProof, real20))).statusCode, 200);

    // The fork at the same size: both notes are validly signed by the log, with other roots.
    const fork20 = await growLog(forked, 10, 'forked');
    assert.equal(open(fork20).size, 20);
    assert.ok(!equalBytes(open(fork20).rootHash, open(real20).rootHash));
    const sameSize = await post(addCheckpointBody(20, [], fork20));
    assert.equal(sameSize.statusCode, 409);
    assert.equal(sameSize.headers['content-type'], 'text/x.tlog.size');
    assert.equal(sameSize.body, '20\n');
    // The fork pretends the witness is still at the shared size 10, with a proof that is real
    // for the forked tree.
    const forkProof = await forked.reader.proveConsistency(10, 20);
    const pretend = await post(addCheckpointBody(10, forkProof, fork20));
    assert.equal(pretend.statusCode, 409);
    assert.equal(pretend.body, '20\n');
    // The fork grows past the cosigned size: its proof is from its own tree of size 20.
    const fork35 = await growLog(forked, 15, 'forked-more');
    const growing = await post(
      addCheckpointBody(20, await forked.reader.proveConsistency(20, 35), fork35),
    );
    assert.equal(growing.statusCode, 422);
    // Nor can it start over from the empty tree.
    const restart = await post(addCheckpointBody(0, [], fork35));
    assert.equal(restart.statusCode, 409);
    assert.equal(store.latest(logSigner.name)?.note, real20);

    // The honest log is still cosigned.
    const real35 = await growLog(honest, 15, 'honest-more');
    const next = await post(
      addCheckpointBody(20, await honest.reader.proveConsistency(20, 35), real35),
    );
    assert.equal(next.statusCode, 200, next.body);
    assert.equal(store.latest(logSigner.name)?.note, real35);
  });
});
