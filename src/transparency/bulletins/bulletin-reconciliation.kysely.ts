// The raw reconciliation of a daily report (DOMAIN.md §4: departed = arrived + held + turned
// back + died + unaccounted, plus en route before everyone is in), counted with SQL. The people are those who departed in the
// reporting day [from, to) — a cohort no other day's report counts — each placed where they
// stood at the cut-off `to`: the state their journey had after its last transition before the
// cut-off (journey_event), so that a report drafted again later, or the demo drafting every day
// after loading the whole scenario, still describes the day as it was at its cut-off. Someone
// still on the road at the cut-off is en route while within their expected arrival time and
// unaccounted after it (the pure model's rule, model/reconciliation.ts). Raw counts never leave
// this slice unprotected: bulletin-reconciliation.ts discloses them.
import type { Kysely } from 'kysely';
import { journeyOutcomeOf } from '../../passage/model/journey-outcome.ts';
import type { JourneyState } from '../../passage/model/states.ts';
import type { Database } from '../../store/schema.ts';
import type { CountPeriod } from './bulletin-counts.kysely.ts';

/** Where the people who departed in a day stood at its cut-off; they add up to `departed`. */
export interface ReconciliationCounts {
  arrived: number;
  held: number;
  turnedBack: number;
  died: number;
  /** On the road at the cut-off and still within their expected arrival time. */
  enRoute: number;
  /** On the road past their expected arrival time (or with none), or in a state not known. */
  unaccounted: number;
}

/** Every count at zero. */
export function noReconciliation(): ReconciliationCounts {
  return { arrived: 0, held: 0, turnedBack: 0, died: 0, enRoute: 0, unaccounted: 0 };
}

/** The people counted: every column added up. */
export function departedOf(counts: ReconciliationCounts): number {
  return (
    counts.arrived +
    counts.held +
    counts.turnedBack +
    counts.died +
    counts.enRoute +
    counts.unaccounted
  );
}

/** A journey state at the cut-off, whether its expected arrival was still ahead, how many. */
interface StateCount {
  state: JourneyState;
  within: number | string;
  people: number | string;
}

/** Adds `people` in `state` at the cut-off to their column (not departed: none). */
function place(counts: ReconciliationCounts, row: StateCount): void {
  const people = Number(row.people);
  // A state this version does not know (a row written by a newer one) is counted, not hidden.
  switch (journeyOutcomeOf(row.state)) {
    case 'not_departed':
      return;
    case 'arrived':
      counts.arrived += people;
      return;
    case 'held':
      counts.held += people;
      return;
    case 'turned_back':
      counts.turnedBack += people;
      return;
    case 'died':
      counts.died += people;
      return;
    case 'en_route':
      if (Number(row.within) === 1) {
        counts.enRoute += people;
        return;
      }
      break;
    case undefined:
      break;
  }
  counts.unaccounted += people;
}

/**
 * The reconciliation of the people who departed in `period`, as of its end. One statement:
 * each journey's state at the cut-off is the last transition before it, else the state before
 * its first transition (a journey never moved since: its stored state).
 *
 * @example departedOf(await countReconciliation(db, { from, to }))
 */
export async function countReconciliation(
  db: Kysely<Database>,
  period: CountPeriod,
): Promise<ReconciliationCounts> {
  const rows = await db
    .selectFrom((outer) =>
      outer
        .selectFrom('journey as j')
        .select((eb) => [
          eb.fn
            .coalesce(
              eb
                .selectFrom('journey_event as e')
                .select('e.to_state')
                .whereRef('e.journey_id', '=', 'j.id')
                .where('e.at', '<', period.to)
                .orderBy('e.version', 'desc')
                .limit(1),
              eb
                .selectFrom('journey_event as f')
                .select('f.from_state')
                .whereRef('f.journey_id', '=', 'j.id')
                .orderBy('f.version', 'asc')
                .limit(1),
              'j.state',
            )
            .as('state'),
          // Text instants compare as times (ISO-8601 UTC); no expected time compares false.
          eb.case().when('j.expected_by', '>=', period.to).then(1).else(0).end().as('within'),
        ])
        .where('j.departed_at', '>=', period.from)
        .where('j.departed_at', '<', period.to)
        .as('cohort'),
    )
    .select((eb) => ['state', 'within', eb.fn.countAll<number | string>().as('people')])
    .groupBy(['state', 'within'])
    .execute();
  const counts = noReconciliation();
  for (const row of rows) place(counts, row);
  return counts;
}
