// The hand-over table: how a server that does not lead the log gets its entries sequenced. A
// follower inserts each entry under a random ticket (one durable statement per group) and wakes
// the leader with NOTIFY; the leader takes the waiting rows into its next group commit and, in
// that same transaction, writes where each landed and announces the new checkpoint. A row thus
// says "sequenced at index i" only once the log holding it is durable, and a row nobody has
// sequenced yet survives any crash until the next leader takes it.
import type { Pool } from 'pg';
import type { HandedEntry, StoredCheckpoint } from '../log-store.port.ts';

/** Created with the log's tables (log-store.pg.ts), under the same schema lock. */
export const PENDING_SCHEMA = `
CREATE TABLE IF NOT EXISTS log_pending (
  seq bigserial PRIMARY KEY, ticket uuid NOT NULL UNIQUE, entry bytea NOT NULL,
  idx bigint, size bigint, sequenced_at timestamptz
);
CREATE INDEX IF NOT EXISTS log_pending_waiting ON log_pending (seq) WHERE idx IS NULL;`;

/** Followers → leader: "entries are waiting". The payload is empty. */
export const HANDED_CHANNEL = 'vigil_log_handed';
/** Leader → everyone: a new durable checkpoint, as JSON {size, note}. */
export const CHECKPOINT_CHANNEL = 'vigil_log_checkpoint';

type Row = Record<string, unknown>;

/** Inserts `entries` under their tickets and wakes the leader, in one durable statement. */
export async function handOver(pool: Pool, entries: readonly HandedEntry[]): Promise<void> {
  // count(*) forces the insert to finish first, so pg_notify runs once, after every row.
  await pool.query({
    name: 'log-hand-over',
    text: `WITH put AS (
        INSERT INTO log_pending (ticket, entry) SELECT * FROM unnest($1::uuid[], $2::bytea[])
        RETURNING 1
      ) SELECT pg_notify('${HANDED_CHANNEL}', '') FROM (SELECT count(*) FROM put) AS done`,
    values: [entries.map((e) => e.ticket), entries.map((e) => Buffer.from(e.entry))],
  });
}

/** Up to `max` entries nobody has sequenced yet, oldest first. */
export async function takeWaiting(pool: Pool, max: number): Promise<HandedEntry[]> {
  const { rows } = await pool.query<Row>({
    name: 'log-take-waiting',
    text: 'SELECT ticket, entry FROM log_pending WHERE idx IS NULL ORDER BY seq LIMIT $1',
    values: [max],
  });
  return rows.map((row) => {
    const entry = row['entry'] as Buffer;
    return {
      ticket: String(row['ticket']),
      entry: new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength),
    };
  });
}

/** Where each of `tickets` was sequenced, for those that have been. */
export async function findSequenced(
  pool: Pool,
  tickets: readonly string[],
): Promise<{ ticket: string; index: number; size: number }[]> {
  const { rows } = await pool.query<Row>({
    name: 'log-find-sequenced',
    text: `SELECT ticket, idx, size FROM log_pending
      WHERE ticket = ANY($1::uuid[]) AND idx IS NOT NULL`,
    values: [tickets],
  });
  return rows.map((row) => ({
    ticket: String(row['ticket']),
    index: Number(row['idx']),
    size: Number(row['size']),
  }));
}

/** Deletes rows sequenced long ago: their followers have long been answered (or are gone). */
export async function pruneSequenced(pool: Pool): Promise<void> {
  await pool.query("DELETE FROM log_pending WHERE sequenced_at < now() - interval '10 minutes'");
}

/** Parses a CHECKPOINT_CHANNEL payload; undefined for anything else. */
export function parseAnnouncement(payload: string | undefined): StoredCheckpoint | undefined {
  try {
    const value = JSON.parse(payload ?? '') as Partial<StoredCheckpoint>;
    if (typeof value.size === 'number' && typeof value.note === 'string') {
      return { size: value.size, note: value.note };
    }
  } catch {
    // Not ours: only this module notifies on the channel.
  }
  return undefined;
}
