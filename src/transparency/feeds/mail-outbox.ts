// The durable outbox: a mail is first a row (written in the same transaction as what caused
// it), then sent by `drain`, which claims due rows, sends, and marks them sent — or, when the
// relay is down, tries again later with exponential backoff. A crash between the relay's
// acceptance and the mark re-sends that one mail (at least once); nothing is ever lost.
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Keyring } from '../../people/keyring.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import type { MailOutboxTable } from './feeds.tables.ts';
import type { MailMessage } from './mail-message.ts';
import { MailSendError } from './mail-transport.ts';
import type { MailTransport } from './mail-transport.ts';
import type { SubscriberRepository } from './subscriber.kysely.ts';
import { openFor, openSubscriberKey, sealFor } from './subscriber-keys.ts';

/** First retry delay; doubles per attempt up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 30_000;
/** Longest retry delay. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;
/** How long a claimed row is left to its sender before another may take it. */
export const CLAIM_MS = 5 * 60_000;
/** Mails one drain sends at most. */
export const DRAIN_BATCH = 100;

/** Queues `message` for subscriber `subscriberId`, sealed under its data key. Returns its id. */
export async function queueMail(
  repository: SubscriberRepository,
  mail: {
    subscriberId: string;
    key: KeyObject;
    kind: MailOutboxTable['kind'];
    message: MailMessage;
    now: Date;
  },
): Promise<string> {
  const id = newRecordId(mail.now.getTime());
  await repository.enqueue({
    id,
    subscriber_id: mail.subscriberId,
    kind: mail.kind,
    message_sealed: sealFor(
      mail.key,
      mail.subscriberId,
      `outbox/${id}`,
      JSON.stringify(mail.message),
    ),
    created_at: mail.now.toISOString(),
    attempts: 0,
    next_attempt_at: mail.now.toISOString(),
    status: 'queued',
    last_error: null,
    sent_at: null,
  });
  return id;
}

/** The delay before attempt `attempts + 1`. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(attempts, 20));
}

/** What a drain did. */
export interface DrainResult {
  sent: number;
  failed: number;
}

/** What the outbox sender uses. */
export interface MailOutboxDeps {
  db: Kysely<Database>;
  keyring: Keyring;
  transport: MailTransport;
  from: string;
  now: () => Date;
}

/** Sends what the outbox holds. */
export class MailOutbox {
  readonly #deps: MailOutboxDeps;

  constructor(deps: MailOutboxDeps) {
    this.#deps = deps;
  }

  /** Sends every due mail (up to DRAIN_BATCH); failures are rescheduled, never dropped. */
  async drain(): Promise<DrainResult> {
    const { db } = this.#deps;
    const due = await db
      .selectFrom('mail_outbox')
      .select(['id', 'subscriber_id', 'attempts', 'next_attempt_at'])
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', this.#deps.now().toISOString())
      .orderBy('next_attempt_at')
      .limit(DRAIN_BATCH)
      .execute();
    const result: DrainResult = { sent: 0, failed: 0 };
    for (const row of due) {
      if (!(await this.#claim(row.id, row.next_attempt_at))) continue;
      if (await this.#sendOne(row.id, row.subscriber_id, row.attempts)) result.sent += 1;
      else result.failed += 1;
    }
    return result;
  }

  // Several servers may drain one PostgreSQL database: moving next_attempt_at forward only if
  // it is still what was read makes exactly one of them the sender of a row.
  async #claim(id: string, seen: string): Promise<boolean> {
    const until = new Date(this.#deps.now().getTime() + CLAIM_MS).toISOString();
    const claimed = await this.#deps.db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: until })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '=', seen)
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1;
  }

  async #sendOne(id: string, subscriberId: string, attempts: number): Promise<boolean> {
    const { db, keyring } = this.#deps;
    const row = await db
      .selectFrom('mail_outbox')
      .innerJoin('subscriber', 'subscriber.id', 'mail_outbox.subscriber_id')
      .select(['mail_outbox.message_sealed', 'subscriber.key_wrapped', 'subscriber.address_sealed'])
      .where('mail_outbox.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) {
      // The subscriber left meanwhile: nothing may be sent to them any more.
      await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
      return false;
    }
    const key = openSubscriberKey(keyring, subscriberId, row.key_wrapped);
    const message = JSON.parse(
      openFor(key, subscriberId, `outbox/${id}`, row.message_sealed),
    ) as MailMessage;
    const to = openFor(key, subscriberId, 'address', row.address_sealed);
    try {
      await this.#deps.transport.send({ ...message, from: this.#deps.from, to });
    } catch (error) {
      if (!(error instanceof MailSendError)) throw error;
      await this.#reschedule(id, attempts, error);
      return false;
    }
    // The sealed copy goes: a sent mail's link tokens need not be kept twice.
    await db
      .updateTable('mail_outbox')
      .set({
        status: 'sent',
        sent_at: this.#deps.now().toISOString(),
        message_sealed: '',
        last_error: null,
      })
      .where('id', '=', id)
      .execute();
    return true;
  }

  async #reschedule(id: string, attempts: number, error: MailSendError): Promise<void> {
    const next = new Date(this.#deps.now().getTime() + backoffMs(attempts)).toISOString();
    await this.#deps.db
      .updateTable('mail_outbox')
      .set({
        attempts: attempts + 1,
        next_attempt_at: next,
        last_error: error.reason,
        ...(error.isPermanent ? { status: 'failed' as const, message_sealed: '' } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}
