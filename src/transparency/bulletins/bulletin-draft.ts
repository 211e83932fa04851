// Building a new bulletin: its figures counted from the data for a period and the one before
// (through the disclosure rules), and its first version.
import type { Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import { checkpointNames, countPeriod } from './bulletin-counts.kysely.ts';
import { bulletinFigures } from './bulletin-figures.ts';
import { countReconciliation } from './bulletin-reconciliation.kysely.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { periodEndingOn, previousPeriod, shiftDate } from './bulletin-schedule.ts';
import { KyselyBulletinRepository } from './bulletin.kysely.ts';
import { itemAt } from '../disclosure/count-table.ts';
import type { BulletinPeriod, CutoffSettings } from './bulletin-schedule.ts';
import type { Bulletin } from './bulletin.repository.ts';

/** What a new bulletin starts from. */
export interface NewBulletin {
  product: Bulletin['product'];
  period: { from: string; to: string };
  figures: BulletinFigures;
  texts: Record<string, string>;
  actor: string;
  /** Set for drafts made from the data (see BulletinTable.draft_key). */
  draftKey?: string;
  corrects?: Bulletin['corrects'];
}

/**
 * The publishable figures of `period` of a daily or weekly report. A weekly report's tables
 * are disclosed with the published daily reports of its seven days as history (their counts
 * recomputed now); the previous period's figures are those its bulletin published, if it was.
 */
export async function draftFigures(
  db: Kysely<Database>,
  request: { period: BulletinPeriod; product: 'daily' | 'weekly'; cutoff: CutoffSettings },
): Promise<BulletinFigures> {
  const { period, product, cutoff } = request;
  const days = product === 'weekly' ? 7 : 0;
  const dates = Array.from({ length: days }, (_, k) => shiftDate(period.localDate, -k));
  const before = previousPeriod(period, Math.max(days, 1), cutoff).localDate;
  const [current, reconciliation, dayCounts, published] = await Promise.all([
    countPeriod(db, period),
    // The daily report only (bulletin-reconciliation.ts says why not the weekly one).
    product === 'daily' ? countReconciliation(db, period) : undefined,
    Promise.all(dates.map((date) => countPeriod(db, periodEndingOn(date, 1, cutoff)))),
    new KyselyBulletinRepository(db).publishedByDraftKeys([
      ...dates.map((date) => `daily:${date}`),
      `${product}:${before}`,
    ]),
  ]);
  const figuresOf = (key: string) => published.find((b) => b.draftKey === key)?.figures ?? null;
  const names = await checkpointNames(db, [
    ...new Set(current.passages.map((p) => p.checkpointId)),
  ]);
  return bulletinFigures(
    {
      current,
      days: dates.map((date, k) => ({
        counts: itemAt(dayCounts, k),
        figures: figuresOf(`daily:${date}`),
      })),
      previous: figuresOf(`${product}:${before}`),
      reconciliation,
    },
    names,
  );
}

/** The first version of a bulletin, in the working `languages`, made at `at`. */
export function newBulletin(
  draft: NewBulletin,
  options: { languages: readonly string[]; at: string },
): Bulletin {
  // Written by a person: already in review; drafted from the data: waits for an analyst.
  const isWritten = draft.draftKey === undefined;
  return {
    id: newRecordId(),
    product: draft.product,
    periodFrom: draft.period.from,
    periodTo: draft.period.to,
    languages: [...options.languages],
    state: isWritten ? 'in_review' : 'draft',
    figures: draft.figures,
    texts: draft.texts,
    corrects: draft.corrects ?? null,
    draftKey: draft.draftKey ?? null,
    createdBy: draft.actor,
    lastEditor: isWritten ? draft.actor : null,
    approvedBy: null,
    publishedAt: null,
    logIndex: null,
    publishedRecord: null,
    entryAt: null,
    createdAt: options.at,
    updatedAt: options.at,
    version: 1,
  };
}
