// Several processes' logs on one PostgreSQL database, in one test process: each SharedLog has
// its own connections, exactly as separate servers would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { postgresTestDatabases } from '../../../test/support/databases.ts';
import { utf8 } from '../../ledger/bytes.ts';
import { openCheckpoint } from '../../ledger/checkpoint.ts';
import { hashLeaf } from '../../ledger/hash.ts';
import { verifyConsistency, verifyInclusion } from '../../ledger/merkle-verify.ts';
import { generateSignerKey, parseSignerKey, verifierKeyOf } from '../../ledger/note-keys.ts';
import { LogReader } from '../log-reader.ts';
import { PgLogStore } from '../log-store.pg.ts';
import type { StoredCheckpoint } from '../log-store.port.ts';
import type { AppendReceipt } from '../sequencer.ts';
import { CHECKPOINT_CHANNEL } from './log-pending.pg.ts';
import { LEADER_LOCK_KEYS, NotLeaderError } from './leader-lock.pg.ts';
import { SharedLog } from './shared-log.pg.ts';

const signer = parseSignerKey(generateSignerKey('test.example/log').signerKey);
const logKey = verifierKeyOf(signer);
const databases = postgresTestDatabases();
const RETRY_MS = 50;

async function join(url: string, learned: StoredCheckpoint[] = []) {
  const store = databases.closeAtEnd(await PgLogStore.open(url));
  const log = await SharedLog.open({
    url,
    store,
    signer,
    retryMs: RETRY_MS,
    onCommit: () => undefined,
    onLearned: (checkpoint) => learned.push(checkpoint),
  });
  return { store, log: databases.closeAtEnd(log), reader: new LogReader(store) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Checks every receipt against the log as `reader` now serves it. */
async function assertInLog(
  reader: LogReader,
  receipts: readonly { receipt: AppendReceipt; entry: Uint8Array }[],
) {
  for (const { receipt, entry } of receipts) {
    const { checkpoint } = openCheckpoint(receipt.checkpoint.note, { logKey });
    assert.ok(receipt.index < checkpoint.size, 'the receipt’s checkpoint covers the entry');
    verifyInclusion({
      index: receipt.index,
      size: checkpoint.size,
      leafHash: hashLeaf(entry),
      proof: await reader.proveInclusion(receipt.index, checkpoint.size),
      root: checkpoint.rootHash,
    });
  }
}

describe('SharedLog: one leader among several servers on PostgreSQL', () => {
  it('lets exactly one lead; a follower’s appends are sequenced by the leader', async () => {
    const url = await databases.newDatabase();
    const learned: StoredCheckpoint[] = [];
    const one = await join(url);
    const two = await join(url, learned);
    assert.equal(one.log.leading, true);
    assert.equal(two.log.leading, false);
    const appends = Array.from({ length: 300 }, (_, i) => {
      const entry = utf8(`entry ${i}`);
      const log = i % 2 === 0 ? one.log : two.log;
      return log.append(entry).then((receipt) => ({ receipt, entry }));
    });
    const receipts = await Promise.all(appends);
    const indexes = receipts.map(({ receipt }) => receipt.index).sort((a, b) => a - b);
    assert.deepEqual(
      indexes,
      Array.from({ length: 300 }, (_, i) => i),
      'no gap, no repeat',
    );
    await assertInLog(two.reader, receipts);
    await until(() => two.log.checkpoint.size === 300, 'the follower learns the head');
    assert.ok(
      learned.some((checkpoint) => checkpoint.size === 300),
      'and announces it',
    );
    assert.deepEqual(two.log.checkpoint, one.log.checkpoint);
  });

  it('hands over when the leader stops, with nothing handed over lost and no fork', async () => {
    const url = await databases.newDatabase();
    const one = await join(url);
    const two = await join(url);
    const before = await Promise.all([0, 1, 2].map((i) => two.log.append(utf8(`before ${i}`))));
    const old = openCheckpoint(one.log.checkpoint.note, { logKey }).checkpoint;
    await one.log.close();
    const after = await two.log.append(utf8('after'));
    assert.equal(two.log.leading, true, 'the follower took over');
    assert.equal(after.index, 3);
    assert.ok(before.every((receipt, i) => receipt.index === i));
    const now = openCheckpoint(after.checkpoint.note, { logKey }).checkpoint;
    verifyConsistency({
      size1: old.size,
      size2: now.size,
      root1: old.rootHash,
      root2: now.rootHash,
      proof: await two.reader.proveConsistency(old.size, now.size),
    });
  });

  it('keeps entries handed over while nobody leads, and sequences them under the next leader', async () => {
    const url = await databases.newDatabase();
    const one = await join(url);
    const two = await join(url);
    // An outside session grabs the leadership lock the moment the leader lets it go: for a
    // while nobody sequences, as between a crash and the next leader's takeover.
    const squatter = new pg.Client({ connectionString: url });
    await squatter.connect();
    const grabbed = squatter.query('SELECT pg_advisory_lock($1, $2)', [...LEADER_LOCK_KEYS]);
    await one.log.close();
    await grabbed;
    const entries = [0, 1, 2, 3].map((i) => utf8(`meanwhile ${i}`));
    const waiting = entries.map((entry) => two.log.append(entry));
    const settled: string[] = [];
    for (const append of waiting) void append.then(() => settled.push('done'));
    await new Promise((resolve) => setTimeout(resolve, 10 * RETRY_MS));
    assert.deepEqual(settled, [], 'nobody leads: nothing is acknowledged');
    const { rows } = await squatter.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM log_pending WHERE idx IS NULL',
    );
    assert.equal(rows[0]?.n, 4, 'the four entries wait, durably, in the hand-over table');
    await squatter.end(); // the lock is released with the session
    const receipts = await Promise.all(waiting);
    assert.equal(two.log.leading, true);
    await assertInLog(
      two.reader,
      receipts.map((receipt, i) => ({ receipt, entry: entries[i]! })),
    );
  });

  it('steps down when its lock connection is killed; the other server takes over', async () => {
    const url = await databases.newDatabase();
    const one = await join(url);
    const two = await join(url);
    await one.log.append(utf8('first'));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'
        AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [...LEADER_LOCK_KEYS],
    );
    await admin.end();
    await until(() => !one.log.leading, 'the old leader steps down');
    await until(() => one.log.leading || two.log.leading, 'a new leader is chosen');
    const receipts = await Promise.all(
      [one, two].map(async ({ log }, i) => {
        const entry = utf8(`later ${i}`);
        return { receipt: await log.append(entry), entry };
      }),
    );
    assert.deepEqual(receipts.map(({ receipt }) => receipt.index).sort(), [1, 2]);
    await assertInLog(one.reader, receipts);
  });

  it('fences commits: a batch committed for a session that does not hold the lock is refused and writes nothing', async () => {
    const url = await databases.newDatabase();
    const one = await join(url);
    await one.log.append(utf8('first'));
    assert.equal(one.log.leading, true);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const before = await one.store.latestCheckpoint();
    const checkpoint = { size: 2, note: 'a checkpoint the fence must stop' };
    const fence = (pid: number) => ({
      pid,
      keys: LEADER_LOCK_KEYS,
      channel: CHECKPOINT_CHANNEL,
      payload: JSON.stringify(checkpoint),
    });
    const batch = {
      tiles: [{ level: 0, index: 5, data: new Uint8Array(64) }],
      bundles: [],
      checkpoint,
    };
    await assert.rejects(one.store.commitBatch(batch, fence(Number(rows[0]?.pid))), NotLeaderError);
    await other.end();
    assert.deepEqual(await one.store.latestCheckpoint(), before);
    assert.equal(await one.store.checkpointAt(2), undefined);
    assert.equal(await one.store.readTile(0, 5), undefined);
  });
});
