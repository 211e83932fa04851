// The fuel-depot explosion's toll as it became known (DOMAIN.md §5: 20 → 68 → 170 → 218 killed),
// with the injured and the missing of each stage: the first reports counted the dead found at
// the scene; about a hundred were reported missing the next morning and most were later found
// among the dead.
import type { TollKind } from '../../monitoring/model/vocabulary.ts';
import type { TollRange } from './monitoring.types.ts';
import { HOUR_MS } from './monitoring-world.ts';

/** One stage of what was known, from `hoursAfter` the explosion on. */
export interface TollStage {
  readonly hoursAfter: number;
  readonly tolls: Readonly<Record<TollKind, TollRange>>;
  readonly reason: string;
}

const range = (low: number, best: number, high: number): TollRange => ({ low, best, high });
const ZERO = range(0, 0, 0);

/** The four versions of the toll; killed best is exactly 20, 68, 170, 218. */
export const EXPLOSION_TOLL_STAGES: readonly TollStage[] = [
  {
    hoursAfter: 1.5,
    tolls: {
      killed: range(20, 20, 30),
      injured: range(120, 200, 290),
      detained: ZERO,
      missing: ZERO,
    },
    reason: 'first figures from the scene',
  },
  {
    hoursAfter: 15,
    tolls: {
      killed: range(60, 68, 80),
      injured: range(250, 290, 300),
      detained: ZERO,
      missing: range(90, 105, 120),
    },
    reason: 'hospital lists and families reporting relatives missing',
  },
  {
    hoursAfter: 44,
    tolls: {
      killed: range(160, 170, 190),
      injured: range(240, 280, 290),
      detained: ZERO,
      missing: range(40, 48, 60),
    },
    reason: 'remains identified at the scene; missing found among the dead',
  },
  {
    hoursAfter: 90,
    tolls: {
      killed: range(210, 218, 225),
      injured: range(120, 150, 290),
      detained: ZERO,
      missing: range(0, 2, 5),
    },
    reason: 'final figures after identification; injured discharged recounted',
  },
];

/** The stage known at `at` (the first one before it was known at all). */
export function tollKnownAt(explosionAt: number, at: number): TollStage {
  let known = EXPLOSION_TOLL_STAGES[0];
  for (const stage of EXPLOSION_TOLL_STAGES) {
    if (at >= explosionAt + stage.hoursAfter * HOUR_MS) known = stage;
  }
  if (known === undefined) throw new RangeError('no toll stages');
  return known;
}
