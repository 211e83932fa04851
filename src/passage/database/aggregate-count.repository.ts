import type { CountMethod, Direction } from './passage-vocabulary.ts';
import type { TimeRange } from './time-range.ts';

/** People and vehicles counted at a checkpoint over an interval, when individuals cannot be. */
export interface AggregateCount {
  id: string;
  checkpointId: string;
  intervalStart: string;
  intervalEnd: string;
  direction: Direction;
  people: number;
  vehicles: number;
  /** Counts by sex, then age band, where safe to record, e.g. {"female": {"18-45": 12}}. */
  bySexAge: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
  method: CountMethod;
  /** Admiralty grade, e.g. 'B2' (DOMAIN.md §2). */
  sourceGrade: string;
  recordedBy: string;
  recordedAt: string;
}

/** Port for aggregate checkpoint counts. */
export interface AggregateCountRepository {
  /** Stores the count unless its id is already stored; true when it was new. */
  insert(count: AggregateCount): Promise<boolean>;
  /** Counts at a checkpoint whose interval starts within `range`, oldest first. */
  listForCheckpoint(checkpointId: string, range: TimeRange): Promise<AggregateCount[]>;
  /** Counts at every checkpoint whose interval starts within `range`, by start then id. */
  list(range: TimeRange): Promise<AggregateCount[]>;
}
