import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/support/temp-dir.ts';
import { utf8 } from '../ledger/bytes.ts';
import { openCheckpoint } from '../ledger/checkpoint.ts';
import { hashLeaf } from '../ledger/hash.ts';
import { verifyConsistency, verifyInclusion } from '../ledger/merkle-verify.ts';
import { generateSignerKey, parseSignerKey, verifierKeyOf } from '../ledger/note-keys.ts';
import { openLog } from './open-log.ts';
import type { LogBatchWrite, LogStore } from './log-store.port.ts';
import { SqliteLogStore } from './log-store.sqlite.ts';
import { MAX_ENTRY_BYTES } from './sequencer.ts';

const dir = tempDir();
const signer = parseSignerKey(generateSignerKey('test.example/log').signerKey);
const logKey = verifierKeyOf(signer);
let files = 0;

function newStore(): SqliteLogStore {
  return new SqliteLogStore(join(dir, `log-${files++}.sqlite`));
}

function openTestLog(store: LogStore = newStore()) {
  return openLog({ store, signer, maxBatch: 100 });
}

const entry = (i: number) => utf8(`entry ${i}`);

describe('Sequencer', () => {
  it('publishes a signed empty checkpoint when a log is created', async () => {
    const { sequencer, store } = await openTestLog();
    const opened = openCheckpoint(sequencer.checkpoint.note, { logKey });
    assert.equal(opened.checkpoint.size, 0);
    assert.equal(opened.checkpoint.origin, 'test.example/log');
    await sequencer.close();
    await store.close();
  });

  it('acknowledges each append with its index and a durable checkpoint that includes it', async () => {
    const { sequencer, reader, store } = await openTestLog();
    const receipts = await Promise.all(
      Array.from({ length: 350 }, (_, i) => sequencer.append(entry(i))),
    );
    assert.deepEqual(
      receipts.map((r) => r.index),
      Array.from({ length: 350 }, (_, i) => i),
    );
    const sizes = new Set(receipts.map((r) => r.checkpoint.size));
    assert.ok(sizes.size >= 4 && sizes.size < 350, `batched into ${sizes.size} checkpoints`);
    for (const receipt of receipts.filter((_, i) => i % 37 === 0)) {
      const { checkpoint } = openCheckpoint(receipt.checkpoint.note, { logKey });
      assert.ok(receipt.index < checkpoint.size);
      assert.deepEqual(await store.checkpointAt(checkpoint.size), receipt.checkpoint);
      const proof = await reader.proveInclusion(receipt.index, checkpoint.size);
      verifyInclusion({
        index: receipt.index,
        size: checkpoint.size,
        leafHash: hashLeaf(entry(receipt.index)),
        proof,
        root: checkpoint.rootHash,
      });
    }
    await sequencer.close();
    await store.close();
  });

  it('resumes after a restart, extending the same tree', async () => {
    const path = join(dir, 'resume.sqlite');
    const first = await openTestLog(new SqliteLogStore(path));
    for (let i = 0; i < 300; i++) await first.sequencer.append(entry(i));
    const before = openCheckpoint(first.sequencer.checkpoint.note, { logKey }).checkpoint;
    await first.sequencer.close();
    await first.store.close();

    const second = await openTestLog(new SqliteLogStore(path));
    assert.equal(second.sequencer.checkpoint.size, 300);
    const receipt = await second.sequencer.append(entry(300));
    assert.equal(receipt.index, 300);
    const after = openCheckpoint(receipt.checkpoint.note, { logKey }).checkpoint;
    verifyConsistency({
      size1: before.size,
      size2: after.size,
      root1: before.rootHash,
      root2: after.rootHash,
      proof: await second.reader.proveConsistency(before.size, after.size),
    });
    await second.sequencer.close();
    await second.store.close();
  });

  it('rejects a batch whose commit fails and carries on from the durable state', async () => {
    const inner = newStore();
    let failNext = false;
    const flaky: LogStore = {
      latestCheckpoint: () => inner.latestCheckpoint(),
      checkpointAt: (size) => inner.checkpointAt(size),
      readTile: (level, index) => inner.readTile(level, index),
      readTileWithInner: (level, index) => inner.readTileWithInner(level, index),
      readBundle: (index) => inner.readBundle(index),
      commitBatch: (batch: LogBatchWrite) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('disk full'));
        }
        return inner.commitBatch(batch);
      },
      close: () => inner.close(),
    };
    const { sequencer } = await openTestLog(flaky);
    await sequencer.append(entry(0));
    failNext = true;
    await assert.rejects(sequencer.append(entry(1)), /disk full/);
    const receipt = await sequencer.append(entry(2));
    assert.equal(receipt.index, 1, 'the failed entry took no index');
    assert.equal((await inner.latestCheckpoint())?.size, 2);
    await sequencer.close();
    await inner.close();
  });

  it('refuses to start when the stored tiles do not reproduce the checkpoint', async () => {
    const path = join(dir, 'corrupt.sqlite');
    const log = await openTestLog(new SqliteLogStore(path));
    for (let i = 0; i < 10; i++) await log.sequencer.append(entry(i));
    await log.sequencer.close();
    await log.store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(path);
    raw
      .prepare('UPDATE log_tile SET data = ? WHERE level = 0 AND idx = 0')
      .run(new Uint8Array(320));
    raw.close();
    await assert.rejects(openTestLog(new SqliteLogStore(path)), /do not reproduce checkpoint 10/);
  });

  it('refuses an entry larger than a bundle can carry, and appends after close', async () => {
    const { sequencer, store } = await openTestLog();
    await assert.rejects(
      sequencer.append(new Uint8Array(MAX_ENTRY_BYTES + 1)),
      /entry of 65536 bytes/,
    );
    await sequencer.close();
    await assert.rejects(sequencer.append(entry(0)), /shutting down/);
    await store.close();
  });
});
