// Under load many requests reach the same lookup at once — a device's token, a sync item's id.
// Each lookup of its own costs a round trip, and on PostgreSQL every round trip wakes the server
// and this process: at 1,000 requests/s those wake-ups were the largest cost of both. A per-tick
// loader answers all the lookups of one turn of the event loop with one query. It caches
// nothing: every answer is read after the lookup was asked, as a query of its own would be.
import DataLoader from 'dataloader';

/** Most keys one query carries. */
const MAX_KEYS = 500;

/**
 * A loader whose `load(key)` and `loadMany(keys)` are answered, together with every other
 * lookup of the same event-loop turn, by one call of `find` (the value, or undefined if absent).
 *
 * @example const devices = perTickLoader((digests) => findByDigests(digests));
 *          const device = await devices.load(digest);
 */
export function perTickLoader<K, V>(
  find: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): DataLoader<K, V | undefined> {
  return new DataLoader<K, V | undefined>(
    async (keys) => {
      const found = await find(keys);
      return keys.map((key) => found.get(key));
    },
    {
      cache: false,
      maxBatchSize: MAX_KEYS,
      // setImmediate runs after every I/O callback of this turn: requests that arrived together
      // share the query, where the default (the end of the current job) would batch only one.
      batchScheduleFn: (run) => setImmediate(run),
    },
  );
}
