// The checkpoint roster: what a monitor's device downloads while it has signal so that, offline
// at a checkpoint, a household's QR code — its reference code alone (reference-qr.ts) — leads to
// the household's journeys that a checkpoint passage can still move.
//
// The codes are the households' secrets (with a birth year they open the family status look-up
// and the portal check-in), so the roster never carries one. Each household is listed under a
// tag: the first TAG_BYTES bytes of HMAC-SHA-256, under a key drawn for this answer only, of its
// normalised code; the device computes the same tag of the code it scans. Forty bits tell tens of
// thousands of households apart (two sharing a tag is rare, and the device then shows both),
// while a lost device's roster still leaves 20 of a code's 60 random bits unknown: a million
// candidate codes per household, to be tried against a look-up that allows ten tries a minute
// and locks a code after five wrong birth years. A fresh key per answer keeps two downloads from
// being linked tag by tag.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { canTransition } from '../../model/journey.machine.ts';
import { JOURNEY_STATES } from '../../model/states.ts';
import type { JourneyState } from '../../model/states.ts';

/** Bytes of the HMAC kept as a household's tag. */
export const TAG_BYTES = 5;

/** Bytes of the per-answer HMAC key. */
const KEY_BYTES = 32;

/**
 * Journey states a checkpoint passage can still move: on the road (passed, boarded, released),
 * or not yet departed (listed, no_show), which a passage boards first (journey-change.ts).
 */
export const ROSTER_STATES: readonly JourneyState[] = JOURNEY_STATES.filter(
  (state) => state === 'listed' || state === 'no_show' || canTransition(state, 'passed'),
);

/** One journey of a listed household: ids, state, sex and age band; never identity. */
export interface RosterJourney {
  journeyId: string;
  state: JourneyState;
  sex: string | null;
  ageBand: string | null;
}

/** One household of the roster, under its tag. */
export interface RosterHousehold {
  tag: string;
  journeys: RosterJourney[];
}

/** The roster as answered. */
export interface CheckpointRoster {
  /** base64 of the HMAC key of this answer. */
  key: string;
  tagBytes: number;
  generatedAt: string;
  households: RosterHousehold[];
}

/** What the roster service needs. */
export interface CheckpointRosterDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Draws the per-answer key (tests fix it); default node:crypto. */
  randomBytes?: (size: number) => Uint8Array;
}

/**
 * The tag of normalised reference code `code` under `key`: hex of the first TAG_BYTES bytes of
 * HMAC-SHA-256(key, UTF-8 of the code).
 *
 * @example rosterTag(key, 'K3F9-0QZT-7M2A-W') // '9c01d2aa7e'
 */
export function rosterTag(key: Uint8Array, code: string): string {
  return createHmac('sha256', key)
    .update(code, 'utf8')
    .digest()
    .subarray(0, TAG_BYTES)
    .toString('hex');
}

/** Builds checkpoint rosters. */
export class CheckpointRosterService {
  readonly #deps: CheckpointRosterDeps;

  constructor(deps: CheckpointRosterDeps) {
    this.#deps = deps;
  }

  /** Every household with a journey in ROSTER_STATES, under a key drawn for this answer. */
  async roster(): Promise<CheckpointRoster> {
    const draw = this.#deps.randomBytes ?? ((size: number) => new Uint8Array(randomBytes(size)));
    const key = draw(KEY_BYTES);
    const rows = await this.#deps.db
      .selectFrom('journey')
      .innerJoin('household', 'household.id', 'journey.household_id')
      .select([
        'household.id as householdId',
        'household.reference_code as code',
        'journey.id as journeyId',
        'journey.state as state',
        'journey.sex as sex',
        'journey.age_band as ageBand',
      ])
      .where('journey.state', 'in', ROSTER_STATES)
      .orderBy('household.id')
      .orderBy('journey.id')
      .execute();
    const households: RosterHousehold[] = [];
    let current: { id: string; household: RosterHousehold } | undefined;
    for (const row of rows) {
      if (current?.id !== row.householdId) {
        current = {
          id: row.householdId,
          household: { tag: rosterTag(key, row.code), journeys: [] },
        };
        households.push(current.household);
      }
      const { journeyId, state, sex, ageBand } = row;
      current.household.journeys.push({ journeyId, state, sex, ageBand });
    }
    return {
      key: Buffer.from(key).toString('base64'),
      tagBytes: TAG_BYTES,
      generatedAt: this.#deps.now().toISOString(),
      households,
    };
  }
}
