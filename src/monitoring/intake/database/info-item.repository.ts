import type { Channel, Credibility, ItemStatus, Proximity } from '../../model/vocabulary.ts';

/** Conditions under which the information was collected (null: not recorded). */
export interface AccessConditions {
  privateInterview: boolean | null;
  escorted: boolean | null;
  placeDenied: boolean | null;
}

/** What an item says, as given by its channel (everything a CSV row may replace). */
export interface ItemContent {
  sourceId: string | null;
  proximity: Proximity | null;
  /** BCP 47 language of the account. */
  language: string;
  /** The verbatim account, sealed under the secret box. */
  accountSealed: string;
  receivedAt: string;
  occurredAt: string | null;
  placeId: string | null;
  eventType: string | null;
  access: AccessConditions;
}

/** One information item as stored. */
export interface InfoItem extends ItemContent {
  id: string;
  channel: Channel;
  credibility: Credibility;
  collectedBy: string;
  /** SHA-256 (hex) of an anonymous reporter's receipt code; never answered. */
  receiptSha256: string | null;
  status: ItemStatus;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One credibility grading, at the item version it created. */
export interface ItemGrading {
  version: number;
  credibility: Credibility;
  reason: string;
  at: string;
  actor: string;
}

/** A change of an item made at the version the caller read. */
export interface ItemChange {
  id: string;
  expectedVersion: number;
  at: string;
}

/** Where a page of the triage queue starts: after this item (exclusive). */
export interface QueueCursor {
  receivedAt: string;
  id: string;
}

/** One page request of the triage queue. */
export interface QueuePage {
  status: ItemStatus;
  after?: QueueCursor | undefined;
  limit: number;
}

/** Port for information items and their gradings. */
export interface InfoItemRepository {
  /** Inserts new items (multi-row); fails as a whole on a duplicate id or receipt. */
  insertMany(items: readonly InfoItem[]): Promise<void>;
  get(id: string): Promise<InfoItem | undefined>;
  /** The items of `ids` that exist, by id. */
  getMany(ids: readonly string[]): Promise<Map<string, InfoItem>>;
  /** Items in `page.status`, oldest received first, after the cursor. */
  listQueue(page: QueuePage): Promise<InfoItem[]>;
  /** The item's gradings, oldest first. */
  gradings(id: string): Promise<ItemGrading[]>;
  /** Replaces the content as the next version ('conflict' / 'not_found'). */
  replaceContent(change: ItemChange, content: ItemContent): Promise<void>;
  /** A new credibility grading as the next version. */
  grade(change: ItemChange, grading: Omit<ItemGrading, 'version' | 'at'>): Promise<void>;
  /** Sets a new item aside with `reason` as the next version ('conflict' unless new). */
  setAside(change: ItemChange, reason: string): Promise<void>;
  /** Status and version of the item behind a receipt digest, if any. */
  findByReceipt(
    receiptSha256: string,
  ): Promise<{ status: ItemStatus; version: number } | undefined>;
  /** Status, version and receipt time of the newest items `collectedBy` sent on `channel`. */
  listByCollector(
    collectedBy: string,
    channel: Channel,
    limit: number,
  ): Promise<{ status: ItemStatus; version: number; receivedAt: string }[]>;
  /** Marks items linked to an incident (status only; see markItemsLinked). */
  markLinked(ids: readonly string[], at: string): Promise<void>;
}
