// The log's leadership: a PostgreSQL session-level advisory lock held on one dedicated
// connection. PostgreSQL releases it the moment that connection ends — a clean stop, a crash or
// kill -9 of the process (the kernel closes the socket) — so another server can take over
// within its retry interval. The same connection LISTENs for the log's notifications.
import pg from 'pg';

// Two int4 keys ("vigi", "lead"): pg_locks then shows them as classid/objid with objsubid 2.
const LOCK_KEYS = [0x76_69_67_69, 0x6c_65_61_64] as const;

/** Notification channels and what to do when the connection is lost. */
export interface LeaderLockOptions {
  url: string;
  channels: readonly string[];
  onNotification: (channel: string, payload: string | undefined) => void;
  /** The connection ended: the lock (if held) is gone and notifications stop. */
  onLost: (error: Error) => void;
}

/** One connection that may hold the leadership and hears the log's notifications. */
export class LeaderLock {
  readonly #client: pg.Client;
  #held = false;
  #lost = false;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  /** Connects and starts listening; does not try the lock yet. */
  static async connect(options: LeaderLockOptions): Promise<LeaderLock> {
    const client = new pg.Client({
      connectionString: options.url,
      // Operators find the leader in pg_stat_activity by this name (the pid is the process's).
      application_name: `vigil-log-lock:${String(process.pid)}`,
    });
    const lock = new LeaderLock(client);
    const lose = (error: Error) => {
      if (lock.#lost) return;
      lock.#lost = true;
      lock.#held = false;
      options.onLost(error);
    };
    client.on('error', lose);
    client.on('end', () => {
      lose(new Error('the log leadership connection ended'));
    });
    client.on('notification', (message) => {
      options.onNotification(message.channel, message.payload);
    });
    await client.connect();
    for (const channel of options.channels) await client.query(`LISTEN ${channel}`);
    return lock;
  }

  /** True once this connection holds the lock (until it is lost). */
  get held(): boolean {
    return this.#held;
  }

  /** Tries to take the leadership without waiting; true if this connection holds it now. */
  async tryAcquire(): Promise<boolean> {
    if (this.#lost) return false;
    if (this.#held) return true;
    const { rows } = await this.#client.query<{ acquired: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS acquired',
      [...LOCK_KEYS],
    );
    this.#held = rows[0]?.acquired === true && !this.#lost;
    return this.#held;
  }

  /** The backend pid holding the lock, as the commit fence checks it. */
  async backendPid(): Promise<number> {
    const { rows } = await this.#client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return Number(rows[0]?.pid);
  }

  /** Ends the connection, which releases the lock. */
  async close(): Promise<void> {
    this.#lost = true;
    this.#held = false;
    await this.#client.end().catch(() => undefined);
  }
}

/** This process lost the log's leadership before its batch committed. */
export class NotLeaderError extends Error {
  constructor() {
    super('this server no longer leads the log');
    this.name = 'NotLeaderError';
  }
}

/** The lock keys, for tests and operators looking the leader up in pg_locks. */
export const LEADER_LOCK_KEYS = LOCK_KEYS;
