import type { Reliability, SourceKind } from '../../model/vocabulary.ts';

/** A source as stored: a code name and grades, never who the source is. */
export interface Source {
  id: string;
  kind: SourceKind;
  /** The code name staff use (never the person's name), unique. */
  label: string;
  reliability: Reliability;
  atRisk: boolean;
  /** The vault person holding the contact details; never answered over HTTP. */
  contactPersonRef: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One reliability grading, at the source version it created. */
export interface SourceGrading {
  version: number;
  reliability: Reliability;
  reason: string;
  at: string;
  actor: string;
}

/** A change of a source made at the version the caller read. */
export interface SourceChange {
  id: string;
  expectedVersion: number;
  at: string;
}

/** Which sources to list. */
export interface SourceFilter {
  kind?: SourceKind | undefined;
  atRisk?: boolean | undefined;
  /** Exactly this code name. */
  label?: string | undefined;
  limit: number;
}

/** Port for sources and their gradings. */
export interface SourceRepository {
  /** Stores a new source (version 1) with its first grading. */
  insert(source: Source, grading: SourceGrading): Promise<void>;
  get(id: string): Promise<Source | undefined>;
  /** Sources by label, at most `limit`. */
  list(filter: SourceFilter): Promise<Source[]>;
  /** The source's gradings, oldest first. */
  gradings(id: string): Promise<SourceGrading[]>;
  /** A new grading as the next version; 'conflict' or 'not_found' as versioned updates do. */
  regrade(change: SourceChange, grading: Omit<SourceGrading, 'version' | 'at'>): Promise<void>;
  /** Sets or clears the at-risk flag as the next version. */
  setAtRisk(change: SourceChange, atRisk: boolean): Promise<void>;
}
