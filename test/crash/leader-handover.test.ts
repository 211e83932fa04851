// Issue 7, "several servers": three `vigil serve` processes share one PostgreSQL database while
// clients hammer the notary on all of them. The leader — found the way an operator would, by
// the holder of the leadership lock in pg_locks — is killed with SIGKILL again and again, and a
// fresh server joins after each kill. Afterwards: every acknowledged entry (answered by leader
// and followers alike) is in the log where it was acknowledged, no two checkpoints share a size,
// nothing handed over is left unsequenced, and the whole log passes an offline audit.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import { LEADER_LOCK_KEYS } from '../../src/log/leadership/leader-lock.pg.ts';
import { PgLogStore } from '../../src/log/log-store.pg.ts';
import { assertAckedInLog, assertFullAudit, hammerNotary } from '../support/acked-entries.ts';
import type { Acked } from '../support/acked-entries.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const KILLS = 3;
const CLIENTS_PER_SERVER = 6;
/** "Hands over within seconds": a generous bound for a loaded 2-core CI machine. */
const HANDOVER_LIMIT_MS = 15_000;

const database = await createPostgresDatabase();
const admin = new pg.Client({ connectionString: database.url });
await admin.connect();
after(async () => {
  await admin.end();
  await database.drop();
});

/**
 * The operating-system pid of the process whose connection holds this database's leadership
 * lock. Advisory locks are per database, but pg_locks lists every database's: other test files
 * running beside this one have leaders of their own.
 */
async function leaderPid(): Promise<number | undefined> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
      WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [...LEADER_LOCK_KEYS],
  );
  const match = /^vigil-log-lock:(\d+)$/.exec(rows[0]?.name ?? '');
  return match === null ? undefined : Number(match[1]);
}

async function waitForLeader(notPid: number | undefined): Promise<number> {
  const start = Date.now();
  for (;;) {
    const pid = await leaderPid();
    if (pid !== undefined && pid !== notPid) return pid;
    assert.ok(Date.now() - start < HANDOVER_LIMIT_MS, 'no new leader took over in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('several servers on one PostgreSQL: the log leader is killed under load', () => {
  it('hands over within seconds, loses no acknowledged entry and never forks', async () => {
    const dataDir = tempDir();
    process.env['VIGIL_DATABASE_URL'] = database.url;
    const token = (
      await runVigil(['token', 'create', '--data', dataDir, '--role', 'partner', '--name', 'load'])
    ).stdout.trim();
    const acked: Acked[] = [];
    const stop = { now: false };
    const clients: Promise<void>[] = [];
    const servers: ServerProcess[] = [];
    let nextClient = 0;
    const addServer = async () => {
      const server = await startServerProcess(dataDir, ['--notary-rate', '1000000']);
      servers.push(server);
      for (let c = 0; c < CLIENTS_PER_SERVER; c++) {
        const id = nextClient++;
        const label = String(server.child.pid);
        clients.push(hammerNotary({ url: server.url, token, acked, stop, id, server: label }));
      }
    };
    for (let s = 0; s < 3; s++) await addServer();
    // The first server created the log key in the shared data directory.
    const logKey = parseVerifierKey(
      (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim(),
    );

    const handovers: number[] = [];
    let leader = await waitForLeader(undefined);
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 1000));
      const victim = servers.find((server) => server.child.pid === leader);
      assert.ok(victim !== undefined, 'the lock holder is one of our servers');
      const ackedBefore = acked.length;
      const killedAt = Date.now();
      victim.child.kill('SIGKILL');
      await new Promise((resolve) => victim.child.once('exit', resolve));
      servers.splice(servers.indexOf(victim), 1);
      leader = await waitForLeader(leader);
      // Handed over once a survivor acknowledges new appends again.
      while (acked.length === ackedBefore) {
        assert.ok(Date.now() - killedAt < HANDOVER_LIMIT_MS, 'appends did not resume in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      handovers.push(Date.now() - killedAt);
      await addServer();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stop.now = true;
    await Promise.all(clients);
    for (const server of servers) await server.stop();
    delete process.env['VIGIL_DATABASE_URL'];

    const answeredBy = new Set(acked.map((receipt) => receipt.server));
    assert.ok(answeredBy.size >= 4, `receipts came from ${answeredBy.size} servers only`);
    assert.ok(acked.length > 200, `only ${acked.length} appends were acknowledged`);
    const store = await PgLogStore.open(database.url);
    try {
      await assertAckedInLog(store, acked, logKey);
    } finally {
      await store.close();
    }
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM log_pending WHERE idx IS NULL',
    );
    assert.equal(rows[0]?.n, 0, 'everything handed over was sequenced');
    process.env['VIGIL_DATABASE_URL'] = database.url;
    try {
      await assertFullAudit(dataDir, logKey);
    } finally {
      delete process.env['VIGIL_DATABASE_URL'];
    }
    process.stdout.write(
      `# ${acked.length} receipts; handovers after kill -9 took ${handovers.join(', ')} ms\n`,
    );
  });
});
