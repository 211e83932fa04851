// Crash safety of the sequencer (DESIGN.md §2): a real server process is killed with SIGKILL,
// again and again, while clients hammer the notary. Afterwards every acknowledged entry must be
// in the log at the index it was acknowledged with, every checkpoint a client ever saw must be
// the one stored for its size (no two checkpoints of one size), and the log must pass a full audit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import { SqliteLogStore } from '../../src/log/log-store.sqlite.ts';
import { assertAckedInLog, assertFullAudit, hammerNotary } from '../support/acked-entries.ts';
import type { Acked } from '../support/acked-entries.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROUNDS = 6;
const CLIENTS = 24;

describe('kill -9 under load', () => {
  it('loses no acknowledged entry and never signs two checkpoints of one size', async () => {
    const dataDir = tempDir();
    const tokenRun = await runVigil([
      'token',
      'create',
      '--data',
      dataDir,
      '--role',
      'partner',
      '--name',
      'load',
    ]);
    const token = tokenRun.stdout.trim();
    const acked: Acked[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startServerProcess(dataDir, ['--notary-rate', '1000000']);
      const stop = { now: false };
      const clients = Array.from({ length: CLIENTS }, (_, c) =>
        hammerNotary({ url, token, acked, stop, id: round * 1000 + c }),
      );
      await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 1200));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      stop.now = true;
      await Promise.all(clients);
    }
    assert.ok(acked.length > ROUNDS * 50, `only ${acked.length} appends were acknowledged`);

    const store = new SqliteLogStore(join(dataDir, 'log.sqlite'));
    const logKey = parseVerifierKey(
      (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim(),
    );
    await assertAckedInLog(store, acked, logKey);
    await store.close();

    await assertFullAudit(dataDir, logKey);
  });
});
