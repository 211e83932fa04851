// Alerts across server processes on one PostgreSQL (issue 7): the process that raises an alert
// pushes it to its own subscribers through the AlertHub, then sends NOTIFY with the alert's id
// only (a notification is not sealed, stored or access-checked, so it carries no content). Every
// process LISTENs on a connection of its own, reads a notified alert from the database by id and
// pushes it to its subscribers. The embedded SQLite default runs one process and uses the hub
// alone (src/server/passage-features.ts chooses).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Alert, AlertCursor } from '../passage/database/alert.repository.ts';
import type { AlertHub, AlertPublisher } from './alert-hub.ts';

/** The NOTIFY channel of raised alerts. */
export const ALERT_CHANNEL = 'vigil_alert';
/** How long the listener waits before connecting again after losing its connection. */
export const LISTEN_RETRY_MS = 1_000;
// Ids delivered here lately: an own alert comes back by NOTIFY and must not be pushed twice.
const REMEMBERED_IDS = 10_000;
const ALERT_ID = /^[0-9a-f-]{36}$/;

/** What the relay needs. */
export interface PostgresAlertRelayDeps {
  /** The database's URL: the listener opens its own connection (a pooled one cannot LISTEN). */
  url: string;
  db: Kysely<unknown>;
  hub: AlertHub;
  /** Reads a raised alert by id. */
  load(id: string): Promise<Alert | undefined>;
  /** Alerts raised after `cursor`: what the listener may have missed while it reconnected. */
  raisedAfter(cursor: AlertCursor): Promise<Alert[]>;
  logError(error: unknown, what: string): void;
  retryMs?: number;
}

/** Publishes alerts to this process's hub and, through LISTEN/NOTIFY, to every other process's. */
export class PostgresAlertRelay implements AlertPublisher {
  readonly #deps: PostgresAlertRelayDeps;
  readonly #delivered = new Set<string>();
  #client: pg.Client | undefined;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;
  #latest: AlertCursor | undefined;
  // Notified alerts are read and pushed one after the other, so they keep the order raised.
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: PostgresAlertRelayDeps) {
    this.#deps = deps;
  }

  /** Opens the listening connection; rejects if the first one fails (the server must not start). */
  async start(): Promise<void> {
    await this.#listen();
  }

  publish(alert: Alert): void {
    this.#deliver(alert);
    sql`select pg_notify(${ALERT_CHANNEL}, ${alert.id})`
      .execute(this.#deps.db)
      .catch((error: unknown) => {
        this.#deps.logError(error, 'alert notification');
      });
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
    await this.#queue;
  }

  #deliver(alert: Alert): void {
    if (this.#delivered.has(alert.id)) return;
    this.#delivered.add(alert.id);
    if (this.#delivered.size > REMEMBERED_IDS) {
      const oldest = this.#delivered.values().next().value;
      if (oldest !== undefined) this.#delivered.delete(oldest);
    }
    if (this.#latest === undefined || alert.raisedAt >= this.#latest.raisedAt) {
      this.#latest = { raisedAt: alert.raisedAt, id: alert.id };
    }
    this.#deps.hub.publish(alert);
  }

  #enqueue(work: () => Promise<void>): void {
    this.#queue = this.#queue.then(work).catch((error: unknown) => {
      this.#deps.logError(error, 'alert relay');
    });
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#deps.url });
    client.on('notification', (message) => {
      const id = message.payload;
      if (message.channel !== ALERT_CHANNEL || id === undefined || !ALERT_ID.test(id)) return;
      if (this.#delivered.has(id)) return;
      this.#enqueue(async () => {
        const alert = await this.#deps.load(id);
        if (alert !== undefined) this.#deliver(alert);
      });
    });
    client.on('error', (error) => {
      this.#deps.logError(error, 'alert listener');
      this.#lost(client);
    });
    client.on('end', () => {
      this.#lost(client);
    });
    this.#client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${ALERT_CHANNEL}`);
      if (this.#closed) await client.end();
    } catch (error) {
      this.#client = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  // Reconnects until it listens again, then catches up on what was raised meanwhile.
  #lost(client: pg.Client): void {
    if (this.#closed || this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    this.#retry = setTimeout(() => {
      this.#listen().then(
        () => {
          const since = this.#latest;
          if (since === undefined) return;
          this.#enqueue(async () => {
            for (const alert of await this.#deps.raisedAfter(since)) this.#deliver(alert);
          });
        },
        (error: unknown) => {
          this.#deps.logError(error, 'alert listener reconnect');
          if (!this.#closed) this.#scheduleReconnect();
        },
      );
    }, this.#deps.retryMs ?? LISTEN_RETRY_MS);
    this.#retry.unref();
  }
}
