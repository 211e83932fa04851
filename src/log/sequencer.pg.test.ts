import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { postgresTestDatabases } from '../../test/support/databases.ts';
import { utf8 } from '../ledger/bytes.ts';
import { openCheckpoint } from '../ledger/checkpoint.ts';
import { hashLeaf } from '../ledger/hash.ts';
import { verifyConsistency, verifyInclusion } from '../ledger/merkle-verify.ts';
import { generateSignerKey, parseSignerKey, verifierKeyOf } from '../ledger/note-keys.ts';
import { PgLogStore } from './log-store.pg.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import { openLog } from './open-log.ts';

const signer = parseSignerKey(generateSignerKey('test.example/log').signerKey);
const logKey = verifierKeyOf(signer);
const entry = (i: number) => utf8(`entry ${i}`);

const databases = postgresTestDatabases();
const newDatabase = () => databases.newDatabase();

async function openTestLog(url: string) {
  const store = databases.closeAtEnd(await PgLogStore.open(url));
  return openLog({ store, signer, maxBatch: 100 });
}

describe('Sequencer over PostgreSQL', () => {
  it('appends 1,000 entries, reopens at the same checkpoint and extends the same tree', async () => {
    const url = await newDatabase();
    const first = await openTestLog(url);
    const receipts = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => first.sequencer.append(entry(i))),
    );
    assert.deepEqual(
      receipts.map((r) => r.index),
      Array.from({ length: 1_000 }, (_, i) => i),
    );
    const before = first.sequencer.checkpoint;
    assert.equal(openCheckpoint(before.note, { logKey }).checkpoint.size, 1_000);
    for (const receipt of receipts.filter((_, i) => i % 97 === 0)) {
      const { checkpoint } = openCheckpoint(receipt.checkpoint.note, { logKey });
      assert.deepEqual(await first.store.checkpointAt(checkpoint.size), receipt.checkpoint);
      verifyInclusion({
        index: receipt.index,
        size: checkpoint.size,
        leafHash: hashLeaf(entry(receipt.index)),
        proof: await first.reader.proveInclusion(receipt.index, checkpoint.size),
        root: checkpoint.rootHash,
      });
    }
    await first.sequencer.close();
    await first.store.close();

    const second = await openTestLog(url);
    assert.deepEqual(second.sequencer.checkpoint, before);
    const receipt = await second.sequencer.append(entry(1_000));
    assert.equal(receipt.index, 1_000);
    const old = openCheckpoint(before.note, { logKey }).checkpoint;
    const now = openCheckpoint(receipt.checkpoint.note, { logKey }).checkpoint;
    verifyConsistency({
      size1: old.size,
      size2: now.size,
      root1: old.rootHash,
      root2: now.rootHash,
      proof: await second.reader.proveConsistency(old.size, now.size),
    });
    verifyInclusion({
      index: 3,
      size: now.size,
      leafHash: hashLeaf(entry(3)),
      proof: await second.reader.proveInclusion(3, now.size),
      root: now.rootHash,
    });
    await second.sequencer.close();
  });

  it('refuses a second sequencer’s stale batch, which then resumes after the first', async () => {
    const url = await newDatabase();
    const one = await openTestLog(url);
    const two = await openTestLog(url);
    await one.sequencer.append(entry(0));
    // Two entries make checkpoint 2, larger than the stored 1: only the leaf check refuses it.
    const forks = await Promise.allSettled([
      two.sequencer.append(utf8('fork a')),
      two.sequencer.append(utf8('fork b')),
    ]);
    for (const fork of forks) {
      assert.ok(fork.status === 'rejected' && fork.reason instanceof LogStoreConflictError);
    }
    const receipt = await two.sequencer.append(entry(1));
    assert.equal(receipt.index, 1, 'the second writer continued the first one’s tree');
    await assert.rejects(one.sequencer.append(utf8('fork')), LogStoreConflictError);
    assert.equal((await one.sequencer.append(entry(2))).index, 2);
    const { checkpoint } = openCheckpoint(one.sequencer.checkpoint.note, { logKey });
    for (let index = 0; index < 3; index++) {
      verifyInclusion({
        index,
        size: 3,
        leafHash: hashLeaf(entry(index)),
        proof: await one.reader.proveInclusion(index, 3),
        root: checkpoint.rootHash,
      });
    }
    await one.sequencer.close();
    await two.sequencer.close();
  });

  it('refuses to start when the stored tiles do not reproduce the checkpoint', async () => {
    const url = await newDatabase();
    const log = await openTestLog(url);
    for (let i = 0; i < 10; i++) await log.sequencer.append(entry(i));
    await log.sequencer.close();
    await log.store.close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query('UPDATE log_tile SET data = $1 WHERE level = 0 AND idx = 0', [
      new Uint8Array(320),
    ]);
    await raw.end();
    await assert.rejects(openTestLog(url), /do not reproduce checkpoint 10/);
  });
});
