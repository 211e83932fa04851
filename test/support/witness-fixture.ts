// Builders for witness tests: a real log (the sequencer over SQLite, as `vigil serve` runs it),
// a witness over its SQLite state, and add-checkpoint request bodies.
import { join } from 'node:path';
import { toBase64, utf8 } from '../../src/ledger/bytes.ts';
import {
  generateSignerKey,
  parseSignerKey,
  SIG_COSIGNATURE_V1,
  verifierKeyOf,
} from '../../src/ledger/note-keys.ts';
import type { SignerKey } from '../../src/ledger/note-keys.ts';
import { openLog } from '../../src/log/open-log.ts';
import type { OpenLog } from '../../src/log/open-log.ts';
import { SqliteLogStore } from '../../src/log/log-store.sqlite.ts';
import { SqliteWitnessStateStore } from '../../src/witness/witness-state.sqlite.ts';
import { Witness } from '../../src/witness/witness.service.ts';
import { tempDir } from './temp-dir.ts';

/** The body of POST /add-checkpoint (C2SP tlog-witness §add-checkpoint). */
export function addCheckpointBody(
  oldSize: number | string,
  proof: readonly Uint8Array[],
  note: string,
): string {
  return `old ${String(oldSize)}\n${proof.map((hash) => `${toBase64(hash)}\n`).join('')}\n${note}`;
}

/** A fresh Ed25519 log signer named `origin`. */
export function newLogSigner(origin = 'test.example/log'): SignerKey {
  return parseSignerKey(generateSignerKey(origin).signerKey);
}

/** A fresh cosignature/v1 witness signer. */
export function newWitnessSigner(name = 'witness.example/w1'): SignerKey {
  return parseSignerKey(generateSignerKey(name, SIG_COSIGNATURE_V1).signerKey);
}

/** A real log in its own SQLite file, signed by `signer`; close it with closeTestLog. */
export async function openTestLog(signer: SignerKey, dir = tempDir()): Promise<OpenLog> {
  return openLog({ store: new SqliteLogStore(join(dir, 'log.sqlite')), signer, maxBatch: 1000 });
}

/** Appends `count` entries tagged `tag` and returns the note of the checkpoint that covers them. */
export async function growLog(log: OpenLog, count: number, tag = 'entry'): Promise<string> {
  await Promise.all(
    Array.from({ length: count }, (_, i) => log.sequencer.append(utf8(`${tag} ${i}`))),
  );
  return log.sequencer.checkpoint.note;
}

/** Stops the sequencer and closes the store. */
export async function closeTestLog(log: OpenLog): Promise<void> {
  await log.sequencer.close();
  await log.store.close();
}

/** A witness of the one log signed by `logSigner`, its state in a fresh directory. */
export function newTestWitness(
  logSigner: SignerKey,
  options: { dataDir?: string; now?: () => number } = {},
) {
  const dataDir = options.dataDir ?? tempDir();
  const store = new SqliteWitnessStateStore(dataDir);
  const signer = newWitnessSigner();
  const witness = new Witness({
    signer,
    logs: new Map([[logSigner.name, [verifierKeyOf(logSigner)]]]),
    store,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { witness, store, signer, dataDir };
}
