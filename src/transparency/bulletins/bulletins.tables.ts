// The bulletins' tables (see src/store/schema.ts; built by migrations/0015-bulletins.ts): the
// current state of each bulletin and every version of it. Figures are stored only as they may
// be published (after the disclosure rules), never as raw counts, so nothing stored with a
// bulletin can leak a small count. Staff appear by user id only, and never in published content.
// Timestamps are ISO-8601 UTC text; JSON columns are text.

/** bulletin: the current version of a daily, spot or weekly report. */
export interface BulletinTable {
  id: string;
  /** 'daily' | 'spot' | 'weekly'. */
  product: string;
  period_from: string;
  period_to: string;
  /** JSON array of BCP 47 working languages, one version of the text each. */
  languages: string;
  /** 'draft' | 'in_review' | 'approved' | 'published'. */
  state: string;
  /** JSON BulletinFigures (disclosed cells only); '{}' for a spot report without figures. */
  figures: string;
  /** JSON object: language → narrative text. */
  texts: string;
  /** The bulletin this one corrects or retracts, if any. */
  corrects: string | null;
  /** 'correction' | 'retraction' when `corrects` is set. */
  correction_kind: string | null;
  /**
   * 'daily:<local date>' or 'weekly:<local date>' for drafts made from the data: unique, so one
   * period never gets two drafts, whatever restarts or concurrent jobs do. Null otherwise.
   */
  draft_key: string | null;
  created_by: string;
  /** Who last changed the text (null until someone edits an automatic draft). */
  last_editor: string | null;
  approved_by: string | null;
  published_at: string | null;
  /** Index of the public log entry holding the published content. */
  log_index: number | null;
  /** The published content, canonical JSON, exactly the log entry's body. */
  published_record: string | null;
  /** The `at` of the published log entry (needed to rebuild the entry's bytes). */
  entry_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** bulletin_version: every change to a bulletin, with who and when; never changed. */
export interface BulletinVersionTable {
  bulletin_id: string;
  version: number;
  /** 'drafted' | 'created' | 'edited' | 'redrafted' | 'approved' | 'published'. */
  action: string;
  state: string;
  /** JSON object language → text as of this version. */
  texts: string;
  at: string;
  actor: string;
}

/** The tables of this slice. */
export interface BulletinTables {
  bulletin: BulletinTable;
  bulletin_version: BulletinVersionTable;
}
