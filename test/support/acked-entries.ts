// What the crash tests share: clients that hammer the notary and keep every receipt a server
// acknowledged, and the check that the log still holds each of them exactly as acknowledged.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { equalBytes, fromBase64 } from '../../src/ledger/bytes.ts';
import { openCheckpoint } from '../../src/ledger/checkpoint.ts';
import { verifyConsistency } from '../../src/ledger/merkle-verify.ts';
import type { VerifierKey } from '../../src/ledger/note-keys.ts';
import { decodeEntryBundle, TILE_WIDTH } from '../../src/ledger/tiles.ts';
import { LogReader } from '../../src/log/log-reader.ts';
import type { LogStore } from '../../src/log/log-store.port.ts';
import { runVigil } from './run-cli.ts';

/** One acknowledged notary receipt: the entry, where it was put, and the checkpoint shown. */
export interface Acked {
  index: number;
  entry: Uint8Array;
  checkpoint: string;
  /** Which server answered (the caller's label). */
  server: string;
}

/** A client posting notary requests to `url` until `stop.now` or until the server dies. */
export interface NotaryClient {
  url: string;
  token: string;
  acked: Acked[];
  stop: { now: boolean };
  /** Makes every request's hash unique across clients. */
  id: number;
  server?: string;
}

/** Posts unique hashes to the notary in a loop and records every 200's receipt. */
export async function hammerNotary({ url, token, acked, stop, id, server }: NotaryClient) {
  let n = 0;
  while (!stop.now) {
    const sha256 = `${id.toString(16).padStart(8, '0')}${(n++).toString(16).padStart(56, '0')}`;
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
        entry: fromBase64(extra ?? ''),
        checkpoint: receipt.checkpoint,
        server: server ?? url,
      });
    } catch {
      return; // the server died under us: this request was never acknowledged
    }
  }
}

/**
 * Every acknowledged entry is in the log at the index it was acknowledged with; every checkpoint
 * a client saw is the one stored for its size (never two of one size) and is consistent with
 * the log's latest checkpoint. Returns that latest size.
 */
export async function assertAckedInLog(
  store: LogStore,
  acked: readonly Acked[],
  logKey: VerifierKey,
): Promise<number> {
  const reader = new LogReader(store);
  const latest = await store.latestCheckpoint();
  assert.ok(latest !== undefined, 'the log has a checkpoint');
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
    let bundle = bundles.get(bundleIndex);
    if (bundle === undefined) {
      const stored = await store.readBundle(bundleIndex);
      assert.ok(stored !== undefined, `bundle ${bundleIndex} is stored`);
      bundle = decodeEntryBundle(stored);
      bundles.set(bundleIndex, bundle);
    }
    const stored = bundle[receipt.index % TILE_WIDTH];
    assert.ok(
      stored !== undefined && equalBytes(stored, receipt.entry),
      `entry ${receipt.index} survived intact`,
    );
  }
  return final.size;
}

/** Exports the log of `dataDir` (or VIGIL_DATABASE_URL's) and audits every entry offline. */
export async function assertFullAudit(dataDir: string, logKey: VerifierKey): Promise<void> {
  const out = join(dataDir, 'export');
  const exported = await runVigil(['log', 'export', '--data', dataDir, '--out', out]);
  assert.equal(exported.code, 0, exported.stderr);
  const verify = await runVigil(['verify', 'log', out, '--key', logKey.text, '--full']);
  assert.equal(verify.code, 0, verify.stderr);
}
