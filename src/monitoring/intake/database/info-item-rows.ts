// An information item between its domain shape and its row: access conditions are JSON text,
// words are checked against the vocabulary on the way out.
import type { Insertable, Selectable } from 'kysely';
import { parseJsonColumn } from '../../../passage/database/json-column.ts';
import type { InfoItemGradingTable, InfoItemTable } from '../../monitoring.tables.ts';
import { CHANNELS, CREDIBILITIES, ITEM_STATUSES, PROXIMITIES } from '../../model/vocabulary.ts';
import type {
  AccessConditions,
  InfoItem,
  ItemContent,
  ItemGrading,
} from './info-item.repository.ts';
import { storedWord } from './stored-word.ts';

const ACCESS_KEYS = ['privateInterview', 'escorted', 'placeDenied'] as const;

function isAccess(value: unknown): value is AccessConditions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return ACCESS_KEYS.every((key) => record[key] === null || typeof record[key] === 'boolean');
}

/** The columns an item's content is stored in. */
export function contentColumns(content: ItemContent) {
  return {
    source_id: content.sourceId,
    proximity: content.proximity,
    language: content.language,
    account_sealed: content.accountSealed,
    received_at: content.receivedAt,
    occurred_at: content.occurredAt,
    place_id: content.placeId,
    event_type: content.eventType,
    access: JSON.stringify({
      privateInterview: content.access.privateInterview,
      escorted: content.access.escorted,
      placeDenied: content.access.placeDenied,
    }),
  };
}

/** The row of a new item (every column set, for the multi-row insert). */
export function toItemRow(item: InfoItem): Insertable<InfoItemTable> {
  return {
    id: item.id,
    channel: item.channel,
    credibility: item.credibility,
    ...contentColumns(item),
    collected_by: item.collectedBy,
    receipt_sha256: item.receiptSha256,
    status: item.status,
    status_reason: item.statusReason,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    version: item.version,
  };
}

/** The item a row holds; DomainError 'internal' for a corrupt row. */
export function toInfoItem(row: Selectable<InfoItemTable>): InfoItem {
  return {
    id: row.id,
    channel: storedWord(CHANNELS, row.channel, 'info_item.channel'),
    sourceId: row.source_id,
    proximity:
      row.proximity === null ? null : storedWord(PROXIMITIES, row.proximity, 'info_item.proximity'),
    credibility: storedWord(CREDIBILITIES, row.credibility, 'info_item.credibility'),
    language: row.language,
    accountSealed: row.account_sealed,
    receivedAt: row.received_at,
    occurredAt: row.occurred_at,
    placeId: row.place_id,
    eventType: row.event_type,
    collectedBy: row.collected_by,
    access: parseJsonColumn(row.access, isAccess, 'info_item.access'),
    receiptSha256: row.receipt_sha256,
    status: storedWord(ITEM_STATUSES, row.status, 'info_item.status'),
    statusReason: row.status_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The grading a row holds. */
export function toItemGrading(row: Selectable<InfoItemGradingTable>): ItemGrading {
  return {
    version: row.version,
    credibility: storedWord(CREDIBILITIES, row.credibility, 'info_item_grading.credibility'),
    reason: row.reason,
    at: row.at,
    actor: row.actor,
  };
}
