// The mission's patrols (DOMAIN.md §1, §5: planned → notified → deployed → on_task →
// (restricted) → returned | aborted): a day patrol every day and night patrols through the peak,
// each with a device-signed patrol report on return, and the restrictions the parties put on
// the mission's own movement — denial, conditional access, delay, other impediment — recorded
// as events in their own right (a patrol stopped, or the monitors posted at the checkpoint).
import type { Random } from '../random.ts';
import type { Place } from '../scenario.types.ts';
import type { Happening } from './happenings.generator.ts';
import { controllerAt } from './happenings.generator.ts';
import type { ItemBuild } from './item-ledger.ts';
import { OPEN_ACCESS, framedAccount } from './item-ledger.ts';
import type { AccessConditions } from './monitoring.types.ts';
import type {
  Impediment,
  PatrolDraft,
  PatrolState,
  RestrictionDraft,
  RestrictionKind,
} from './operations.types.ts';
import type { ReportContext } from './reports.generator.ts';
import { figuresAt } from './reports.generator.ts';
import { HOUR_MS, MINUTE_MS, MONITORING_DAYS, dayTime, isoAt } from './monitoring-world.ts';
import {
  IMPEDIMENT_TEXT,
  OBSERVATION_FRAMES,
  RESTRICTION_TEXT,
  ROUTINE_FRAMES,
  fill,
} from './monitoring-text.data.ts';

/** Patrols, restrictions and the patrol reports' items. */
export interface PatrolsResult {
  readonly patrols: PatrolDraft[];
  readonly restrictions: RestrictionDraft[];
  /** Routine observations (no incident), for the commitment register's compliance links. */
  readonly routine: ItemBuild[];
}

const KINDS: readonly RestrictionKind[] = [
  'denial',
  'conditional_access',
  'delay',
  'other_impediment',
];
const IMPEDIMENTS: readonly Impediment[] = [
  'mines',
  'jamming',
  'escort_imposed',
  'private_interview_refused',
];

interface PatrolPlan {
  readonly day: number;
  readonly night: boolean;
}

function restriction(
  context: ReportContext,
  at: { place: Place; start: number; patrolId: string | null },
  kind: RestrictionKind,
): RestrictionDraft {
  const { rng, world } = context;
  const partyId = controllerAt(world, at.place, at.start);
  const party = world.parties.find((p) => p.id === partyId);
  const impediment = kind === 'other_impediment' ? rng.pick(IMPEDIMENTS) : undefined;
  const delayMinutes = kind === 'delay' ? rng.int(20, 180) : undefined;
  const lasted = (delayMinutes ?? rng.int(30, 240)) * MINUTE_MS;
  const description = fill(RESTRICTION_TEXT[kind], {
    place: at.place.names.en,
    party: party?.name ?? 'a party',
    n: String(delayMinutes ?? 0),
    impediment: impediment === undefined ? '' : IMPEDIMENT_TEXT[impediment],
  });
  return {
    id: rng.uuid(),
    kind,
    ...(impediment === undefined ? {} : { impediment }),
    ...(delayMinutes === undefined ? {} : { delayMinutes }),
    placeId: at.place.id,
    imposedByPartyId: partyId,
    patrolId: at.patrolId,
    startedAt: isoAt(at.start),
    endedAt: isoAt(at.start + lasted),
    description,
    recordedAt: isoAt(at.start + lasted + rng.between(10, 60) * MINUTE_MS),
    recordedBy: rng.pick(world.team.monitors),
  };
}

function accessAfter(kind: RestrictionKind | null): AccessConditions {
  if (kind === 'denial') return { privateInterview: false, escorted: false, placeDenied: true };
  if (kind === 'conditional_access')
    return { privateInterview: false, escorted: true, placeDenied: false };
  return OPEN_ACCESS;
}

function patrolReport(
  context: ReportContext,
  patrol: { id: string; code: string; place: Place; at: number; leader: string },
  found: { happening: Happening | undefined; restricted: RestrictionKind | null },
): ItemBuild {
  const { rng, ledger, sources } = context;
  const { happening } = found;
  const topic = happening ?? {
    id: patrol.id,
    subEventType: 'restriction_of_monitors' as const,
    at: patrol.at,
    place: patrol.place,
  };
  const frames = happening === undefined ? ROUTINE_FRAMES : OBSERVATION_FRAMES.slice(1, 2);
  const figures = happening === undefined ? {} : figuresAt(happening, patrol.at);
  return ledger.add({
    channel: 'patrol_report',
    sourceId: sources.monitors.get(patrol.leader) ?? null,
    proximity: happening === undefined ? 'eyewitness' : 'hearsay',
    language: 'en',
    account: framedAccount(rng, frames, topic, {
      patrol: patrol.code,
      n: String(figures.killed ?? rng.int(5, 60)),
    }),
    receivedAt: patrol.at,
    occurredAt: happening?.at ?? patrol.at,
    place: patrol.place,
    eventType: happening?.subEventType ?? null,
    collectedBy: { kind: 'device', login: patrol.leader },
    access: accessAfter(found.restricted),
    figures,
    truth: 'accurate',
    happening: happening ?? null,
    rumour: null,
    patrolId: patrol.id,
  });
}

function runPatrol(context: ReportContext, plan: PatrolPlan, happenings: readonly Happening[]) {
  const { rng, world } = context;
  const id = rng.uuid();
  const base = dayTime(world, plan.day, plan.night ? 20 : 7);
  const code = `${plan.night ? 'NP' : 'DP'}-${isoAt(base).slice(5, 10)}`;
  const places = rng
    .shuffle([
      world.checkpoint,
      world.humanitarianCentre,
      ...world.exitPosts,
      ...world.settlements.slice(0, 4),
    ])
    .slice(0, 2);
  const team = rng.shuffle([...world.team.monitors]).slice(0, 2);
  const leader = team[0] ?? '';
  const place = places[0] ?? world.checkpoint;
  const states: { state: PatrolState; at: number }[] = [
    { state: 'planned', at: base - (plan.night ? 8 : 14) * HOUR_MS },
    { state: 'notified', at: base - 1 * HOUR_MS },
    { state: 'deployed', at: base },
    { state: 'on_task', at: base + rng.between(1, 2) * HOUR_MS },
  ];
  const restricted = rng.chance(0.35) ? rng.pickWeighted(KINDS, [3, 2, 4, 2]) : null;
  const restrictions: RestrictionDraft[] = [];
  let end = base + rng.between(8, 10) * HOUR_MS;
  if (restricted !== null) {
    const start = base + rng.between(2, 4) * HOUR_MS;
    states.push({ state: 'restricted', at: start });
    restrictions.push(restriction(context, { place, start, patrolId: id }, restricted));
    end = Math.max(end, start + HOUR_MS);
  }
  const aborted = restricted === 'denial' && rng.chance(0.5);
  states.push({ state: aborted ? 'aborted' : 'returned', at: end });
  const visited = happenings.find(
    (h) => places.some((p) => p.id === h.place.id) && h.at < end && h.at > end - 36 * HOUR_MS,
  );
  const item = patrolReport(
    context,
    { id, code, place, at: end + 30 * MINUTE_MS, leader },
    { happening: visited, restricted },
  );
  const patrol: PatrolDraft = {
    id,
    code,
    placeIds: places.map((p) => p.id),
    team,
    night: plan.night,
    states: states.map((s) => ({ state: s.state, at: isoAt(s.at) })),
    finalState: aborted ? 'aborted' : 'returned',
  };
  return { patrol, restrictions, item: visited === undefined ? item : null };
}

// The monitors posted at the checkpoint meet each kind of restriction at least once.
function stationRestrictions(context: ReportContext, rng: Random): RestrictionDraft[] {
  const { world } = context;
  const extra = Array.from({ length: rng.int(1, 4) }, () => rng.pickWeighted(KINDS, [1, 2, 3, 3]));
  return [...KINDS, ...extra].map((kind) => {
    const start = dayTime(world, rng.int(0, 8), rng.between(6, 20));
    return restriction(context, { place: world.checkpoint, start, patrolId: null }, kind);
  });
}

/**
 * The patrols from D−3 (day) and through the peak (night), their restrictions and reports.
 *
 * @example const { patrols, restrictions, routine } = generatePatrols(context, happenings);
 */
export function generatePatrols(
  context: ReportContext,
  happenings: readonly Happening[],
): PatrolsResult {
  const plans: PatrolPlan[] = [];
  for (let day = MONITORING_DAYS.first + 2; day < MONITORING_DAYS.last; day++) {
    plans.push({ day, night: false });
    if (day >= 0 && day <= 6) plans.push({ day, night: true });
  }
  const runs = plans.map((plan) => runPatrol(context, plan, happenings));
  const restrictions = [
    ...runs.flatMap((r) => r.restrictions),
    ...stationRestrictions(context, context.rng),
  ];
  return {
    patrols: runs.map((r) => r.patrol),
    restrictions: restrictions.sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    routine: runs.flatMap((r) => (r.item === null ? [] : [r.item])),
  };
}
