// PostgreSQL adapter of the log store, for deployments that keep everything in one PostgreSQL
// database (VIGIL_DATABASE_URL) and may run several server processes on it. Raw `pg` rather than
// Kysely: the write path is the hottest in the system and its guard is engine-specific SQL.
// The tables carry a `log_` prefix the application migrations never use, and the log has its
// own pool, so an application transaction can never hold a lock the sequencer waits on.
import pg from 'pg';
import type { PoolClient } from 'pg';
import { NotLeaderError } from './leadership/leader-lock.pg.ts';
import { PENDING_SCHEMA } from './leadership/log-pending.pg.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import type { LogBatchWrite, LogStore, StoredCheckpoint, StoredTile } from './log-store.port.ts';

// Two processes opening a new database at once would race on CREATE TABLE IF NOT EXISTS (it
// can fail on the catalogue's unique index), so the DDL runs under a fixed advisory lock.
// Tiles and bundles are stored uncompressed (STORAGE EXTERNAL): every group commit rewrites the
// partial bundle (up to 256 entries) and tile, and PostgreSQL's default compressed every version
// again — hashes do not compress at all. A log created before this setting gets it on open.
const SCHEMA_LOCK = 0x76_69_67_69_6c_6c_6f_67n; // "vigillog"
const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_tile (
  level smallint NOT NULL, idx bigint NOT NULL, data bytea NOT NULL, inner_hashes bytea,
  PRIMARY KEY (level, idx)
);
CREATE TABLE IF NOT EXISTS log_bundle (idx bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE IF NOT EXISTS log_checkpoint (
  size bigint PRIMARY KEY, note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()
);
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'log_bundle'::regclass
      AND attname = 'data' AND attstorage <> 'e') THEN
    ALTER TABLE log_bundle ALTER COLUMN data SET STORAGE EXTERNAL;
    ALTER TABLE log_tile ALTER COLUMN data SET STORAGE EXTERNAL,
      ALTER COLUMN inner_hashes SET STORAGE EXTERNAL;
  END IF;
END $$;`;

// Named statements are parsed once per pooled connection.
const LATEST = {
  name: 'log-latest',
  text: 'SELECT size, note FROM log_checkpoint ORDER BY size DESC LIMIT 1',
};
const AT = 'SELECT size, note FROM log_checkpoint WHERE size = $1';
const TILE = 'SELECT data, inner_hashes FROM log_tile WHERE level = $1 AND idx = $2';
const BUNDLE = 'SELECT data FROM log_bundle WHERE idx = $1';

// One call of log_commit writes a whole group commit: it takes the head lock, checks that the
// checkpoint extends the stored one, guards and upserts tiles and bundles, stores the checkpoint
// and, for a leader (shared-log.pg.ts), records where handed-over entries landed and checks it
// still holds the leadership. As one statement outside any transaction block it is its own
// durable transaction: one round trip, where BEGIN, a statement per step and COMMIT took eight —
// each a wake-up of the server and of this process, paid once per group commit.
//
// The head lock: EXCLUSIVE mode conflicts with itself and with every write to the table, but not
// with plain reads. Concurrent commits (another process on this database) queue there, and the
// size check then reads the latest committed head (a VOLATILE function takes a fresh snapshot
// per statement under READ COMMITTED). A lock on the checkpoint table itself rather than an
// advisory key: no second copy of the head, no key shared with unrelated code.
//
// `clash` finds stored rows that neither are a prefix of the new data nor have it as a prefix: a
// writer whose right edge is stale (a second process) would rewrite leaves another writer already
// committed, so its checkpoint — though larger — would not extend the stored tree. The upsert
// keeps the widest version: a narrower write that is a prefix of the stored one is a no-op, and
// the inner hashes of a full tile stay once stored. Tile and bundle data travel as one bytea each
// (sent in binary) with offsets and lengths: a bytea[] would travel as hex text, and parsing it
// made a 4,096-entry commit take 1.7 times as long.
// The SQLSTATEs log_commit raises (class VL: Vigil's log, outside PostgreSQL's own classes).
const CONFLICT_STATE = 'VL001';
const NOT_LEADER_STATE = 'VL002';

const COMMIT_FUNCTION = `
CREATE OR REPLACE FUNCTION log_commit(
  p_size bigint, p_note text,
  t_level smallint[], t_idx bigint[], t_off int[], t_len int[], t_data bytea,
  t_inner_off int[], t_inner_len int[], t_inner bytea,
  b_idx bigint[], b_off int[], b_len int[], b_data bytea,
  h_ticket uuid[], h_idx bigint[],
  f_pid int, f_keys int[], f_channel text, f_payload text
) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  stored bigint;
  clashes bigint;
  placed bigint;
BEGIN
  LOCK TABLE log_checkpoint IN EXCLUSIVE MODE;
  SELECT size INTO stored FROM log_checkpoint ORDER BY size DESC LIMIT 1;
  IF stored >= p_size THEN
    RAISE EXCEPTION 'checkpoint % does not extend stored size %', p_size, stored
      USING ERRCODE = '${CONFLICT_STATE}';
  END IF;
  WITH w AS (
    SELECT level, idx, substring(t_data FROM off + 1 FOR len) AS data,
      CASE WHEN ilen < 0 THEN NULL ELSE substring(t_inner FROM ioff + 1 FOR ilen) END AS inner_hashes
    FROM unnest(t_level, t_idx, t_off, t_len, t_inner_off, t_inner_len)
      AS u (level, idx, off, len, ioff, ilen)
  ), clash AS (
    SELECT FROM log_tile s JOIN w USING (level, idx)
    WHERE substring(s.data FROM 1 FOR octet_length(w.data))
      <> substring(w.data FROM 1 FOR octet_length(s.data))
  ), put AS (
    INSERT INTO log_tile AS s (level, idx, data, inner_hashes)
    SELECT level, idx, data, inner_hashes FROM w WHERE NOT EXISTS (SELECT FROM clash)
    ON CONFLICT (level, idx) DO UPDATE
      SET data = excluded.data, inner_hashes = coalesce(excluded.inner_hashes, s.inner_hashes)
      WHERE octet_length(excluded.data) >= octet_length(s.data)
  )
  SELECT count(*) INTO clashes FROM clash;
  IF clashes > 0 THEN
    RAISE EXCEPTION 'stored tiles differ from the batch: it does not extend them'
      USING ERRCODE = '${CONFLICT_STATE}';
  END IF;
  WITH w AS (
    SELECT idx, substring(b_data FROM off + 1 FOR len) AS data
    FROM unnest(b_idx, b_off, b_len) AS u (idx, off, len)
  ), clash AS (
    SELECT FROM log_bundle s JOIN w USING (idx)
    WHERE substring(s.data FROM 1 FOR octet_length(w.data))
      <> substring(w.data FROM 1 FOR octet_length(s.data))
  ), put AS (
    INSERT INTO log_bundle AS s (idx, data)
    SELECT idx, data FROM w WHERE NOT EXISTS (SELECT FROM clash)
    ON CONFLICT (idx) DO UPDATE SET data = excluded.data
      WHERE octet_length(excluded.data) >= octet_length(s.data)
  )
  SELECT count(*) INTO clashes FROM clash;
  IF clashes > 0 THEN
    RAISE EXCEPTION 'stored bundles differ from the batch: it does not extend them'
      USING ERRCODE = '${CONFLICT_STATE}';
  END IF;
  INSERT INTO log_checkpoint (size, note) VALUES (p_size, p_note);
  IF cardinality(h_ticket) > 0 THEN
    UPDATE log_pending AS p SET idx = w.idx, size = p_size, sequenced_at = now()
    FROM unnest(h_ticket, h_idx) AS w (ticket, idx)
    WHERE p.ticket = w.ticket AND p.idx IS NULL;
    GET DIAGNOSTICS placed = ROW_COUNT;
    -- Only the leader writes positions, under the fence: a row already placed means a bug.
    IF placed <> cardinality(h_ticket) THEN
      RAISE EXCEPTION 'a handed-over entry was already sequenced';
    END IF;
  END IF;
  IF f_pid IS NOT NULL THEN
    IF NOT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND classid = f_keys[1]::oid
        AND objid = f_keys[2]::oid AND objsubid = 2 AND pid = f_pid AND granted) THEN
      RAISE EXCEPTION 'this server no longer leads the log' USING ERRCODE = '${NOT_LEADER_STATE}';
    END IF;
    -- Delivered to every listener only if this transaction commits.
    PERFORM pg_notify(f_channel, f_payload);
  END IF;
END
$fn$;`;

const COMMIT = {
  name: 'log-commit',
  text: `SELECT log_commit(${Array.from({ length: 20 }, (_, i) => `$${i + 1}`).join(', ')})`,
};

/**
 * A leader's fence: the commit fails unless the session with backend `pid` holds the advisory
 * lock `keys` (so a leader that lost its lock cannot sequence any more), and announces
 * `payload` on `channel` once durable.
 */
export interface CommitFence {
  pid: number;
  keys: readonly [number, number];
  channel: string;
  payload: string;
}

/** The rows' data as one buffer, with each row's offset and length in it (-1: no data). */
function packed(parts: readonly (Uint8Array | undefined)[]) {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (const part of parts) {
    offsets.push(at);
    lengths.push(part === undefined ? -1 : part.length);
    at += part?.length ?? 0;
  }
  const present = parts.filter((part) => part !== undefined);
  return { offsets, lengths, data: Buffer.concat(present) };
}

type Row = Record<string, unknown>;

// pg returns bytea as a Buffer; callers (and deepEqual) expect a plain Uint8Array view.
function toBytes(value: unknown): Uint8Array | undefined {
  if (!(value instanceof Uint8Array)) return undefined;
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function toCheckpoint(row: Row | undefined): StoredCheckpoint | undefined {
  if (row === undefined) return undefined;
  // bigint arrives as a string unless a process-wide int8 parser is set; Number covers both.
  return { size: Number(row['size']), note: String(row['note']) };
}

// ON CONFLICT DO UPDATE may not touch one row twice in a statement: keep the widest write.
function widestByKey<T extends { data: Uint8Array }>(writes: readonly T[], key: (w: T) => string) {
  const widest = new Map<string, T>();
  for (const write of writes) {
    const seen = widest.get(key(write));
    if (seen === undefined || seen.data.length <= write.data.length) widest.set(key(write), write);
  }
  return [...widest.values()];
}

/** log_commit's parameters for `batch`, in order. */
function commitValues(batch: LogBatchWrite, fence: CommitFence | undefined): unknown[] {
  const tiles = widestByKey(batch.tiles, (t) => `${t.level}/${t.index}`);
  const bundles = widestByKey(batch.bundles, (b) => String(b.index));
  const tileData = packed(tiles.map((t) => t.data));
  const inner = packed(tiles.map((t) => t.inner));
  const bundleData = packed(bundles.map((b) => b.data));
  const handed = batch.handed ?? [];
  return [
    batch.checkpoint.size,
    batch.checkpoint.note,
    tiles.map((t) => t.level),
    tiles.map((t) => t.index),
    tileData.offsets,
    tileData.lengths,
    tileData.data,
    inner.offsets,
    inner.lengths,
    inner.data,
    bundles.map((b) => b.index),
    bundleData.offsets,
    bundleData.lengths,
    bundleData.data,
    handed.map((h) => h.ticket),
    handed.map((h) => h.index),
    fence?.pid ?? null,
    fence === undefined ? null : [...fence.keys],
    fence?.channel ?? null,
    fence?.payload ?? null,
  ];
}

/** The log store in the PostgreSQL database at a postgres:// URL (tables created on open). */
export class PgLogStore implements LogStore {
  readonly #pool: pg.Pool;
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects to `url`, creates the log tables if absent and checks commits are durable. */
  static async open(url: string): Promise<PgLogStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'vigil-log' });
    // An idle pooled connection that dies (server restart) emits 'error' on the pool; the pool
    // drops it and the next query reconnects. Without a listener the event would kill the process.
    pool.on('error', () => undefined);
    const store = new PgLogStore(pool);
    try {
      await store.#checkDurable();
      await store.#transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK.toString()]);
        await client.query(SCHEMA + PENDING_SCHEMA + COMMIT_FUNCTION);
      });
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  // commitBatch resolves after COMMIT returns; with synchronous_commit=on (PostgreSQL's
  // default) and fsync=on that means the commit's WAL record is flushed to disk, so an
  // acknowledged entry survives a crash. A server or role configured otherwise would silently
  // break that promise, so such a database is refused rather than used.
  async #checkDurable(): Promise<void> {
    const { rows } = await this.#pool.query<Row>(
      "SELECT current_setting('synchronous_commit') AS sync, current_setting('fsync') AS fsync",
    );
    const settings = rows[0] ?? {};
    if (settings['sync'] === 'off' || settings['fsync'] !== 'on') {
      throw new Error(
        `the log needs durable commits: synchronous_commit=${String(settings['sync'])}, fsync=${String(settings['fsync'])}`,
      );
    }
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    return toCheckpoint((await this.#pool.query<Row>(LATEST)).rows[0]);
  }

  async checkpointAt(size: number): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.#pool.query<Row>({ name: 'log-at', text: AT, values: [size] });
    return toCheckpoint(rows[0]);
  }

  async readTile(level: number, index: number): Promise<Uint8Array | undefined> {
    return (await this.readTileWithInner(level, index))?.data;
  }

  async readTileWithInner(level: number, index: number): Promise<StoredTile | undefined> {
    const query = { name: 'log-tile', text: TILE, values: [level, index] };
    const row = (await this.#pool.query<Row>(query)).rows[0];
    const data = toBytes(row?.['data']);
    return data === undefined ? undefined : { data, inner: toBytes(row?.['inner_hashes']) };
  }

  async readBundle(index: number): Promise<Uint8Array | undefined> {
    const query = { name: 'log-bundle', text: BUNDLE, values: [index] };
    return toBytes((await this.#pool.query<Row>(query)).rows[0]?.['data']);
  }

  /**
   * Writes `batch` durably in one statement; with a `fence`, only while that leader holds the
   * lock (NotLeaderError otherwise). LogStoreConflictError if it does not extend the stored log.
   */
  async commitBatch(batch: LogBatchWrite, fence?: CommitFence): Promise<void> {
    if ((batch.handed?.length ?? 0) > 0 && fence === undefined) {
      throw new Error('handed-over entries are committed by the leader, under its fence');
    }
    try {
      await this.#pool.query({ ...COMMIT, values: commitValues(batch, fence) });
    } catch (error) {
      const state = (error as { code?: unknown }).code;
      if (state === CONFLICT_STATE) throw new LogStoreConflictError((error as Error).message);
      if (state === NOT_LEADER_STATE) throw new NotLeaderError();
      throw error;
    }
  }

  async #transaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      // A connection that cannot even roll back is destroyed instead of returned to the pool.
      broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: unknown) =>
          rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)),
      );
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
