// Incidents from the reports, taken through the verification workflow as analysts would: what
// two independent sources confirm is verified (two people), cleared and published in turns;
// single-source incidents stay unverified (one is reopened by a later report and verified);
// false rumours are discounted; a misattributed video is published and then retracted; a
// cross-channel duplicate is merged; the last days' incidents are still in triage. Every state
// of DOMAIN.md §5 occurs at least once.
import type { Happening } from './happenings.generator.ts';
import { IncidentBuilder } from './incident-builder.ts';
import { incidentContent, tollsFrom } from './incident-content.ts';
import type { ContentParts } from './incident-content.ts';
import type { ItemBuild, Rumour } from './item-ledger.ts';
import type { IncidentDraft } from './monitoring.types.ts';
import { MINUTE_MS, dayTime } from './monitoring-world.ts';
import { happeningPath } from './incident-paths.ts';
import type { IncidentContext } from './incident-context.ts';
import { grade } from './incident-context.ts';
import { OUT_OF_SCOPE_ACCOUNTS, fill } from './monitoring-text.data.ts';

/** Incidents still in triage or verification when the data ends (one per open state). */
const STILL_OPEN_COUNT = 3;

function itemsBy<K>(items: readonly ItemBuild[], key: (item: ItemBuild) => K | null) {
  const groups = new Map<K, ItemBuild[]>();
  for (const item of [...items].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

function open(
  context: IncidentContext,
  parts: ContentParts & { first: ItemBuild },
  happeningId: string | null,
) {
  const { rng, world } = context;
  const at = parts.first.availableAt + rng.between(10, 45) * MINUTE_MS;
  return new IncidentBuilder(
    { rng, team: world.team, id: rng.uuid(), happeningId },
    { at, by: rng.pick(world.team.analysts), content: incidentContent(world, parts) },
  );
}

function fromHappening(context: IncidentContext, happening: Happening, items: ItemBuild[]) {
  const [first] = items;
  if (first === undefined) return undefined;
  const parts = {
    topic: happening,
    partyId: happening.partyId,
    civilianTargeting: happening.civilianTargeting,
    victims: happening.victims,
    tolls: tollsFrom(first.figures),
    sources: 1,
    withSummary: false,
    first,
  };
  return { builder: open(context, parts, happening.id), parts };
}

function fromRumour(context: IncidentContext, rumour: Rumour, items: ItemBuild[]) {
  const [first] = items;
  if (first === undefined) return undefined;
  const parts = {
    topic: rumour,
    partyId: null,
    civilianTargeting: true,
    victims: [],
    tolls: tollsFrom({}),
    sources: 1,
    withSummary: false,
    first,
  };
  return { builder: open(context, parts, null), parts };
}

function rumourIncident(
  context: IncidentContext,
  rumour: Rumour,
  items: ItemBuild[],
  retract: boolean,
) {
  const opened = fromRumour(context, rumour, items);
  if (opened === undefined) return undefined;
  const { builder, parts } = opened;
  for (const item of items) builder.linkItem(item);
  builder.move('triaged', 'in scope: corridor incident');
  builder.move('under_verification', 'seeking independent confirmation');
  if (rumour.truth === 'unverifiable') {
    builder.move('unverified', 'no independent source could confirm the posts');
    const reason = 'possibly true; not corroborated';
    for (const item of items) grade(context, item, { credibility: 3, reason, at: builder.now });
  } else if (retract) {
    builder.revise(incidentContent(context.world, { ...parts, withSummary: true }), 'summary');
    builder.approve('verified', 'footage and two accounts appeared consistent');
    builder.approve('cleared_for_publication', 'summary reviewed');
    builder.move('published', 'daily report', { by: context.world.team.coordinators[0] ?? '' });
    builder.wait(24 * 60, 48 * 60);
    builder.move('retracted', 'the footage was filmed elsewhere before the period: misattributed');
    const reason = 'misattributed footage';
    for (const item of items) grade(context, item, { credibility: 5, reason, at: builder.now });
  } else {
    builder.move('discounted', 'contradicted by monitors present at the place and time');
    const reason = 'improbable; contradicted by monitors';
    for (const item of items) grade(context, item, { credibility: 5, reason, at: builder.now });
    for (const sourceId of new Set(items.map((i) => i.sourceId))) {
      if (sourceId !== null) {
        const by = context.rng.pick(context.world.team.analysts);
        const reason = 'posted a false report';
        context.sources.regrade(sourceId, { reliability: 'E', reason, at: builder.now, by });
      }
    }
  }
  return builder.finish();
}

// Reports outside the mandate: triaged, then closed as out of scope (kept, never deleted).
function outOfScope(context: IncidentContext): IncidentDraft[] {
  const { rng, world, ledger } = context;
  return OUT_OF_SCOPE_ACCOUNTS.map((frame, i) => {
    const place = rng.pick([...world.settlements, world.humanitarianCentre]);
    const by = rng.pick(world.team.analysts);
    const receivedAt = dayTime(world, 2 + 4 * i, rng.between(9, 17));
    const item = ledger.add({
      channel: 'resident_report',
      sourceId: context.sources.person('resident', { at: receivedAt, by }),
      proximity: 'eyewitness',
      language: 'en',
      account: fill(frame, { place: place.names.en }),
      receivedAt,
      occurredAt: null,
      place,
      eventType: null,
      collectedBy: { kind: 'staff', login: by },
      figures: {},
      truth: 'accurate',
      happening: null,
      rumour: null,
    });
    const topic = {
      id: item.id,
      subEventType: 'denial_of_services' as const,
      at: receivedAt,
      place,
    };
    const parts = {
      topic,
      partyId: null,
      civilianTargeting: false,
      victims: [],
      tolls: tollsFrom({}),
    };
    const builder = open(context, { ...parts, sources: 1, withSummary: false, first: item }, null);
    builder.linkItem(item);
    builder.move('triaged', 'checked against the mandate');
    builder.move('out_of_scope', 'a private dispute: outside the mission’s mandate');
    return builder.finish();
  });
}

/**
 * The incidents of the demo; marks the items they rest on and grades them.
 *
 * @example const incidents = generateIncidents(context, happenings, rumours);
 */
export function generateIncidents(
  context: IncidentContext,
  happenings: readonly Happening[],
  rumours: readonly Rumour[],
): IncidentDraft[] {
  const all = context.ledger.all;
  const byHappening = itemsBy(all, (item) => item.happening?.id ?? null);
  const byRumour = itemsBy(all, (item) => item.rumour?.id ?? null);
  const openedHappenings = happenings
    .map((h) => ({ happening: h, items: byHappening.get(h.id) ?? [] }))
    .filter((x) => x.items.length > 0);
  const incidents: IncidentDraft[] = [];
  const recentFrom = dayTime(context.world, 10, 12);
  let retracted = false;
  // The last three ordinary happenings are still being worked on when the demo's data ends.
  const ordinary = openedHappenings.filter(
    (x) =>
      x.happening.heldCaseId === undefined && x.happening.subEventType !== 'mass_casualty_accident',
  );
  const stillOpen = ordinary.slice(-STILL_OPEN_COUNT).map((x) => x.happening.id);
  openedHappenings.forEach(({ happening, items }, index) => {
    const opened = fromHappening(context, happening, items);
    if (opened === undefined) return;
    const open = stillOpen.indexOf(happening.id);
    const position = open >= 0 ? open : index;
    incidents.push(
      ...happeningPath(context, {
        ...opened,
        happening,
        items,
        index: position,
        recent: open >= 0,
      }),
    );
  });
  for (const rumour of rumours) {
    const items = byRumour.get(rumour.id) ?? [];
    if (rumour.truth === 'unverifiable' && items.length < 2) {
      for (const item of items) {
        const reason = 'anonymous post: F3 until corroborated';
        grade(context, item, { credibility: 3, reason, at: item.availableAt + 120 * MINUTE_MS });
        item.status = item.receivedAt < recentFrom ? 'set_aside' : 'new';
      }
      continue;
    }
    const retract: boolean = rumour.truth === 'misattributed' && !retracted;
    retracted ||= retract;
    const incident = rumourIncident(context, rumour, items, retract);
    if (incident !== undefined) incidents.push(incident);
  }
  incidents.push(...outOfScope(context));
  return incidents.sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}
