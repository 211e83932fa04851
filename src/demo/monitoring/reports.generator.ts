// Reports about what happened, through the mission's monitors (device-signed observations),
// partner organisations and residents (some anonymous), and the media-monitoring imports: the
// parties' statements (their counts off by 10–20 %, DOMAIN.md §7) and social-media posts, of
// which 30–50 % cannot be verified and about 10 % are false or misattributed.
import { TOLL_KINDS } from '../../monitoring/model/vocabulary.ts';
import type { TollKind } from '../../monitoring/model/vocabulary.ts';
import type { Random } from '../random.ts';
import type { Script } from '../scenario.types.ts';
import type { Happening } from './happenings.generator.ts';
import { EXPLOSION_TOLL_STAGES, tollKnownAt } from './explosion-toll.ts';
import type { ImportSchedule } from './bulk-imports.generator.ts';
import { importCollector, lastImportAt } from './bulk-imports.generator.ts';
import type { ItemLedger, Rumour, Topic } from './item-ledger.ts';
import { OPEN_ACCESS, framedAccount, residentAccount } from './item-ledger.ts';
import type { ReportedFigures, SubEventType } from './monitoring.types.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayTime } from './monitoring-world.ts';
import { OBSERVATION_FRAMES, PARTY_FRAMES, POST_FRAMES } from './monitoring-text.data.ts';
import type { SourceBook } from './sources.generator.ts';

/** Everything a report generator uses. */
export interface ReportContext {
  readonly world: MonitoringWorld;
  readonly rng: Random;
  readonly ledger: ItemLedger;
  readonly sources: SourceBook;
  readonly imports: ImportSchedule;
}

const RESIDENT_LANGUAGES: readonly Script[] = ['hy', 'ru', 'en', 'az'];
const RESIDENT_WEIGHTS: readonly number[] = [55, 30, 10, 5];

/** The figures known about `happening` at `at` (the explosion's toll grew for days). */
export function figuresAt(happening: Happening, at: number): ReportedFigures {
  if (happening.subEventType === 'mass_casualty_accident') {
    const { tolls } = tollKnownAt(happening.at, at);
    return { killed: tolls.killed.best, injured: tolls.injured.best, missing: tolls.missing.best };
  }
  const figures: Partial<Record<TollKind, number>> = {};
  for (const kind of TOLL_KINDS) {
    if (happening.toll[kind] > 0) figures[kind] = happening.toll[kind];
  }
  return figures;
}

/** A party's figure: off by 10–20 % either way. */
export function partyFigure(rng: Random, value: number): number {
  const off = rng.between(0.1, 0.2) * (rng.chance(0.5) ? -1 : 1);
  return Math.max(0, Math.round(value * (1 + off)));
}

function headline(figures: ReportedFigures): string {
  return String(figures.killed ?? figures.injured ?? figures.detained ?? 1);
}

function delay(rng: Random, happening: Happening): number {
  const median = happening.subEventType === 'mass_casualty_accident' ? 0.5 : 4;
  return Math.min(rng.lognormalFromQuantiles(median, median * 8), 48) * HOUR_MS;
}

function monitorReport(context: ReportContext, happening: Happening, at: number): void {
  const { rng, world, ledger, sources } = context;
  const login = rng.pick(world.team.monitors);
  const figures = figuresAt(happening, at);
  ledger.add({
    channel: 'monitor_observation',
    sourceId: sources.monitors.get(login) ?? null,
    proximity: rng.chance(0.7) ? 'eyewitness' : 'hearsay',
    language: 'en',
    account: framedAccount(rng, OBSERVATION_FRAMES.slice(0, 1), happening, {
      n: headline(figures),
    }),
    receivedAt: at,
    occurredAt: happening.at,
    place: happening.place,
    eventType: happening.subEventType,
    collectedBy: { kind: 'device', login },
    access: { ...OPEN_ACCESS, privateInterview: rng.chance(0.7) },
    figures,
    truth: 'accurate',
    happening,
    rumour: null,
  });
}

function partnerReport(context: ReportContext, happening: Happening, at: number): void {
  const { rng, world, ledger, sources } = context;
  const partner = rng.pick(world.team.partners);
  const figures = figuresAt(happening, at);
  ledger.add({
    channel: 'partner_report',
    sourceId: sources.partners.get(partner) ?? null,
    proximity: 'hearsay',
    language: 'en',
    account: framedAccount(rng, OBSERVATION_FRAMES.slice(2), happening, { n: headline(figures) }),
    receivedAt: at,
    occurredAt: happening.at,
    place: happening.place,
    eventType: happening.subEventType,
    collectedBy: { kind: 'partner', name: partner },
    figures,
    truth: 'accurate',
    happening,
    rumour: null,
  });
}

/** What a report is about: something that happened, or a rumour. */
type About =
  | { readonly happening: Happening; readonly rumour: null }
  | { readonly happening: null; readonly rumour: Rumour };

function topicOf(about: About): Topic {
  return about.happening ?? about.rumour;
}

function residentReport(context: ReportContext, about: About, at: number): void {
  const { rng, world, ledger, sources } = context;
  const language = rng.pickWeighted(RESIDENT_LANGUAGES, RESIDENT_WEIGHTS);
  const anonymous = rng.chance(0.35);
  const { happening, rumour } = about;
  const topic = topicOf(about);
  const figures = happening === null ? {} : figuresAt(happening, at);
  const kind = rng.pickWeighted(['witness', 'resident', 'victim_or_relative'] as const, [5, 3, 2]);
  const added = { at, by: rng.pick(world.team.analysts) };
  ledger.add({
    channel: 'resident_report',
    sourceId: anonymous ? null : sources.person(kind, added),
    proximity: rng.chance(0.6) ? 'eyewitness' : 'hearsay',
    language,
    account: residentAccount(rng, language, topic, Number(headline(figures))),
    receivedAt: at,
    occurredAt: topic.at,
    place: topic.place,
    eventType: topic.subEventType,
    collectedBy: anonymous ? { kind: 'anonymous' } : { kind: 'staff', login: added.by },
    anonymous,
    figures,
    truth: rumour === null ? 'accurate' : rumour.truth,
    happening,
    rumour,
  });
}

function partyStatement(context: ReportContext, happening: Happening, at: number): void {
  const { rng, world, ledger, sources, imports } = context;
  if (at >= lastImportAt(imports)) return;
  const partyId = happening.partyId ?? world.partyByRole.origin_authority.id;
  const party = world.parties.find((p) => p.id === partyId);
  const known = figuresAt(happening, at);
  const figures: Partial<Record<TollKind, number>> = {};
  for (const kind of TOLL_KINDS) {
    const value = known[kind];
    if (value !== undefined) figures[kind] = partyFigure(rng, value);
  }
  ledger.add({
    channel: 'bulk_import',
    sourceId: sources.officials.get(partyId) ?? null,
    proximity: 'documentary',
    language: 'en',
    account: framedAccount(rng, PARTY_FRAMES, happening, {
      party: party?.name ?? 'a party',
      n: headline(figures),
    }),
    receivedAt: at,
    occurredAt: happening.at,
    place: happening.place,
    eventType: happening.subEventType,
    collectedBy: importCollector(imports, at),
    figures,
    truth: 'accurate',
    happening,
    rumour: null,
  });
}

/**
 * The reports about each happening: `reach` of them from different channels, the first within
 * hours; the explosion also draws a party statement at each stage of its toll.
 *
 * @example reportHappenings(context, happenings);
 */
export function reportHappenings(context: ReportContext, happenings: readonly Happening[]): void {
  const { rng } = context;
  const atMission = new Set([context.world.checkpoint.id, context.world.humanitarianCentre.id]);
  for (const happening of happenings) {
    let at = happening.at + delay(rng, happening);
    for (let i = 0; i < happening.reach; i++) {
      const seen = atMission.has(happening.place.id) && i === 0;
      const channel = seen
        ? 'monitor'
        : rng.pickWeighted(['monitor', 'partner', 'resident'], [2, 3, 4]);
      if (channel === 'monitor') monitorReport(context, happening, at);
      else if (channel === 'partner') partnerReport(context, happening, at);
      else residentReport(context, { happening, rumour: null }, at);
      at += rng.between(10, happening.reach > 6 ? 180 : 900) * MINUTE_MS;
    }
    if (happening.subEventType === 'mass_casualty_accident') {
      for (const stage of EXPLOSION_TOLL_STAGES) {
        partyStatement(context, happening, happening.at + (stage.hoursAfter + 0.5) * HOUR_MS);
      }
    } else if (happening.partyId !== null && rng.chance(0.3)) {
      partyStatement(context, happening, at + rng.between(2, 20) * HOUR_MS);
    }
  }
}

/** Rumours: a place, a time and a sub-type with nothing real behind them. */
function makeRumour(context: ReportContext, truth: Rumour['truth'], kind: SubEventType): Rumour {
  const { rng, world } = context;
  const first = dayTime(world, -2, 0);
  return {
    id: rng.uuid(),
    subEventType: kind,
    at: first + rng.float() * (lastImportAt(context.imports) - first - DAY_MS),
    place: rng.pick([...world.settlements, ...world.exitPosts, world.checkpoint]),
    truth,
  };
}

function post(context: ReportContext, about: About): void {
  const { rng, ledger, sources, imports } = context;
  const { happening, rumour } = about;
  const topic = topicOf(about);
  const truth = rumour === null ? 'accurate' : rumour.truth;
  const at = Math.min(topic.at + rng.between(0.2, 12) * HOUR_MS, lastImportAt(imports) - 1);
  const shown = truth === 'false' ? 'Unknown' : String(rng.int(2, 40));
  ledger.add({
    channel: 'bulk_import',
    sourceId: rng.pick(sources.socialMedia),
    proximity: 'hearsay',
    language: rng.pickWeighted(['hy', 'ru', 'en'] as const, [5, 3, 2]),
    account: framedAccount(rng, POST_FRAMES, topic, { n: shown }),
    receivedAt: at,
    occurredAt: topic.at,
    place: topic.place,
    eventType: topic.subEventType,
    collectedBy: importCollector(imports, at),
    figures: {},
    truth,
    happening,
    rumour,
  });
}

/**
 * Social-media posts with the noise of DOMAIN.md §7, and a few residents repeating rumours.
 * Unverifiable and false posts come in clusters about the same rumour, as they spread.
 *
 * @example const rumours = reportSocialMedia(context, happenings);
 */
export function reportSocialMedia(
  context: ReportContext,
  happenings: readonly Happening[],
): Rumour[] {
  const { rng } = context;
  const total = rng.int(90, 110);
  const unverifiable = Math.round(total * rng.between(0.34, 0.46));
  const wrong = Math.round(total * rng.between(0.08, 0.12));
  const rumours: Rumour[] = [];
  const kinds = [
    'firing_near_corridor',
    'checkpoint_detention',
    'checkpoint_ill_treatment',
  ] as const;
  const spread = (count: number, truth: Rumour['truth']) => {
    let left = count;
    while (left > 0) {
      const rumour = makeRumour(context, truth, rng.pick(kinds));
      rumours.push(rumour);
      const size = Math.min(left, rng.int(1, 4));
      for (let i = 0; i < size; i++) post(context, { happening: null, rumour });
      left -= size;
    }
  };
  spread(unverifiable, 'unverifiable');
  spread(Math.ceil(wrong / 2), 'false');
  spread(Math.floor(wrong / 2), 'misattributed');
  const visible = happenings.filter((h) => h.at < lastImportAt(context.imports) - DAY_MS);
  const weights = visible.map((h) => h.reach * h.reach);
  for (let i = 0; i < total - unverifiable - wrong; i++) {
    post(context, { happening: rng.pickWeighted(visible, weights), rumour: null });
  }
  for (const rumour of rumours.filter((r) => r.truth === 'unverifiable').slice(0, 4)) {
    residentReport(context, { happening: null, rumour }, rumour.at + rng.between(1, 6) * HOUR_MS);
  }
  return rumours;
}
