// What a scanner remembers between ticks, so a tick does not redo what the last one settled:
// journeys and scopes already alerted (the alert service would dedupe them anyway, at the cost
// of a query per tick), and the passing counts of the held-pattern test, which change slowly.
import type { SexAgeCounts } from '../../model/held-pattern.ts';

/** Above this many remembered keys a set is cleared (the alert service still dedupes). */
export const MEMO_LIMIT = 100_000;

/** Passing counts of one scope and when they were read (epoch ms). */
export interface CachedCounts {
  readonly at: number;
  readonly counts: SexAgeCounts;
}

/** In-memory state of one scanner; a fresh one makes a tick start from scratch. */
export class ScanMemo {
  /** Journeys whose overdue alert is stored. */
  readonly overdue = new Set<string>();
  /** Dedupe keys of held-pattern alerts stored. */
  readonly patterns = new Set<string>();
  /** Passing counts per scope key. */
  readonly passing = new Map<string, CachedCounts>();

  /** Adds `keys` to `set`, clearing it first if it would grow past MEMO_LIMIT. */
  static remember(set: Set<string>, keys: Iterable<string>): void {
    for (const key of keys) {
      if (set.size >= MEMO_LIMIT) set.clear();
      set.add(key);
    }
  }
}
