// PostgreSQL adapter of the log store, for deployments that keep everything in one PostgreSQL
// database (VIGIL_DATABASE_URL) and may run several server processes on it. Raw `pg` rather than
// Kysely: the write path is the hottest in the system and its guard is engine-specific SQL.
// The tables carry a `log_` prefix the application migrations never use, and the log has its
// own pool, so an application transaction can never hold a lock the sequencer waits on.
import pg from 'pg';
import type { PoolClient, QueryConfig } from 'pg';
import { PENDING_SCHEMA } from './leadership/log-pending.pg.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import type {
  BundleWrite,
  LogBatchWrite,
  LogStore,
  StoredCheckpoint,
  StoredTile,
  TileWrite,
} from './log-store.port.ts';

// Two processes opening a new database at once would race on CREATE TABLE IF NOT EXISTS (it
// can fail on the catalogue's unique index), so the DDL runs under a fixed advisory lock.
const SCHEMA_LOCK = 0x76_69_67_69_6c_6c_6f_67n; // "vigillog"
const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_tile (
  level smallint NOT NULL, idx bigint NOT NULL, data bytea NOT NULL, inner_hashes bytea,
  PRIMARY KEY (level, idx)
);
CREATE TABLE IF NOT EXISTS log_bundle (idx bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE IF NOT EXISTS log_checkpoint (
  size bigint PRIMARY KEY, note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()
);`;

// Named statements are parsed once per pooled connection.
const LATEST = {
  name: 'log-latest',
  text: 'SELECT size, note FROM log_checkpoint ORDER BY size DESC LIMIT 1',
};
const AT = 'SELECT size, note FROM log_checkpoint WHERE size = $1';
const TILE = 'SELECT data, inner_hashes FROM log_tile WHERE level = $1 AND idx = $2';
const BUNDLE = 'SELECT data FROM log_bundle WHERE idx = $1';
const PUT_CHECKPOINT = 'INSERT INTO log_checkpoint (size, note) VALUES ($1, $2)';

// One statement per table writes a chunk and guards it. `clash` finds stored rows that neither
// are a prefix of the new data nor have it as a prefix: a writer whose right edge is stale (a
// second process) would rewrite leaves another writer already committed, so its checkpoint —
// though larger — would not extend the stored tree. Nothing is written if any row clashes. The
// upsert keeps the widest version: a narrower write that is a prefix of the stored one is a
// no-op, and the inner hashes of a full tile stay once stored. All CTEs see one snapshot, so
// `clash` reads the rows as they were before `put`. The rows come as a VALUES list of separate
// parameters, which pg sends in binary: a bytea array would travel as hex text, and parsing it
// made a 4,096-entry commit take 1.7 times as long.
const putTilesSql = (rows: string) => `
WITH w (level, idx, data, inner_hashes) AS (VALUES ${rows}),
clash AS (
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
SELECT count(*) AS clashes FROM clash`;
const putBundlesSql = (rows: string) => `
WITH w (idx, data) AS (VALUES ${rows}),
clash AS (
  SELECT FROM log_bundle s JOIN w USING (idx)
  WHERE substring(s.data FROM 1 FOR octet_length(w.data))
    <> substring(w.data FROM 1 FOR octet_length(s.data))
), put AS (
  INSERT INTO log_bundle AS s (idx, data)
  SELECT idx, data FROM w WHERE NOT EXISTS (SELECT FROM clash)
  ON CONFLICT (idx) DO UPDATE SET data = excluded.data
    WHERE octet_length(excluded.data) >= octet_length(s.data)
)
SELECT count(*) AS clashes FROM clash`;

/** Most rows one upsert statement carries (4 parameters a row, far below the 65,535 limit). */
const CHUNK_ROWS = 500;

// `($1::smallint, $2::bigint), ($3::smallint, $4::bigint)` for two rows of those casts.
function valuesList(casts: readonly string[], rows: number): string {
  const row = (r: number) => casts.map((cast, c) => `$${r * casts.length + c + 1}::${cast}`);
  return Array.from({ length: rows }, (_, r) => `(${row(r).join(', ')})`).join(', ');
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

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_ROWS) {
    out.push(items.slice(start, start + CHUNK_ROWS));
  }
  return out;
}

async function putGuarded(client: PoolClient, query: QueryConfig, what: string): Promise<void> {
  const { rows } = await client.query<Row>(query);
  if (Number(rows[0]?.['clashes']) > 0) {
    throw new LogStoreConflictError(
      `stored ${what} differ from the batch: it does not extend them`,
    );
  }
}

async function putTiles(client: PoolClient, tiles: readonly TileWrite[]): Promise<void> {
  for (const chunk of chunks(widestByKey(tiles, (t) => `${t.level}/${t.index}`))) {
    const text = putTilesSql(valuesList(['smallint', 'bigint', 'bytea', 'bytea'], chunk.length));
    const values = chunk.flatMap((t) => [t.level, t.index, t.data, t.inner ?? null]);
    await putGuarded(client, { text, values }, 'tiles');
  }
}

async function putBundles(client: PoolClient, bundles: readonly BundleWrite[]): Promise<void> {
  for (const chunk of chunks(widestByKey(bundles, (b) => String(b.index)))) {
    const text = putBundlesSql(valuesList(['bigint', 'bytea'], chunk.length));
    const values = chunk.flatMap((b) => [b.index, b.data]);
    await putGuarded(client, { text, values }, 'bundles');
  }
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
        await client.query(SCHEMA + PENDING_SCHEMA);
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

  async commitBatch(batch: LogBatchWrite): Promise<void> {
    if ((batch.handed?.length ?? 0) > 0) {
      throw new Error('handed-over entries are committed by the leader (commitBatchWith)');
    }
    await this.commitBatchWith(batch, () => Promise.resolve());
  }

  /** commitBatch, with `also` run last inside the same transaction (the leader's bookkeeping). */
  async commitBatchWith(
    batch: LogBatchWrite,
    also: (client: PoolClient) => Promise<void>,
  ): Promise<void> {
    const { size, note } = batch.checkpoint;
    await this.#transaction(async (client) => {
      // The head lock: EXCLUSIVE mode conflicts with itself and with every write to the table,
      // but not with plain reads. Concurrent commits (another process on this database) queue
      // here, and the size check below then reads the latest committed head (READ COMMITTED
      // takes a fresh snapshot per statement). A lock on the checkpoint table itself rather than
      // an advisory key: no second copy of the head, no key shared with unrelated code.
      await client.query('LOCK TABLE log_checkpoint IN EXCLUSIVE MODE');
      const latest = toCheckpoint((await client.query<Row>(LATEST)).rows[0]);
      if (latest !== undefined && latest.size >= size) {
        throw new LogStoreConflictError(
          `checkpoint ${size} does not extend stored size ${latest.size}`,
        );
      }
      await putTiles(client, batch.tiles);
      await putBundles(client, batch.bundles);
      await client.query({
        name: 'log-put-checkpoint',
        text: PUT_CHECKPOINT,
        values: [size, note],
      });
      await also(client);
    });
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
