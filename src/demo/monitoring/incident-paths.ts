// The workflow each happening's incident goes through (see incidents.generator.ts): the
// explosion with its four toll versions and two corrections after publication, detentions
// linked to their held cases, the cross-channel duplicates, and the rotation of final states.
import type { IncidentState } from '../../monitoring/model/vocabulary.ts';
import type { Happening } from './happenings.generator.ts';
import { IncidentBuilder } from './incident-builder.ts';
import { incidentContent } from './incident-content.ts';
import type { ContentParts } from './incident-content.ts';
import { EXPLOSION_TOLL_STAGES } from './explosion-toll.ts';
import type { ItemBuild } from './item-ledger.ts';
import type { IncidentDraft } from './monitoring.types.ts';
import { HOUR_MS, MINUTE_MS } from './monitoring-world.ts';
import type { IncidentContext } from './incident-context.ts';
import { grade, independentSources } from './incident-context.ts';

/** A happening's incident, just opened. */
export interface OpenedHappening {
  readonly builder: IncidentBuilder;
  readonly parts: ContentParts;
  readonly happening: Happening;
  readonly items: readonly ItemBuild[];
  /** Position among the opened happenings: drives the rotation of final states. */
  readonly index: number;
  /** Opened in the last days: still in triage. */
  readonly recent: boolean;
}

/** The final states verified incidents rotate through. */
const AFTER_VERIFIED: readonly IncidentState[] = [
  'published',
  'verified',
  'cleared_for_publication',
  'published',
  'published',
];
const STILL_OPEN: readonly IncidentState[] = ['received', 'triaged', 'under_verification'];

// Counters across incidents: how many duplicates were split off and whether one was reopened.
const tallies = new WeakMap<IncidentContext, { duplicates: number; reopened: boolean }>();

function tallyOf(context: IncidentContext) {
  const tally = tallies.get(context) ?? { duplicates: 0, reopened: false };
  tallies.set(context, tally);
  return tally;
}

function confirmItems(context: IncidentContext, opened: OpenedHappening, at: number): void {
  for (const item of opened.items) {
    const kind = item.sourceId === null ? undefined : context.sources.kindOf(item.sourceId);
    if (item.status !== 'linked') continue;
    if (kind === 'party_official') {
      const reason = 'probably true; the party’s figures differ from verified counts by 10–20 %';
      grade(context, item, { credibility: 3, reason, at });
      const by = context.rng.pick(context.world.team.analysts);
      const why = 'figures repeatedly off by 10–20 % from verified counts';
      context.sources.regrade(item.sourceId ?? '', { reliability: 'D', reason: why, at, by });
    } else {
      grade(context, item, {
        credibility: kind === 'social_media' ? 2 : 1,
        reason: 'confirmed by independent sources',
        at,
      });
    }
    if (kind === 'partner_organisation' || kind === 'witness') {
      const by = context.rng.pick(context.world.team.analysts);
      const reliability = kind === 'partner_organisation' ? 'B' : 'C';
      context.sources.regrade(item.sourceId ?? '', {
        reliability,
        reason: 'reports confirmed',
        at,
        by,
      });
    }
  }
}

function explosionPath(context: IncidentContext, opened: OpenedHappening): void {
  const { builder, parts, happening, items } = opened;
  const coordinator = context.world.team.coordinators[0] ?? '';
  for (const item of items.slice(0, 3)) builder.linkItem(item);
  builder.move('triaged', 'mass-casualty event: highest priority');
  builder.move('under_verification', 'monitors sent to the hospitals and the scene');
  const [, second, third, fourth] = EXPLOSION_TOLL_STAGES;
  if (second === undefined || third === undefined || fourth === undefined) return;
  const stageAt = (hours: number) => happening.at + hours * HOUR_MS;
  const version = (tolls: ContentParts['tolls'], sources: number) =>
    incidentContent(context.world, { ...parts, tolls, sources, withSummary: true });
  builder.wait(10, 30, stageAt(second.hoursAfter));
  builder.revise(version(second.tolls, 6), second.reason);
  for (const item of items.filter((i) => i.availableAt <= builder.now)) {
    if (isUnlinked(item)) builder.linkItem(item);
  }
  builder.approve('verified', 'monitors at the scene, hospital lists and partners agree');
  confirmItems(context, opened, builder.now);
  builder.approve('cleared_for_publication', 'spot report reviewed: no names, figures verified');
  builder.move('published', 'spot report within 24 h', { by: coordinator });
  builder.wait(10, 30, stageAt(third.hoursAfter));
  builder.revise(version(third.tolls, 9), third.reason);
  builder.move('corrected', 'toll revised in a corrected spot report', { by: coordinator });
  builder.wait(10, 30, stageAt(fourth.hoursAfter));
  builder.revise(version(fourth.tolls, 12), fourth.reason);
  for (const item of items) if (isUnlinked(item)) builder.linkItem(item);
  const tracing = context.tracing.filter(
    (t) => t.at >= happening.at && t.at < happening.at + 72 * HOUR_MS,
  );
  for (const request of tracing.slice(0, 3)) {
    builder.linkCase('tracing_request', request.requestId, request.at);
  }
}

function isUnlinked(item: ItemBuild): boolean {
  return item.status !== 'linked';
}

function splitDuplicate(context: IncidentContext, opened: OpenedHappening): IncidentDraft | null {
  const tally = tallyOf(context);
  const last = opened.items[opened.items.length - 1];
  if (tally.duplicates >= 2 || opened.items.length < 3 || last === undefined) return null;
  tally.duplicates += 1;
  const { rng, world } = context;
  const duplicate = new IncidentBuilder(
    { rng, team: world.team, id: rng.uuid(), happeningId: opened.happening.id },
    {
      at: last.availableAt + rng.between(10, 40) * MINUTE_MS,
      by: rng.pick(world.team.analysts),
      content: incidentContent(world, opened.parts),
    },
  );
  duplicate.linkItem(last);
  duplicate.move('triaged', 'reported through another channel');
  duplicate.move('duplicate', 'same event, place and time as an open incident');
  if (tally.duplicates === 2) {
    duplicate.move('merged', 'merged into the open incident', { mergedInto: opened.builder.id });
  }
  return duplicate.finish();
}

function verify(context: IncidentContext, opened: OpenedHappening): void {
  const { builder, parts, happening } = opened;
  const tally = tallyOf(context);
  const later = opened.items.slice(1);
  if (!tally.reopened && later.length > 0 && opened.index > 3) {
    tally.reopened = true;
    builder.move('unverified', 'a single source so far');
    builder.wait(60, 180, Math.max(...later.map((i) => i.availableAt)));
    // The later reports reopen it (DOMAIN.md §5: unverified incidents may reopen).
    for (const item of later) builder.linkItem(item);
    builder.move('under_verification', 'reopened: new information from another source');
  }
  for (const item of opened.items) if (isUnlinked(item)) builder.linkItem(item);
  const sources = independentSources(opened.items);
  const tolls = parts.tolls;
  builder.revise(
    incidentContent(context.world, { ...parts, tolls: truthTolls(happening, tolls), sources }),
    'figures checked against independent sources',
  );
  builder.approve('verified', `${String(sources)} independent sources agree`);
  confirmItems(context, opened, builder.now);
}

function truthTolls(happening: Happening, fallback: ContentParts['tolls']): ContentParts['tolls'] {
  const one = (value: number) => ({ low: value, best: value, high: value });
  const t = happening.toll;
  return happening.subEventType === 'mass_casualty_accident'
    ? fallback
    : {
        killed: one(t.killed),
        injured: one(t.injured),
        detained: one(t.detained),
        missing: one(t.missing),
      };
}

function publish(context: IncidentContext, opened: OpenedHappening, target: IncidentState): void {
  const { builder, parts } = opened;
  if (target === 'verified') return;
  builder.revise(
    incidentContent(context.world, { ...parts, withSummary: true }),
    'public summary written',
  );
  builder.approve('cleared_for_publication', 'summary reviewed: settlement level, no names');
  if (target === 'published') {
    builder.move('published', 'daily report', { by: context.world.team.coordinators[0] ?? '' });
  }
}

function stillOpen(opened: OpenedHappening): void {
  const { builder, index, items } = opened;
  for (const item of items) builder.linkItem(item);
  const target = STILL_OPEN[index % STILL_OPEN.length] ?? 'received';
  if (target === 'received') return;
  builder.move('triaged', 'in scope');
  if (target === 'under_verification') builder.move('under_verification', 'checking with partners');
}

/**
 * Takes a happening's incident through its workflow; returns it, and a duplicate if one was
 * opened from another channel.
 *
 * @example incidents.push(...happeningPath(context, opened));
 */
export function happeningPath(context: IncidentContext, opened: OpenedHappening): IncidentDraft[] {
  const { builder, happening, index } = opened;
  if (happening.subEventType === 'mass_casualty_accident') {
    explosionPath(context, opened);
    return [builder.finish()];
  }
  if (opened.recent) {
    stillOpen(opened);
    return [builder.finish()];
  }
  const duplicate = splitDuplicate(context, opened);
  const items = duplicate === null ? opened.items : opened.items.slice(0, -1);
  const own = { ...opened, items };
  const firstItem = items[0];
  if (firstItem !== undefined) builder.linkItem(firstItem);
  builder.move('triaged', 'in scope: corridor incident');
  builder.move('under_verification', 'seeking independent confirmation');
  if (independentSources(items) < 2) {
    // Linked first: new information on an unverified incident would reopen it.
    for (const item of items) if (isUnlinked(item)) builder.linkItem(item);
    builder.move('unverified', 'a single source; kept, not deleted');
    const reason = 'possibly true; single source';
    for (const item of items) grade(context, item, { credibility: 3, reason, at: builder.now });
  } else {
    verify(context, own);
    const detention = happening.heldCaseId !== undefined;
    const target = detention
      ? index % 2 === 0
        ? 'verified'
        : 'cleared_for_publication'
      : (AFTER_VERIFIED[index % AFTER_VERIFIED.length] ?? 'verified');
    publish(context, own, target);
  }
  if (happening.heldCaseId !== undefined) {
    builder.linkCase('held_case', happening.heldCaseId, happening.at);
  }
  return duplicate === null ? [builder.finish()] : [builder.finish(), duplicate];
}
