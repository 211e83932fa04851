// The PostgreSQL relay between server processes, here two relays on one database standing for
// two processes: an alert published on one reaches the other's hub, once on each; the
// notification carries the id only; a listener that loses its connection reconnects and
// catches up on what was raised meanwhile.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createPostgresDatabase } from '../../test/support/databases.ts';
import type { Alert, AlertCursor } from '../passage/database/alert.repository.ts';
import { kyselyForPostgres } from '../store/open-database.ts';
import { AlertHub } from './alert-hub.ts';
import { ALERT_CHANNEL, PostgresAlertRelay } from './alert-relay.pg.ts';

const server = await createPostgresDatabase();
const db = kyselyForPostgres<unknown>(server.url);
/** The "database" the relays read raised alerts from. */
const raised = new Map<string, Alert>();
const relays: PostgresAlertRelay[] = [];
const errors: string[] = [];
after(async () => {
  for (const relay of relays) await relay.close();
  await db.destroy();
  await server.drop();
});

function anAlert(): Alert {
  const alert: Alert = {
    id: randomUUID(),
    type: 'journey_overdue',
    severity: 'warning',
    subjectType: 'journey',
    subjectId: randomUUID(),
    dedupeKey: randomUUID(),
    raisedAt: new Date().toISOString(),
    details: { overdueMinutes: 5 },
    acknowledgedAt: null,
    acknowledgedBy: null,
  };
  raised.set(alert.id, alert);
  return alert;
}

const after_ = (cursor: AlertCursor) =>
  Promise.resolve(
    [...raised.values()]
      .filter((alert) => `${alert.raisedAt}_${alert.id}` > `${cursor.raisedAt}_${cursor.id}`)
      .sort((a, b) => (`${a.raisedAt}_${a.id}` < `${b.raisedAt}_${b.id}` ? -1 : 1)),
  );

/** A relay and what its hub received, with a wait for an alert. */
async function aProcess() {
  const hub = new AlertHub();
  const received: string[] = [];
  const waiters = new Map<string, () => void>();
  hub.subscribe((alert) => {
    received.push(alert.id);
    waiters.get(alert.id)?.();
  });
  const relay = new PostgresAlertRelay({
    url: server.url,
    db,
    hub,
    load: (id) => Promise.resolve(raised.get(id)),
    raisedAfter: after_,
    logError: (_error, what) => errors.push(what),
    retryMs: 50,
  });
  relays.push(relay);
  await relay.start();
  const receives = (id: string) =>
    new Promise<void>((resolve, reject) => {
      if (received.includes(id)) resolve();
      waiters.set(id, resolve);
      setTimeout(() => {
        reject(new Error(`alert ${id} did not arrive`));
      }, 10_000).unref();
    });
  return { relay, received, receives };
}

describe('alert relay over PostgreSQL LISTEN/NOTIFY', () => {
  it('pushes an alert raised in one process to the other, and once to each', async () => {
    const a = await aProcess();
    const b = await aProcess();
    const first = anAlert();
    a.relay.publish(first);
    assert.deepEqual(a.received, [first.id]);
    await b.receives(first.id);
    // B answers with an alert of its own; A gets it after its own notification came back,
    // since one listener gets notifications in the order they were sent.
    const answer = anAlert();
    b.relay.publish(answer);
    await a.receives(answer.id);
    assert.deepEqual(a.received, [first.id, answer.id]);
    assert.deepEqual(b.received, [first.id, answer.id]);
  });

  it('sends the alert id only, never its content', async () => {
    const a = await aProcess();
    const listener = new pg.Client({ connectionString: server.url });
    await listener.connect();
    const payloads: string[] = [];
    const heard = new Promise<void>((resolve) => {
      listener.on('notification', (message) => {
        payloads.push(message.payload ?? '');
        resolve();
      });
    });
    await listener.query(`LISTEN ${ALERT_CHANNEL}`);
    const alert = anAlert();
    a.relay.publish(alert);
    await heard;
    await listener.end();
    assert.deepEqual(payloads, [alert.id]);
  });

  it('reconnects a listener that lost its connection, and catches up on what it missed', async () => {
    const a = await aProcess();
    const b = await aProcess();
    const before = anAlert();
    a.relay.publish(before);
    await b.receives(before.id);
    // Cut every listening connection; what A raises now reaches B only by its catch-up.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and query = ${`LISTEN ${ALERT_CHANNEL}`}`.execute(
      db,
    );
    const missed = anAlert();
    a.relay.publish(missed);
    await b.receives(missed.id);
    const later = anAlert();
    a.relay.publish(later);
    await b.receives(later.id);
    assert.deepEqual(b.received, [before.id, missed.id, later.id]);
    assert.ok(errors.includes('alert listener'), 'the lost connection was reported');
  });
});
