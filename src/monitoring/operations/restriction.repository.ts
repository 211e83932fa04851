// The port of the mission's access restrictions (DOMAIN.md §1).
import type { RestrictionKind, RestrictionSubKind } from '../model/operations-vocabulary.ts';

/** A restriction on the mission's own access, as published (who recorded it is kept apart). */
export interface PublicRestriction {
  id: string;
  kind: RestrictionKind;
  subKind: RestrictionSubKind | null;
  occurredAt: string;
  placeId: string;
  /** Delays only. */
  durationMinutes: number | null;
  /** Who imposed it, as data. */
  imposedBy: string;
  patrolId: string | null;
  description: string;
  createdAt: string;
  version: number;
}

/** A restriction as stored: with the staff member who recorded it (never published). */
export interface AccessRestriction extends PublicRestriction {
  recordedBy: string;
}

/** One version of a restriction as published: its content and why (who made it is kept apart). */
export interface PublicRestrictionVersion {
  version: number;
  kind: RestrictionKind;
  subKind: RestrictionSubKind | null;
  occurredAt: string;
  placeId: string;
  durationMinutes: number | null;
  imposedBy: string;
  patrolId: string | null;
  description: string;
  reason: string;
  at: string;
}

/** One version of a restriction as stored: with who made it. */
export interface RestrictionVersion extends PublicRestrictionVersion {
  restrictionId: string;
  actor: string;
}

/** Which restrictions to list: occurred in [from, to), of one kind, at most `limit`. */
export interface RestrictionFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: RestrictionKind | undefined;
  limit: number;
}

/** Port for access restrictions. */
export interface RestrictionRepository {
  /** Stores a restriction and its first version. */
  insert(restriction: AccessRestriction, first: RestrictionVersion): Promise<void>;
  get(id: string): Promise<AccessRestriction | undefined>;
  /**
   * Makes `next` the current version; DomainError 'conflict' unless the restriction is at
   * `next.version - 1`, 'not_found' if absent.
   */
  correct(next: RestrictionVersion): Promise<void>;
  /** Every version, oldest first. */
  versions(id: string): Promise<RestrictionVersion[]>;
  /** Restrictions by time of occurrence, newest first. */
  list(filter: RestrictionFilter): Promise<AccessRestriction[]>;
  /** The restrictions that hit one patrol, oldest first. */
  listForPatrol(patrolId: string): Promise<AccessRestriction[]>;
}
