// Inclusion-proof generation from a stored log, as the notary and the receipt endpoint do it:
// a fresh reader (cold caches) answering proofs for random entries against the latest size.
import { SqliteLogStore } from '../src/log/log-store.sqlite.ts';
import { LogReader } from '../src/log/log-reader.ts';
import { now, percentile } from './stats.ts';

/** p50/p99/max in ms of `count` proofs for random indexes in the log at `path` of `size`. */
export async function measureProofs(path: string, size: number, count: number) {
  const store = new SqliteLogStore(path);
  const reader = new LogReader(store);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = Math.floor(Math.random() * size);
    const start = now();
    await reader.proveInclusion(index, size);
    times.push(now() - start);
  }
  await store.close();
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: percentile(times, 100) };
}
