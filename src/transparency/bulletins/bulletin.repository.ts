// The bulletin as the service sees it, and the storage it needs.
import type { BulletinFigures } from './bulletin-figures.ts';
import type { BulletinProduct, BulletinState, CorrectionKind } from './bulletin-model.ts';

/** The bulletin a correction or retraction names. */
export interface CorrectionRef {
  id: string;
  kind: CorrectionKind;
}

/** One bulletin, current version. */
export interface Bulletin {
  id: string;
  product: BulletinProduct;
  periodFrom: string;
  periodTo: string;
  languages: string[];
  state: BulletinState;
  figures: BulletinFigures;
  /** Language → narrative text (every working language has an entry, maybe empty). */
  texts: Record<string, string>;
  corrects: CorrectionRef | null;
  draftKey: string | null;
  createdBy: string;
  lastEditor: string | null;
  approvedBy: string | null;
  publishedAt: string | null;
  logIndex: number | null;
  /** Canonical JSON of the published log entry's body. */
  publishedRecord: string | null;
  entryAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One change to a bulletin (staff only). */
export interface BulletinVersion {
  version: number;
  action: string;
  state: BulletinState;
  texts: Record<string, string>;
  at: string;
  actor: string;
}
