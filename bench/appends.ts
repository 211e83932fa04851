// Durable appends through the sequencer, in process: the saturated rate, and time-to-receipt
// (append → durable signed checkpoint → inclusion proof → tlog-proof text) at offered loads.
// Latency is measured from the moment each append was *due*, not when it was sent, so a
// stalled generator cannot hide queueing (no coordinated omission). The store is SQLite unless
// the caller passes another opener (bench/appends-pg.ts measures PostgreSQL the same way).
import { join } from 'node:path';
import { encodeLogEntry } from '../src/ledger/log-entry.ts';
import { generateSignerKey, parseSignerKey } from '../src/ledger/note-keys.ts';
import { formatTlogProof } from '../src/ledger/tlog-proof.ts';
import type { LogStore } from '../src/log/log-store.port.ts';
import { SqliteLogStore } from '../src/log/log-store.sqlite.ts';
import { openLog } from '../src/log/open-log.ts';
import { now, percentile } from './stats.ts';

const signer = parseSignerKey(generateSignerKey('bench.example/log').signerKey);

function notaryEntry(i: number): Uint8Array {
  return encodeLogEntry({
    kind: 'notary.hash',
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    version: 1,
    at: '2026-11-27T00:00:00.000Z',
    body: { sha256: i.toString(16).padStart(64, '0') },
  });
}

/** An empty store for one measurement, and how to close it and remove what it made. */
export interface BenchStore {
  store: LogStore;
  dispose: () => Promise<void>;
}

/** Opens an empty log store for the measurement called `name`. */
export type OpenBenchStore = (name: string) => Promise<BenchStore>;

/** The default: a SQLite log file per measurement in `dir`. */
export function sqliteBenchStore(dir: string): OpenBenchStore {
  return (name) => {
    const store = new SqliteLogStore(join(dir, `${name}.sqlite`));
    return Promise.resolve({ store, dispose: () => store.close() });
  };
}

async function openBenchLog(openStore: OpenBenchStore, name: string) {
  const { store, dispose } = await openStore(name);
  return { ...(await openLog({ store, signer })), dispose };
}

/** Saturated durable appends per second (acknowledged only), with `count` appends. */
export async function measureSaturatedAppends(
  dir: string,
  count: number,
  openStore: OpenBenchStore = sqliteBenchStore(dir),
): Promise<number> {
  const { dispose, sequencer } = await openBenchLog(openStore, 'saturated');
  const inFlight = 20_000;
  const start = now();
  let next = 0;
  const worker = async () => {
    while (next < count) await sequencer.append(notaryEntry(next++));
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = now() - start;
  await sequencer.close();
  await dispose();
  return (count * 1000) / elapsed;
}

/** Result of an open-loop run at one offered rate. */
export interface OfferedLoadResult {
  offered: number;
  achieved: number;
  p50: number;
  p99: number;
  max: number;
}

/** Open-loop load at `offered` appends/s for `seconds`; each receipt includes its proof. */
export async function measureOfferedLoad(
  dir: string,
  offered: number,
  seconds: number,
  openStore: OpenBenchStore = sqliteBenchStore(dir),
): Promise<OfferedLoadResult> {
  const { dispose, reader, sequencer } = await openBenchLog(openStore, `offered-${offered}`);
  const total = offered * seconds;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = now();
  let issued = 0;
  const receipt = async (i: number, due: number) => {
    const entry = notaryEntry(i);
    const { index, checkpoint } = await sequencer.append(entry);
    const proof = await reader.proveInclusion(index, checkpoint.size);
    formatTlogProof({ extra: entry, index, proof, checkpoint: checkpoint.note });
    latencies.push(now() - due);
  };
  while (issued < total) {
    const due = Math.min(total, Math.floor(((now() - start) * offered) / 1000));
    for (; issued < due; issued++) pending.push(receipt(issued, start + (issued * 1000) / offered));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);
  const elapsed = now() - start;
  await sequencer.close();
  await dispose();
  return {
    offered,
    achieved: (total * 1000) / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
  };
}
