// A @fastify/rate-limit store in the database, so that several `vigil serve` processes on one
// PostgreSQL count one client's requests together and allow, between them, what one process
// would. Each hit is one atomic upsert: a window that has ended starts again at 1, a live one
// counts up, so two processes counting the same key at once never lose a hit. The embedded SQLite
// default keeps the plugin's in-memory store (src/server/open-vigil.ts); this one works on both
// engines and its contract test runs on both.
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** The window a key is in: hits counted so far and milliseconds until the window ends. */
export interface RateLimitWindow {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result?: RateLimitWindow) => void;

/** Ended windows are deleted at most this often per process (they are dead weight only). */
export const SWEEP_INTERVAL_MS = 60_000;

interface WindowRow {
  hits: number;
  window_ends_at_ms: number;
}

/** The counting itself, apart from the plugin's callback interface (tested directly). */
export class RateLimitCounter {
  readonly #db: Kysely<unknown>;
  readonly #now: () => number;
  #lastSweep: number;

  constructor(db: Kysely<unknown>, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
    this.#lastSweep = now();
  }

  /** Counts one hit of `key` in a window of `windowMs`; the window after the hit. */
  async hit(key: string, windowMs: number): Promise<RateLimitWindow> {
    const now = this.#now();
    const ends = now + windowMs;
    const { rows } = await sql<WindowRow>`
      insert into rate_limit_hit (key, hits, window_ends_at_ms) values (${key}, 1, ${ends})
      on conflict (key) do update set
        hits = case when rate_limit_hit.window_ends_at_ms <= ${now} then 1
                    else rate_limit_hit.hits + 1 end,
        window_ends_at_ms = case when rate_limit_hit.window_ends_at_ms <= ${now} then ${ends}
                                 else rate_limit_hit.window_ends_at_ms end
      returning hits, window_ends_at_ms`.execute(this.#db);
    const row = rows[0];
    if (row === undefined) throw new Error('rate limit upsert returned no row');
    await this.#sweepNowAndThen(now);
    return { current: row.hits, ttl: Math.max(0, row.window_ends_at_ms - now) };
  }

  /** The window of `key` without counting a hit: 0 hits when it has none or it ended. */
  async peek(key: string): Promise<RateLimitWindow> {
    const now = this.#now();
    const { rows } = await sql<WindowRow>`
      select hits, window_ends_at_ms from rate_limit_hit
      where key = ${key} and window_ends_at_ms > ${now}`.execute(this.#db);
    const row = rows[0];
    if (row === undefined) return { current: 0, ttl: 0 };
    return { current: row.hits, ttl: row.window_ends_at_ms - now };
  }

  // Without a sweep, every address ever seen would keep a row; one process's sweep serves all.
  async #sweepNowAndThen(now: number): Promise<void> {
    if (now - this.#lastSweep < SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    await sql`delete from rate_limit_hit where window_ends_at_ms <= ${now}`.execute(this.#db);
  }
}

/** The row key of `key` counted by the limiter `scope`: a digest, so no address is stored. */
export function rateLimitRowKey(scope: string, key: string): string {
  return createHash('sha256').update(scope).update('\n').update(key).digest('base64url');
}

// The plugin hands each route's limiter its own child, as its in-memory store keeps one map per
// route; here the route (method and URL) scopes the keys instead. Limiters made with
// createRateLimit have no route; their key generators carry their own prefixes (sign-in:…).
function scopeOf(options: object): string {
  const info = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
  const methods: unknown = info?.method;
  const method = Array.isArray(methods)
    ? methods.join(',')
    : typeof methods === 'string'
      ? methods
      : '';
  const url = typeof info?.url === 'string' ? info.url : '';
  return `${method} ${url}`;
}

// The plugin's stores answer through callbacks.
function settle(window: Promise<RateLimitWindow>, callback: Callback): void {
  window.then(
    (result) => {
      callback(null, result);
    },
    (error: unknown) => {
      callback(error instanceof Error ? error : new Error(String(error)));
    },
  );
}

/**
 * The plugin's `store` option: a store class counting in `db`'s rate_limit_hit table. Only fixed
 * windows; the plugin's continueExceeding and exponentialBackoff options are not honoured (Vigil
 * uses neither).
 */
export function rateLimitStoreIn(db: Kysely<unknown>): FastifyRateLimitStoreCtor {
  const counter = new RateLimitCounter(db);
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #scope: string;

    constructor(options: object) {
      this.#scope = scopeOf(options);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      settle(counter.hit(rateLimitRowKey(this.#scope, key), timeWindow), callback);
    }

    read(key: string, callback: Callback): void {
      settle(counter.peek(rateLimitRowKey(this.#scope, key)), callback);
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  }
  return DatabaseRateLimitStore;
}
