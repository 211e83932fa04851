// Offline captures arrive in batches, possibly twice (a retry after a lost answer) or replayed.
// Each item carries a client-generated id; sync_item records the answer given for it, so an
// item is applied exactly once and a retry gets the same answer. The whole batch is written in
// one transaction (one fsync for hundreds of captures); if that fails — a concurrent batch
// claimed an id, or a record changed meanwhile — the items are retried one transaction each, so
// one bad item never blocks the others. Items act in the batch's order (capture order): one that
// touches a record an earlier item of the batch touched is prepared after that one is written
// (capture-rounds.ts).
import type { Kysely } from 'kysely';
import { DomainError } from '../errors/domain-error.ts';
import { insertSeals } from '../seal/seal.kysely.ts';
import { GroupCommit } from '../store/group-commit.ts';
import { insertRows } from '../store/insert-rows.ts';
import { perTickLoader } from '../store/per-tick-loader.ts';
import type { Database } from '../store/schema.ts';
import { captureRounds } from './capture-rounds.ts';
import { captureSignatureMessage } from './capture-signature.ts';
import { answerForFailure, answerForKnown } from './sync-answers.ts';
import type { StoredAnswer, SyncItemResult } from './sync-answers.ts';
import { writeGrouped } from './write-grouped.ts';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from './capture-handler.ts';

export type { SyncItemResult } from './sync-answers.ts';

/** Checks a device's signatures: one answer per signed message, in order. */
export interface DeviceSignatureVerifier {
  verifySignatures(
    deviceId: string,
    signed: readonly { message: Uint8Array; signature: string }[],
  ): Promise<boolean[]>;
}

/** What the sync service needs. */
export interface SyncServiceDeps {
  db: Kysely<Database>;
  handlers: Readonly<Record<string, CaptureHandler>>;
  devices: DeviceSignatureVerifier;
  now?: () => Date;
  /** Unexpected handler failures (bugs), for the server log; never item content. */
  onError?: (error: unknown) => void;
  /**
   * Group commits that may run at once (default 1). SQLite has one connection, so one; on
   * PostgreSQL a second overlaps the database's work with the next group's preparation.
   */
  concurrentGroups?: number;
}

interface Ready {
  item: SyncItem;
  deviceId: string;
  handler: CaptureHandler;
  prepared: PreparedCapture;
}

/** How often an item is prepared again when a concurrent request moved its record first. */
const PREPARES_ON_CONFLICT = 3;

/** Most items one group commit writes. */
const MAX_GROUP_ITEMS = 2_000;

/** Signatures checked per call: a worker's answer arrives after a few milliseconds. */
const VERIFY_CHUNK = 50;

/** Applies batches of signed offline captures exactly once. */
export class SyncService {
  readonly #deps: SyncServiceDeps;
  // The batches of every request that arrives while a transaction runs are written together in
  // the next one: one durable commit then serves many small requests (a device syncing one
  // passage at a time) instead of one fsync each.
  readonly #groups: GroupCommit<Ready>;
  // Every batch first looks its ids up: the batches of requests arriving together share a query.
  readonly #known = perTickLoader((ids: readonly string[]) => this.#findKnown(ids));

  constructor(deps: SyncServiceDeps) {
    this.#deps = deps;
    this.#groups = new GroupCommit({
      write: (ready) => deps.db.transaction().execute((trx) => this.#write(trx, ready)),
      concurrency: deps.concurrentGroups ?? 1,
      maxItems: MAX_GROUP_ITEMS,
    });
  }

  /** Applies `items` captured by `context.deviceId`; one answer per item, in order. */
  async applyBatch(items: readonly SyncItem[], context: CaptureContext): Promise<SyncItemResult[]> {
    const results = new Map<string, SyncItemResult>();
    const known = await this.#knownItems(items.map((item) => item.id));
    const fresh: SyncItem[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      const stored = known.get(item.id);
      if (stored === undefined) fresh.push(item);
      else results.set(item.id, answerForKnown(item.id, stored, context.deviceId));
    }
    // Nearly always one round: only an item touching a record that an earlier item of the batch
    // touched waits for the rounds before it to be written.
    const rounds = captureRounds(fresh, (item) => this.#touches(item));
    for (const [index, round] of rounds.entries()) {
      // A retry of this batch running alongside may have written a later round's items meanwhile.
      const pending = index === 0 ? round : await this.#stillFresh(round, context, results);
      const ready = await this.#verifyAndPrepare(pending, context, results);
      await this.#writeAll(ready, context, results);
    }
    return items.map(
      (item) =>
        results.get(item.id) ?? {
          id: item.id,
          status: 'rejected',
          code: 'internal',
          message: 'lost',
        },
    );
  }

  #touches(item: SyncItem): readonly string[] {
    const handler = this.#handlerOf(item);
    try {
      return handler?.touches?.(item) ?? [];
    } catch (error) {
      // A handler bug: the item goes in the first round, unordered, and prepare() decides it.
      this.#deps.onError?.(error);
      return [];
    }
  }

  #handlerOf(item: SyncItem): CaptureHandler | undefined {
    return Object.hasOwn(this.#deps.handlers, item.type)
      ? this.#deps.handlers[item.type]
      : undefined;
  }

  /** `items` not yet in sync_item; the others get the answer stored for them. */
  async #stillFresh(
    items: readonly SyncItem[],
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
  ): Promise<SyncItem[]> {
    const known = await this.#knownItems(items.map((item) => item.id));
    return items.filter((item) => {
      const stored = known.get(item.id);
      if (stored === undefined) return true;
      results.set(item.id, answerForKnown(item.id, stored, context.deviceId));
      return false;
    });
  }

  async #knownItems(ids: readonly string[]): Promise<Map<string, StoredAnswer>> {
    const answers = await this.#known.loadMany(ids);
    const known = new Map<string, StoredAnswer>();
    answers.forEach((answer, index) => {
      if (answer instanceof Error) throw answer;
      if (answer !== undefined) known.set(ids[index] ?? '', answer);
    });
    return known;
  }

  async #findKnown(ids: readonly string[]): Promise<Map<string, StoredAnswer>> {
    const rows = await this.#deps.db
      .selectFrom('sync_item')
      .select(['id', 'device_id', 'result'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, { device: row.device_id, result: row.result }]));
  }

  // Signatures are checked a chunk at a time (on a worker thread when the chunk is large), and
  // a chunk's items are prepared while the next chunk is still being checked. Checking the whole
  // batch first left the event loop idle for the first check of every group-committed round.
  async #verifyAndPrepare(
    items: readonly SyncItem[],
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
  ): Promise<Ready[]> {
    const chunks: SyncItem[][] = [];
    for (let start = 0; start < items.length; start += VERIFY_CHUNK) {
      chunks.push(items.slice(start, start + VERIFY_CHUNK));
    }
    const verdicts = chunks.map((chunk) =>
      this.#deps.devices.verifySignatures(
        context.deviceId,
        chunk.map((item) => ({
          message: captureSignatureMessage({ ...item, deviceId: context.deviceId }),
          signature: item.signature,
        })),
      ),
    );
    // Awaited in order below; a failure of a later chunk must not go unhandled meanwhile.
    for (const verdict of verdicts) verdict.catch(() => undefined);
    const ready: Ready[] = [];
    for (const [index, chunk] of chunks.entries()) {
      const valid = await verdicts[index];
      const signed = chunk.filter((item, position) => {
        if (valid?.[position] === true) return true;
        results.set(item.id, {
          id: item.id,
          status: 'rejected',
          code: 'invalid_signature',
          message: 'the capture signature does not verify',
        });
        return false;
      });
      ready.push(...(await this.#prepareAll(signed, context, results)));
    }
    return ready;
  }

  async #prepareAll(
    items: readonly SyncItem[],
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
  ): Promise<Ready[]> {
    const failed: { item: SyncItem; error: unknown }[] = [];
    const settled = await Promise.all(
      items.map(async (item): Promise<Ready | undefined> => {
        try {
          return { item, deviceId: context.deviceId, ...(await this.#prepare(item, context)) };
        } catch (error) {
          failed.push({ item, error });
          return undefined;
        }
      }),
    );
    // A later round's item may have been applied by a request running alongside after this one
    // looked it up (a batch sent twice at once): its answer stands, not this preparation's.
    const known = await this.#knownItems(failed.map((f) => f.item.id));
    for (const { item, error } of failed) {
      results.set(
        item.id,
        answerForFailure(item.id, error, known.get(item.id), {
          deviceId: context.deviceId,
          onError: this.#deps.onError,
        }),
      );
    }
    return settled.filter((ready) => ready !== undefined);
  }

  async #prepare(
    item: SyncItem,
    context: CaptureContext,
  ): Promise<{ handler: CaptureHandler; prepared: PreparedCapture }> {
    const handler = this.#handlerOf(item);
    if (handler === undefined)
      throw new DomainError('invalid_request', `unknown capture type ${item.type}`);
    return { handler, prepared: await handler.prepare(item, context) };
  }

  async #writeAll(
    ready: readonly Ready[],
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
  ): Promise<void> {
    if (ready.length === 0) return;
    try {
      await this.#groups.submit(ready);
      for (const entry of ready) this.#applied(entry, results);
    } catch {
      // Something in the batch conflicts: apply item by item so the rest still lands.
      for (const entry of ready) await this.#writeOne(entry, context, results);
    }
  }

  async #writeOne(
    entry: Ready,
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
    preparesLeft = PREPARES_ON_CONFLICT,
  ): Promise<void> {
    try {
      await this.#deps.db.transaction().execute((trx) => this.#write(trx, [entry]));
      this.#applied(entry, results);
    } catch (error) {
      const known = (await this.#knownItems([entry.item.id])).get(entry.item.id);
      const conflict = error instanceof DomainError && error.code === 'conflict';
      if (known === undefined && preparesLeft > 0 && conflict) {
        // Another request changed a record this item was prepared from — two devices back
        // online at once with captures of one journey. The capture is still true: it is
        // prepared again from the record as it now is (its first seals stay in the log as
        // commitments naming no stored record, as after any failed write).
        const again = await this.#prepareAgain(entry, context, results);
        if (again !== undefined) await this.#writeOne(again, context, results, preparesLeft - 1);
        return;
      }
      results.set(
        entry.item.id,
        answerForFailure(entry.item.id, error, known, {
          deviceId: context.deviceId,
          onError: this.#deps.onError,
        }),
      );
    }
  }

  async #prepareAgain(
    entry: Ready,
    context: CaptureContext,
    results: Map<string, SyncItemResult>,
  ): Promise<Ready | undefined> {
    try {
      return { ...entry, ...(await this.#prepare(entry.item, context)) };
    } catch (error) {
      // The request that moved the record may have applied this very item (a batch sent twice
      // at once): then its answer stands, not the refusal of preparing it a second time.
      const known = (await this.#knownItems([entry.item.id])).get(entry.item.id);
      results.set(
        entry.item.id,
        answerForFailure(entry.item.id, error, known, {
          deviceId: context.deviceId,
          onError: this.#deps.onError,
        }),
      );
      return undefined;
    }
  }

  #applied(entry: Ready, results: Map<string, SyncItemResult>): void {
    results.set(entry.item.id, {
      id: entry.item.id,
      status: 'applied',
      logIndex: logIndexOf(entry),
    });
    entry.prepared.afterCommit?.();
  }

  async #write(trx: Kysely<Database>, ready: readonly Ready[]): Promise<void> {
    const receivedAt = (this.#deps.now ?? (() => new Date()))().toISOString();
    await writeGrouped(trx, ready);
    await insertSeals(
      trx,
      ready.flatMap(({ prepared }) => prepared.seals),
    );
    await insertRows(
      trx,
      'sync_item',
      ready.map((entry) => ({
        id: entry.item.id,
        device_id: entry.deviceId,
        type: entry.item.type,
        captured_at: entry.item.capturedAt,
        received_at: receivedAt,
        signature: entry.item.signature,
        result: JSON.stringify({ logIndex: logIndexOf(entry) }),
      })),
    );
  }
}

function logIndexOf(entry: Ready): number {
  return entry.prepared.seals[0]?.logIndex ?? -1;
}
