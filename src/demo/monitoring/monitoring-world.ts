// What every part of the monitoring generator sees: the passage scenario's parties, places, staff
// and D0, and helpers for times relative to D0. Each part draws from its own named random
// stream (forked from the scenario's seed), so changing one part does not reshuffle another.
import { Random } from '../random.ts';
import type { Party, Place, Scenario } from '../scenario.types.ts';
import type { StaffLogin } from './monitoring.types.ts';

/** Milliseconds per minute, hour and day. */
export const MINUTE_MS = 60_000;
/** Milliseconds per hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds per day. */
export const DAY_MS = 86_400_000;

/** First and last day (relative to D0) the monitoring data covers. */
export const MONITORING_DAYS = { first: -5, last: 12 } as const;

/** What the monitoring generator reads from the passage scenario. */
export type MonitoringInput = Pick<Scenario, 'meta' | 'parties' | 'places' | 'staff' | 'events'>;

/** Staff logins by role, as the passage scenario generated them. */
export interface DemoTeam {
  readonly analysts: readonly StaffLogin[];
  readonly coordinators: readonly StaffLogin[];
  readonly monitors: readonly StaffLogin[];
  readonly hotline: readonly StaffLogin[];
  /** Partner organisations' names (their bearer tokens carry these names). */
  readonly partners: readonly string[];
}

/** The shared view of the world. */
export interface MonitoringWorld {
  readonly root: Random;
  readonly d0: number;
  readonly parties: readonly Party[];
  /** Origin authority, checkpoint authority, host authority. */
  readonly partyByRole: Readonly<Record<Party['role'], Party>>;
  readonly places: readonly Place[];
  readonly settlements: readonly Place[];
  readonly exitPosts: readonly Place[];
  readonly checkpoint: Place;
  readonly receptionPoint: Place;
  readonly humanitarianCentre: Place;
  readonly team: DemoTeam;
}

function onlyOne<T>(items: readonly T[], what: string): T {
  const [item] = items;
  if (item === undefined) throw new RangeError(`the scenario has no ${what}`);
  return item;
}

function logins(input: MonitoringInput, role: string): StaffLogin[] {
  const found = input.staff.filter((s) => s.role === role).map((s) => s.login);
  if (found.length === 0) throw new RangeError(`the scenario has no ${role}`);
  return found;
}

function partyWithRole(parties: readonly Party[], role: Party['role']): Party {
  return onlyOne(
    parties.filter((p) => p.role === role),
    role,
  );
}

/**
 * The world of one passage scenario.
 *
 * @example const world = monitoringWorld(scenario);
 */
export function monitoringWorld(input: MonitoringInput): MonitoringWorld {
  const { places, parties } = input;
  const ofKind = (kind: Place['kind']) => places.filter((p) => p.kind === kind);
  const team: DemoTeam = {
    analysts: logins(input, 'analyst'),
    coordinators: logins(input, 'coordinator'),
    monitors: logins(input, 'monitor'),
    hotline: logins(input, 'hotline'),
    partners: input.staff.filter((s) => s.role === 'partner').map((s) => s.name),
  };
  if (team.analysts.length + team.coordinators.length < 2) {
    throw new RangeError('two-person steps need two different analysts or coordinators');
  }
  return {
    root: Random.fromSeed(input.meta.seed).fork('monitoring'),
    d0: Date.parse(input.meta.start),
    parties,
    partyByRole: {
      origin_authority: partyWithRole(parties, 'origin_authority'),
      checkpoint_authority: partyWithRole(parties, 'checkpoint_authority'),
      host_authority: partyWithRole(parties, 'host_authority'),
    },
    places,
    settlements: ofKind('settlement'),
    exitPosts: ofKind('exit_post'),
    checkpoint: onlyOne(ofKind('checkpoint'), 'checkpoint'),
    receptionPoint: onlyOne(ofKind('reception_point'), 'reception point'),
    humanitarianCentre: onlyOne(ofKind('humanitarian_centre'), 'humanitarian centre'),
    team,
  };
}

/** ISO time of a millisecond instant. */
export function isoAt(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** The instant `day` days and `hours` hours after D0, in ms. */
export function dayTime(world: Pick<MonitoringWorld, 'd0'>, day: number, hours: number): number {
  return world.d0 + day * DAY_MS + hours * HOUR_MS;
}

/**
 * Two different people for a two-person step: an analyst proposes, a coordinator confirms
 * (DOMAIN.md §5: verified and cleared for publication need two different users).
 */
export function twoPeople(rng: Random, team: DemoTeam): [StaffLogin, StaffLogin] {
  const first = rng.pick(team.analysts);
  const second = rng.pick(team.coordinators.filter((login) => login !== first));
  return [first, second];
}
