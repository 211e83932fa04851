// The feeds slice's tables (see src/store/schema.ts; built by migrations/0017-feeds.ts).
// A subscriber's e-mail address is people's data (DOMAIN.md §6): it is kept only sealed
// (AES-256-GCM) under the subscriber's own data key, itself wrapped by the keyring, and found
// again only by a keyed blind index. Tokens are random and stored as SHA-256 digests; the
// unsubscribe token is also kept sealed, because every later mail must carry it. No column
// holds an address, a token or a message in clear. Timestamps are ISO-8601 UTC text.

/** subscriber: one e-mail subscription, pending until its address is confirmed. */
export interface SubscriberTable {
  id: string;
  /** Keyring pseudonym of the normalised address: finds a returning address, reveals nothing. */
  email_index: string;
  /** The subscriber's data key, wrapped by the keyring (bound to `id`). */
  key_wrapped: string;
  /** The address sealed under the data key. */
  address_sealed: string;
  state: 'pending' | 'active';
  /** What the subscriber receives once confirmed (null while never confirmed). */
  language: string | null;
  /** JSON array of products. */
  products: string | null;
  /** What the newest request asks for, applied on confirmation. */
  pending_language: string | null;
  pending_products: string | null;
  confirm_sha256: string | null;
  confirm_expires_at: string | null;
  /** When a confirmation mail was last queued (limits mails to one address). */
  last_confirmation_at: string;
  unsubscribe_sha256: string;
  unsubscribe_sealed: string;
  created_at: string;
  confirmed_at: string | null;
}

/** subscription_delivery: one bulletin put in one subscriber's digest (sent once). */
export interface SubscriptionDeliveryTable {
  subscriber_id: string;
  item_id: string;
  outbox_id: string;
  at: string;
}

/** mail_outbox: a mail to send, kept until the SMTP server has taken it. */
export interface MailOutboxTable {
  id: string;
  subscriber_id: string;
  kind: 'confirmation' | 'digest';
  /** The rendered mail, sealed under the subscriber's data key; '' once sent. */
  message_sealed: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  /** 'queued', 'sent', or 'failed' (refused for good by the server). */
  status: 'queued' | 'sent' | 'failed';
  /** The SMTP reply code or error code of the last failure (never the server's text). */
  last_error: string | null;
  sent_at: string | null;
}

/** The tables of this slice. */
export interface FeedsTables {
  subscriber: SubscriberTable;
  subscription_delivery: SubscriptionDeliveryTable;
  mail_outbox: MailOutboxTable;
}
