// Hours when the checkpoint's passages could not be logged one by one (monitors kept away, a
// night of chaos): the mission then records an hourly count instead, either its own tally from
// a distance or a figure reported by the party controlling the checkpoint, graded as a source
// (DOMAIN.md §2) and noisy (party-reported counts ±10–20%, DOMAIN.md §7).
import type { EventSink } from './event-sink.ts';
import { DAY, HOUR, iso } from './journey-model.ts';
import type { PassageRecord } from './journey-events.generator.ts';
import type { Random } from './random.ts';
import type { CountMethod } from './scenario-events.types.ts';

/** A stretch of whole hours without individual logging. */
export interface UnloggedBlock {
  readonly start: number;
  readonly hours: number;
  readonly method: CountMethod;
}

/** Grades of the two kinds of source: the mission's own tally, the party's report. */
export const COUNT_GRADES: Readonly<Record<CountMethod, string>> = {
  tally: 'A2',
  party_report: 'C3',
};

/**
 * Four blocks of 2–5 hours, on the nights of D2 to D5, alternating tally and party report.
 *
 * @example
 * const blocks = chooseUnloggedBlocks(rng, d0);
 */
export function chooseUnloggedBlocks(rng: Random, d0: number): UnloggedBlock[] {
  return [2, 3, 4, 5].map((day, i) => ({
    start: d0 + day * DAY + (20 + rng.int(0, 6)) * HOUR,
    hours: rng.int(2, 5),
    method: i % 2 === 0 ? 'tally' : 'party_report',
  }));
}

/** Is `t` outside every unlogged block? */
export function isLoggedAt(blocks: readonly UnloggedBlock[], t: number): boolean {
  return !blocks.some((b) => t >= b.start && t < b.start + b.hours * HOUR);
}

function noisy(rng: Random, value: number, method: CountMethod): number {
  const error =
    method === 'tally' ? rng.normal(0, 0.02) : rng.pick([-1, 1]) * rng.between(0.1, 0.2);
  return Math.max(0, Math.round(value * (1 + error)));
}

/**
 * Emits one aggregate count per unlogged hour from the passages that were not logged;
 * returns the number of hours counted.
 */
export function emitAggregateCounts(
  context: {
    readonly rng: Random;
    readonly sink: EventSink;
    readonly placeId: string;
    readonly partyId: string;
  },
  blocks: readonly UnloggedBlock[],
  passages: readonly PassageRecord[],
): number {
  const { rng, sink } = context;
  let hours = 0;
  for (const block of blocks) {
    for (let h = 0; h < block.hours; h++) {
      const from = block.start + h * HOUR;
      const inHour = passages.filter((p) => !p.logged && p.at >= from && p.at < from + HOUR);
      const vehicles = noisy(rng, inHour.length, block.method);
      const exactPeople = inHour.reduce((n, p) => n + p.headcount, 0);
      // A tally counts vehicles; people are estimated from the usual occupancy.
      const people =
        block.method === 'tally'
          ? Math.round(vehicles * 4.7)
          : noisy(rng, exactPeople, block.method);
      sink.add(from + HOUR, {
        type: 'aggregate_count',
        placeId: context.placeId,
        periodStart: iso(from),
        periodEnd: iso(from + HOUR),
        direction: 'outbound',
        vehicles,
        people,
        method: block.method,
        sourceGrade: COUNT_GRADES[block.method],
        ...(block.method === 'party_report' ? { reportedByPartyId: context.partyId } : {}),
      });
      hours++;
    }
  }
  return hours;
}
