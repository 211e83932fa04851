// Test data of the feeds slice: published bulletin rows written straight into the bulletins
// slice's table (what its publishing step leaves), so the feed and digest tests read real rows
// through the real adapter.
import type { Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import type { FeedLanguage, FeedProduct } from './published-item.port.ts';

/** What a published bulletin row needs for the feeds. */
export interface PublishedBulletinFixture {
  product: FeedProduct;
  publishedAt: string;
  texts: Partial<Record<FeedLanguage, string>>;
  logIndex: number;
  corrects?: string;
}

/** Inserts a published bulletin; returns its id. */
export async function insertPublishedBulletin(
  db: Kysely<Database>,
  bulletin: PublishedBulletinFixture,
): Promise<string> {
  const id = newRecordId(Date.parse(bulletin.publishedAt));
  await db
    .insertInto('bulletin')
    .values({
      id,
      product: bulletin.product,
      period_from: bulletin.publishedAt.slice(0, 10),
      period_to: bulletin.publishedAt.slice(0, 10),
      languages: JSON.stringify(Object.keys(bulletin.texts)),
      state: 'published',
      figures: '{}',
      texts: JSON.stringify(bulletin.texts),
      corrects: bulletin.corrects ?? null,
      correction_kind: bulletin.corrects === undefined ? null : 'correction',
      draft_key: null,
      created_by: 'analyst-1',
      last_editor: 'analyst-1',
      approved_by: 'coordinator-1',
      published_at: bulletin.publishedAt,
      log_index: bulletin.logIndex,
      published_record: '{}',
      entry_at: bulletin.publishedAt,
      created_at: bulletin.publishedAt,
      updated_at: bulletin.publishedAt,
      version: 4,
    })
    .execute();
  return id;
}
