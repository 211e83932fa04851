import type { AlertSeverity } from './passage-vocabulary.ts';

/** A raised alert; subjects are ids and pseudonyms, `details` holds no person data. */
export interface Alert {
  id: string;
  type: string;
  severity: AlertSeverity;
  subjectType: string;
  subjectId: string;
  /** One alert per key: re-raising the same condition is a no-op. */
  dedupeKey: string;
  raisedAt: string;
  details: Readonly<Record<string, unknown>>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Where a reader stopped: the last alert it saw (alerts are ordered by raisedAt, then id). */
export interface AlertCursor {
  raisedAt: string;
  id: string;
}

/** An acknowledgement by a member of staff. */
export interface AlertAcknowledgement {
  id: string;
  by: string;
  at: string;
}

/** Port for alerts. */
export interface AlertRepository {
  /** Stores the alert unless its dedupe key is already stored; true when it was new. */
  insert(alert: Alert): Promise<boolean>;
  get(id: string): Promise<Alert | undefined>;
  /** Alerts after `cursor` (all when undefined) in (raisedAt, id) order, at most `limit`. */
  listSince(cursor: AlertCursor | undefined, limit: number): Promise<Alert[]>;
  /** Alerts not yet acknowledged, oldest first, at most `limit`. */
  listUnacknowledged(limit: number): Promise<Alert[]>;
  /** Acknowledges an alert not yet acknowledged; true when it was. */
  acknowledge(acknowledgement: AlertAcknowledgement): Promise<boolean>;
}
