// Crash safety of the sequencer (DESIGN.md §2): a real server process is killed with SIGKILL,
// again and again, while clients hammer the notary. Afterwards every acknowledged entry must be
// in the log at the index it was acknowledged with, every checkpoint a client ever saw must be
// the one stored for its size (no two checkpoints of one size), and the log must pass a full audit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { equalBytes, fromBase64 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { verifyConsistency } from '../../src/ledger/merkle-verify.ts';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import { decodeEntryBundle, TILE_WIDTH } from '../../src/ledger/tiles.ts';
import { LogReader } from '../../src/log/log-reader.ts';
import { SqliteLogStore } from '../../src/log/log-store.sqlite.ts';
import { runVigil } from '../support/run-cli.ts';
import { startServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROUNDS = 6;
const CLIENTS = 24;

interface Acked {
  index: number;
  entry: Uint8Array;
  checkpoint: string;
}

interface Client {
  url: string;
  token: string;
  acked: Acked[];
  stop: { now: boolean };
  id: number;
}

async function hammer({ url, token, acked, stop, id: client }: Client) {
  let n = 0;
  while (!stop.now) {
    const sha256 = `${client.toString(16).padStart(8, '0')}${(n++).toString(16).padStart(56, '0')}`;
    try {
      const response = await fetch(`${url}/api/v1/notary`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha256 }),
      });
      if (response.status !== 200) continue;
      const receipt = (await response.json()) as {
        index: number;
        checkpoint: string;
        proof: string;
      };
      const extra = /^extra (\S+)$/m.exec(receipt.proof)?.[1];
      acked.push({
        index: receipt.index,
        entry: fromBase64(extra!),
        checkpoint: receipt.checkpoint,
      });
    } catch {
      return; // the server died under us: this request was never acknowledged
    }
  }
}

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
        hammer({ url, token, acked, stop, id: round * 1000 + c }),
      );
      await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 1200));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      stop.now = true;
      await Promise.all(clients);
    }
    assert.ok(acked.length > ROUNDS * 50, `only ${acked.length} appends were acknowledged`);

    const store = new SqliteLogStore(join(dataDir, 'log.sqlite'));
    const reader = new LogReader(store);
    const latest = (await store.latestCheckpoint())!;
    const logKey = parseVerifierKey(
      (await runVigil(['log', 'vkey', '--data', dataDir])).stdout.trim(),
    );
    const final = openCheckpoint(latest.note, { logKey }).checkpoint;

    const seen = new Map<number, string>();
    for (const receipt of acked) {
      const size = openCheckpoint(receipt.checkpoint, { logKey }).checkpoint.size;
      const previous = seen.get(size);
      assert.ok(
        previous === undefined || previous === receipt.checkpoint,
        `two checkpoints of size ${size}`,
      );
      seen.set(size, receipt.checkpoint);
    }
    for (const [size, note] of seen) {
      assert.equal(
        (await store.checkpointAt(size))?.note,
        note,
        `checkpoint ${size} is the stored one`,
      );
      const old = openCheckpoint(note, { logKey }).checkpoint;
      if (size < final.size) {
        verifyConsistency({
          size1: size,
          size2: final.size,
          root1: old.rootHash,
          root2: final.rootHash,
          proof: await reader.proveConsistency(size, final.size),
        });
      }
    }
    const bundles = new Map<number, Uint8Array[]>();
    for (const receipt of acked) {
      const bundleIndex = Math.floor(receipt.index / TILE_WIDTH);
      if (!bundles.has(bundleIndex))
        bundles.set(bundleIndex, decodeEntryBundle((await store.readBundle(bundleIndex))!));
      const stored = bundles.get(bundleIndex)![receipt.index % TILE_WIDTH];
      assert.ok(
        stored !== undefined && equalBytes(stored, receipt.entry),
        `entry ${receipt.index} survived intact`,
      );
    }
    await store.close();

    const audit = await runVigil([
      'log',
      'export',
      '--data',
      dataDir,
      '--out',
      join(dataDir, 'export'),
    ]);
    assert.equal(audit.code, 0, audit.stderr);
    const verify = await runVigil([
      'verify',
      'log',
      join(dataDir, 'export'),
      '--key',
      logKey.text,
      '--full',
    ]);
    assert.equal(verify.code, 0, verify.stderr);
  });
});
