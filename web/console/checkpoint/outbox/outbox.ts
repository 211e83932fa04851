// The outbox: every capture is kept on the device, signed, before anything is sent, and leaves it
// only when the server has answered for it — applied, or already applied (a resent batch: the
// server dedupes by the capture's id), or refused for a stated reason, which the monitor then sees.
// The store is a port, so the draining rule is tested without a browser (outbox.test.ts); the
// console's store is IndexedDB (device-store.ts).
import type { SyncItem } from '../capture/signed-capture.ts';

/** Why the server refused one capture (its catalogued code). */
export interface Rejection {
  readonly code: string;
  readonly message: string;
}

/** A capture in the outbox: waiting, or refused by the server. */
export interface OutboxEntry {
  readonly item: SyncItem;
  readonly rejection?: Rejection;
}

/** Where the outbox lives. */
export interface OutboxStore {
  /** Every entry, oldest capture first. */
  list(): Promise<OutboxEntry[]>;
  add(item: SyncItem): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  reject(id: string, rejection: Rejection): Promise<void>;
  /** Makes a refused capture wait again (the monitor asks to send it once more). */
  requeue(id: string): Promise<void>;
}

/** The server's answer for one item (src/sync/sync.service.ts). */
export type SyncAnswer =
  | { readonly id: string; readonly status: 'applied' | 'duplicate'; readonly logIndex: number }
  | {
      readonly id: string;
      readonly status: 'rejected';
      readonly code: string;
      readonly message: string;
    };

/** What became of one POST /api/v1/sync. */
export type BatchResult =
  /** The server answered per item. */
  | { readonly kind: 'answered'; readonly results: readonly SyncAnswer[] }
  /** No answer worth keeping (no network, a lost answer, a busy server): send again later. */
  | { readonly kind: 'retry' }
  /** The whole batch was refused as malformed: send its items one by one to find the bad one. */
  | { readonly kind: 'invalid'; readonly rejection: Rejection }
  /** The device may not sync (revoked, or the token is unknown): stop until someone acts. */
  | { readonly kind: 'refused'; readonly code: string };

/** Sends one batch. */
export type SendBatch = (items: readonly SyncItem[]) => Promise<BatchResult>;

/** How a drain ended. */
export type DrainResult =
  | { readonly kind: 'done'; readonly sent: number }
  | { readonly kind: 'retry'; readonly sent: number }
  | { readonly kind: 'refused'; readonly code: string; readonly sent: number };

/** Most captures one request carries (the server's MAX_SYNC_ITEMS). */
export const MAX_BATCH = 500;

/**
 * The next batch: the waiting captures in order, up to `max`. Captures of one household may go
 * together — seen at a checkpoint and then arriving at the reception point while offline — as
 * the server applies a batch's captures in capture order (src/sync/capture-rounds.ts).
 */
export function nextBatch(waiting: readonly SyncItem[], max: number): SyncItem[] {
  return waiting.slice(0, max);
}

async function applyAnswers(store: OutboxStore, results: readonly SyncAnswer[]): Promise<number> {
  const accepted = results.filter((result) => result.status !== 'rejected').map((r) => r.id);
  await store.remove(accepted);
  for (const result of results) {
    if (result.status === 'rejected') {
      await store.reject(result.id, { code: result.code, message: result.message });
    }
  }
  return accepted.length;
}

/** Sends `items` one by one after their batch was refused whole; undefined when all answered. */
async function sendSingly(
  store: OutboxStore,
  send: SendBatch,
  items: readonly SyncItem[],
): Promise<{ sent: number; stop?: DrainResult }> {
  let sent = 0;
  for (const item of items) {
    const result = await send([item]);
    if (result.kind === 'answered') sent += await applyAnswers(store, result.results);
    else if (result.kind === 'invalid') await store.reject(item.id, result.rejection);
    else if (result.kind === 'retry') return { sent, stop: { kind: 'retry', sent } };
    else return { sent, stop: { kind: 'refused', code: result.code, sent } };
  }
  return { sent };
}

/**
 * Sends every waiting capture, a batch at a time, and applies the answers to the store. Returns
 * when nothing waits, when the network or server fails (retry later), or when the device is
 * refused. Refused captures stay in the store, marked, and are not sent again.
 *
 * @example const result = await drainOutbox(store, (items) => postSync(items, token));
 */
export async function drainOutbox(
  store: OutboxStore,
  send: SendBatch,
  maxBatch: number = MAX_BATCH,
): Promise<DrainResult> {
  let sent = 0;
  for (;;) {
    const waiting = (await store.list()).filter((entry) => entry.rejection === undefined);
    if (waiting.length === 0) return { kind: 'done', sent };
    const batch = nextBatch(
      waiting.map((entry) => entry.item),
      maxBatch,
    );
    const result = await send(batch);
    switch (result.kind) {
      case 'answered': {
        sent += await applyAnswers(store, result.results);
        // An answer that settles none of the batch would loop for ever: wait and try again.
        const settled = new Set(result.results.map((answer) => answer.id));
        if (!batch.some((item) => settled.has(item.id))) return { kind: 'retry', sent };
        break;
      }
      case 'invalid': {
        const single = await sendSingly(store, send, batch);
        sent += single.sent;
        if (single.stop !== undefined) return { ...single.stop, sent };
        break;
      }
      case 'retry':
        return { kind: 'retry', sent };
      case 'refused':
        return { kind: 'refused', code: result.code, sent };
    }
  }
}
