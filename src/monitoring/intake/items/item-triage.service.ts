// The triage queue of information items (analysts and coordinators): new items oldest first,
// one item with its grading history, its verbatim account through an audited read, credibility
// grading (Admiralty 1–6, DOMAIN.md §2: per item, independent of the source's reliability) and
// setting an item aside. Every change is a new version at the version the caller read.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { AccessPurpose } from '../../../people/access.ts';
import type { SecretBox } from '../../../people/keyring.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Credibility, ItemStatus } from '../../model/vocabulary.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import type { InfoItem, ItemGrading, QueueCursor } from '../database/info-item.repository.ts';
import { itemSealRecord } from './item-intake.ts';

/** What triage needs. */
export interface ItemTriageDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  secretBox: SecretBox;
  now: () => Date;
}

/** An item as staff see it: everything but the sealed account and the receipt digest. */
export type ItemSummary = Omit<InfoItem, 'accountSealed' | 'receiptSha256'>;

/** An item with its credibility gradings, oldest first. */
export interface ItemView {
  item: ItemSummary;
  gradings: ItemGrading[];
}

/** One page of the queue and where the next starts (null at the end). */
export interface QueueAnswer {
  items: ItemSummary[];
  next: QueueCursor | null;
}

/** A grading at the version read. */
export interface GradeRequest {
  credibility: Credibility;
  reason: string;
  version: number;
}

/** Setting aside at the version read. */
export interface SetAsideRequest {
  reason: string;
  version: number;
}

/** What staff see of an item: an allowlist, so a new sealed column is never answered by mistake. */
export function summaryOf(item: InfoItem): ItemSummary {
  return {
    id: item.id,
    channel: item.channel,
    sourceId: item.sourceId,
    proximity: item.proximity,
    credibility: item.credibility,
    language: item.language,
    receivedAt: item.receivedAt,
    occurredAt: item.occurredAt,
    placeId: item.placeId,
    eventType: item.eventType,
    collectedBy: item.collectedBy,
    access: item.access,
    status: item.status,
    statusReason: item.statusReason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

/** Triage of information items. */
export class ItemTriageService {
  readonly #deps: ItemTriageDeps;

  constructor(deps: ItemTriageDeps) {
    this.#deps = deps;
  }

  /** Items in `status`, oldest received first, `limit` per page after `after`. */
  async queue(
    status: ItemStatus,
    page: { after?: QueueCursor | undefined; limit: number },
  ): Promise<QueueAnswer> {
    const repository = new KyselyInfoItemRepository(this.#deps.db);
    const items = await repository.listQueue({ status, after: page.after, limit: page.limit });
    const last = items.at(-1);
    const next =
      last === undefined || items.length < page.limit
        ? null
        : { receivedAt: last.receivedAt, id: last.id };
    return { items: items.map(summaryOf), next };
  }

  /** The item and its gradings; 'not_found' when there is none. */
  async get(id: string): Promise<ItemView> {
    const repository = new KyselyInfoItemRepository(this.#deps.db);
    const [item, gradings] = await Promise.all([repository.get(id), repository.gradings(id)]);
    if (item === undefined) throw new DomainError('not_found', 'no such information item');
    return { item: summaryOf(item), gradings };
  }

  /**
   * The verbatim account, after sealing the read (who, which item, why) as an audit entry: the
   * account may name people, so it is handed out only once the read is durable in the log.
   */
  async readAccount(
    id: string,
    actor: string,
    purpose: AccessPurpose,
  ): Promise<{ id: string; language: string; account: string }> {
    const item = await new KyselyInfoItemRepository(this.#deps.db).get(id);
    if (item === undefined) throw new DomainError('not_found', 'no such information item');
    const account = this.#deps.secretBox.open(item.accountSealed);
    const auditId = randomUUID();
    const seal = await this.#deps.sealer.seal({
      kind: 'audit.item_account_read',
      id: auditId,
      version: 1,
      record: {
        action: 'item.account_read',
        itemId: id,
        itemVersion: item.version,
        actor,
        purpose,
      },
    });
    await insertSeals(this.#deps.db, [seal]);
    return { id, language: item.language, account };
  }

  /** Grades the item's credibility with a reason; 'conflict' at a stale version. */
  async grade(id: string, request: GradeRequest, actor: string): Promise<ItemView> {
    const current = await this.#current(id, request.version);
    const at = this.#deps.now().toISOString();
    const next = { ...current, credibility: request.credibility, updatedAt: at };
    await this.#change(next, { kind: 'info_item.graded', actor, reason: request.reason }, (trx) =>
      new KyselyInfoItemRepository(trx).grade(
        { id, expectedVersion: request.version, at },
        { credibility: request.credibility, reason: request.reason, actor },
      ),
    );
    return this.get(id);
  }

  /** Sets a new item aside; 'invalid_transition' unless it is new. */
  async setAside(id: string, request: SetAsideRequest, actor: string): Promise<ItemView> {
    const current = await this.#current(id, request.version);
    if (current.status !== 'new') {
      throw new DomainError('invalid_transition', 'only a new item can be set aside', {
        details: { id, from: current.status, to: 'set_aside' },
      });
    }
    const at = this.#deps.now().toISOString();
    const next: InfoItem = {
      ...current,
      status: 'set_aside',
      statusReason: request.reason,
      updatedAt: at,
    };
    await this.#change(
      next,
      { kind: 'info_item.set_aside', actor, reason: request.reason },
      (trx) =>
        new KyselyInfoItemRepository(trx).setAside(
          { id, expectedVersion: request.version, at },
          request.reason,
        ),
    );
    return this.get(id);
  }

  async #current(id: string, version: number): Promise<InfoItem> {
    const item = await new KyselyInfoItemRepository(this.#deps.db).get(id);
    if (item === undefined) throw new DomainError('not_found', 'no such information item');
    if (item.version !== version) {
      throw new DomainError('conflict', 'the information item changed meanwhile', {
        details: { id, expectedVersion: version, currentVersion: item.version },
      });
    }
    return item;
  }

  async #change(
    next: InfoItem,
    entry: { kind: string; actor: string; reason: string },
    write: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    const version = next.version + 1;
    const seal = await this.#deps.sealer.seal({
      kind: entry.kind,
      id: next.id,
      version,
      record: { ...itemSealRecord({ ...next, version }, entry.actor), reason: entry.reason },
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      await write(trx);
      await insertSeals(trx, [seal]);
    });
  }
}
