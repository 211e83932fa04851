// Building a new bulletin: its figures counted from the data for a period and the one before
// (through the disclosure rules), and its first version.
import type { Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import type { Database } from '../../store/schema.ts';
import { checkpointNames, countPeriod } from './bulletin-counts.kysely.ts';
import { bulletinFigures } from './bulletin-figures.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { previousPeriod } from './bulletin-schedule.ts';
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

/** The publishable figures of `period` (of `days` days) with the change on the period before. */
export async function draftFigures(
  db: Kysely<Database>,
  request: { period: BulletinPeriod; days: number; cutoff: CutoffSettings },
): Promise<BulletinFigures> {
  const before = previousPeriod(request.period, request.days, request.cutoff);
  const [current, previous] = await Promise.all([
    countPeriod(db, request.period),
    countPeriod(db, before),
  ]);
  const ids = [...current.passages, ...previous.passages].map((p) => p.checkpointId);
  const names = await checkpointNames(db, [...new Set(ids)]);
  return bulletinFigures({ current, previous }, names);
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
