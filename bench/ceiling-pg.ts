// The PostgreSQL ceiling the passage figures are compared with: rows per second inserted in
// durable 1,000-row transactions of 100-byte rows (multi-row INSERT, synchronous_commit on),
// measured in the same run against the same server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { now } from './stats.ts';

/** Rows per second inserted into PostgreSQL at `url` in transactions of `batch` rows. */
export async function measureInsertRatePg(url: string, batch = 1000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE ceiling_t (id integer PRIMARY KEY, data bytea NOT NULL)');
    const row = Buffer.alloc(100);
    const placeholders = Array.from({ length: batch }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`);
    const text = `INSERT INTO ceiling_t (id, data) VALUES ${placeholders.join(',')}`;
    const total = 200_000;
    const start = now();
    for (let id = 0; id < total;) {
      const values: unknown[] = [];
      for (let i = 0; i < batch; i++, id++) values.push(id, row);
      await client.query('BEGIN');
      await client.query(text, values);
      await client.query('COMMIT');
    }
    const elapsed = now() - start;
    await client.query('DROP TABLE ceiling_t');
    return (total * 1000) / elapsed;
  } finally {
    await client.end();
  }
}

const SERVER = process.env['VIGIL_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one bench run on the local server, and how to drop it. */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vigil_bench_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
