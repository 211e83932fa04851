import type { Direction, PassageOutcome, ScreeningType } from './passage-vocabulary.ts';
import type { TimeRange } from './time-range.ts';

/** One signed capture of a vehicle (or a person on foot) crossing a checkpoint. */
export interface CheckpointPassage {
  /** Client-generated UUID: a replayed capture is stored once. */
  id: string;
  deviceId: string;
  /** base64 signature made by the device's key. */
  signature: string;
  checkpointId: string;
  direction: Direction;
  vehicleId: string | null;
  journeyIds: readonly string[];
  occupants: number;
  queueInAt: string | null;
  screeningStartAt: string | null;
  screeningEndAt: string | null;
  screeningTypes: readonly ScreeningType[];
  outcome: PassageOutcome;
  recordedAt: string;
  recordedBy: string;
}

/** Passages and occupants per checkpoint, UTC day (YYYY-MM-DD), direction and outcome. */
export interface PassageDayCount {
  checkpointId: string;
  day: string;
  direction: Direction;
  outcome: PassageOutcome;
  passages: number;
  occupants: number;
}

/** Port for checkpoint passages. */
export interface CheckpointPassageRepository {
  /** Stores the passage unless its id is already stored; true when it was new. */
  insert(passage: CheckpointPassage): Promise<boolean>;
  /** insert() for many, at most 500 rows per statement; the ids that were new. */
  insertMany(passages: readonly CheckpointPassage[]): Promise<Set<string>>;
  get(id: string): Promise<CheckpointPassage | undefined>;
  /** Passages recorded at a checkpoint within `range` (e.g. one hour), oldest first. */
  listForCheckpoint(checkpointId: string, range: TimeRange): Promise<CheckpointPassage[]>;
  /** Counts of passages recorded within `range`, by checkpoint, day, direction, outcome. */
  countPerDay(range: TimeRange): Promise<PassageDayCount[]>;
}
