// Subscriptions with double opt-in. Every request answers the same whether or not the address
// is known (no enumeration); what it does differs only inside: a new address gets a pending
// subscriber, a known one a new pending choice; either way a confirmation mail is queued
// (at most one per address per CONFIRMATION_SPACING_MS, so the endpoint cannot flood an inbox).
// Confirming applies the choice; unsubscribing deletes the subscriber and all kept for it.
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { secretDigest } from '../../auth/secret-token.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Keyring } from '../../people/keyring.ts';
import { isUniqueViolation } from '../../passage/registry/unique-violation.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import type { SubscriberTable } from './feeds.tables.ts';
import type { FeedsConfig } from './feeds-config.ts';
import { CONFIRMATION_HOURS, confirmationMail } from './mail-message.ts';
import { queueMail } from './mail-outbox.ts';
import type { FeedLanguage, FeedProduct } from './published-item.port.ts';
import { FEED_LANGUAGES } from './published-item.port.ts';
import { SubscriberRepository } from './subscriber.kysely.ts';
import {
  emailIndex,
  isLinkToken,
  newLinkToken,
  newSubscriberKey,
  openFor,
  openSubscriberKey,
  sealFor,
} from './subscriber-keys.ts';

/** Shortest time between two confirmation mails to one address. */
export const CONFIRMATION_SPACING_MS = 10 * 60_000;

const EMAIL_INDEX = { name: 'subscriber_email_index_unique', column: 'subscriber.email_index' };

/** A subscriber's id with what its mails need. */
interface KeyedSubscriber {
  id: string;
  key: KeyObject;
  unsubscribeToken: string;
}

/** A subscription request (validated at the edge). */
export interface SubscriptionRequest {
  email: string;
  language: FeedLanguage;
  products: readonly FeedProduct[];
}

/** What the service uses. */
export interface SubscriptionDeps {
  db: Kysely<Database>;
  keyring: Keyring;
  config: FeedsConfig;
  now: () => Date;
}

/** The language a subscriber's pages are shown in. */
export function languageOf(value: string | null): FeedLanguage {
  return FEED_LANGUAGES.find((language) => language === value) ?? 'en';
}

/** Subscribe, confirm, unsubscribe. */
export class SubscriptionService {
  readonly #deps: SubscriptionDeps;

  constructor(deps: SubscriptionDeps) {
    this.#deps = deps;
  }

  /** Records the request and queues a confirmation mail; the same outcome for any address. */
  async subscribe(request: SubscriptionRequest): Promise<void> {
    const index = emailIndex(this.#deps.keyring, request.email);
    const now = this.#deps.now();
    try {
      await this.#deps.db.transaction().execute(async (trx) => {
        const repository = new SubscriberRepository(trx);
        const known = await repository.byEmailIndex(index);
        const last = known === undefined ? 0 : Date.parse(known.last_confirmation_at);
        if (now.getTime() - last < CONFIRMATION_SPACING_MS) return;
        const confirmToken = newLinkToken();
        const pending = {
          pending_language: request.language,
          pending_products: JSON.stringify([...new Set(request.products)].sort()),
          confirm_sha256: secretDigest(confirmToken),
          confirm_expires_at: new Date(
            now.getTime() + CONFIRMATION_HOURS * 3_600_000,
          ).toISOString(),
          last_confirmation_at: now.toISOString(),
        };
        const subscriber =
          known === undefined
            ? await this.#insert(repository, { index, email: request.email, now, pending })
            : await this.#repeat(repository, known, pending);
        const message = confirmationMail(this.#deps.config, {
          ...request,
          confirmToken,
          unsubscribeToken: subscriber.unsubscribeToken,
        });
        const { id, key } = subscriber;
        await queueMail(repository, { subscriberId: id, key, kind: 'confirmation', message, now });
      });
    } catch (error) {
      // The same new address in two requests at once: the other one queued the mail.
      if (!isUniqueViolation(error, EMAIL_INDEX)) throw error;
    }
  }

  async #insert(
    repository: SubscriberRepository,
    fields: { index: string; email: string; now: Date; pending: Partial<SubscriberTable> },
  ): Promise<KeyedSubscriber> {
    const id = newRecordId(fields.now.getTime());
    const unsubscribeToken = newLinkToken();
    const { key, wrapped } = newSubscriberKey(this.#deps.keyring, id);
    await repository.insert({
      id,
      email_index: fields.index,
      key_wrapped: wrapped,
      address_sealed: sealFor(key, id, 'address', fields.email.trim()),
      state: 'pending',
      language: null,
      products: null,
      pending_language: null,
      pending_products: null,
      confirm_sha256: null,
      confirm_expires_at: null,
      last_confirmation_at: fields.now.toISOString(),
      ...fields.pending,
      unsubscribe_sha256: secretDigest(unsubscribeToken),
      unsubscribe_sealed: sealFor(key, id, 'unsubscribe', unsubscribeToken),
      created_at: fields.now.toISOString(),
      confirmed_at: null,
    });
    return { id, key, unsubscribeToken };
  }

  // A known address (pending or confirmed): a new choice waits for its own confirmation, so no
  // one can change another person's subscription without their mailbox.
  async #repeat(
    repository: SubscriberRepository,
    known: SubscriberTable,
    pending: Partial<SubscriberTable>,
  ): Promise<KeyedSubscriber> {
    const key = openSubscriberKey(this.#deps.keyring, known.id, known.key_wrapped);
    const unsubscribeToken = openFor(key, known.id, 'unsubscribe', known.unsubscribe_sealed);
    await repository.update(known.id, pending);
    return { id: known.id, key, unsubscribeToken };
  }

  /** Applies the pending choice of the token's subscriber; its language. not_found if invalid. */
  async confirm(token: string): Promise<FeedLanguage> {
    const now = this.#deps.now().toISOString();
    return this.#deps.db.transaction().execute(async (trx) => {
      const repository = new SubscriberRepository(trx);
      const row = isLinkToken(token)
        ? await repository.byConfirmDigest(secretDigest(token))
        : undefined;
      if (row === undefined || row.confirm_expires_at === null || row.confirm_expires_at < now) {
        throw new DomainError('not_found', 'no such confirmation link, or it expired');
      }
      await repository.update(row.id, {
        state: 'active',
        language: row.pending_language,
        products: row.pending_products,
        pending_language: null,
        pending_products: null,
        confirm_sha256: null,
        confirm_expires_at: null,
        // Digests cover bulletins published after the first confirmation, not the archive.
        confirmed_at: row.confirmed_at ?? now,
      });
      return languageOf(row.pending_language);
    });
  }

  /** Deletes the token's subscriber; an unknown token is answered the same (idempotent). */
  async unsubscribe(token: string): Promise<FeedLanguage> {
    return this.#deps.db.transaction().execute(async (trx) => {
      const repository = new SubscriberRepository(trx);
      const row = isLinkToken(token)
        ? await repository.byUnsubscribeDigest(secretDigest(token))
        : undefined;
      if (row === undefined) return 'en';
      await repository.delete(row.id);
      return languageOf(row.language ?? row.pending_language);
    });
  }

  /** The language to show a link's page in (the subscriber's, else English). */
  async pageLanguage(kind: 'confirm' | 'unsubscribe', token: string): Promise<FeedLanguage> {
    if (!isLinkToken(token)) return 'en';
    const repository = new SubscriberRepository(this.#deps.db);
    const digest = secretDigest(token);
    const row =
      kind === 'confirm'
        ? await repository.byConfirmDigest(digest)
        : await repository.byUnsubscribeDigest(digest);
    return languageOf(row?.pending_language ?? row?.language ?? null);
  }

  /** Deletes never-confirmed subscribers whose link expired: their address is not kept. */
  async deleteExpiredPending(): Promise<number> {
    const repository = new SubscriberRepository(this.#deps.db);
    const ids = await repository.expiredPending(this.#deps.now().toISOString());
    for (const id of ids) {
      await this.#deps.db.transaction().execute((trx) => new SubscriberRepository(trx).delete(id));
    }
    return ids.length;
  }
}
