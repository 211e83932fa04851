// What a bulletin publishes: exactly the body of its public log entry, and nothing else. It
// holds figures (already disclosed) and texts; never who drafted, edited, approved or published
// it (DOMAIN.md §6: monitor and staff names are never public).
import type { BulletinFigures } from './bulletin-figures.ts';
import type { BulletinProduct } from './bulletin-model.ts';
import type { Bulletin, CorrectionRef } from './bulletin.repository.ts';

/** The published content: the log entry's body and the source of the page and the PDF. */
export interface BulletinContent {
  bulletinId: string;
  product: BulletinProduct;
  periodFrom: string;
  periodTo: string;
  languages: string[];
  texts: Record<string, string>;
  figures: BulletinFigures;
  corrects: CorrectionRef | null;
}

/** The content `bulletin` publishes. */
export function publishedContent(bulletin: Bulletin): BulletinContent {
  return {
    bulletinId: bulletin.id,
    product: bulletin.product,
    periodFrom: bulletin.periodFrom,
    periodTo: bulletin.periodTo,
    languages: bulletin.languages,
    texts: bulletin.texts,
    figures: bulletin.figures,
    corrects: bulletin.corrects,
  };
}

/** A published bulletin as its page shows it. */
export interface PublishedBulletin {
  content: BulletinContent;
  publishedAt: string;
  logIndex: number;
  /** Published bulletins that correct or retract this one. */
  correctedBy: CorrectionRef[];
}
