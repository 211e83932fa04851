// An incident's content at a version: ACLED-style actors from the scenario's parties (data, never
// code), tolls as low / best / high, the internal narrative and the reviewed public summary,
// both from templates (DOMAIN.md §3, §6: the summary is at settlement level and names no one).
import type { TollKind } from '../../monitoring/model/vocabulary.ts';
import type { Place } from '../scenario.types.ts';
import type { Topic } from './item-ledger.ts';
import type {
  IncidentActorDraft,
  IncidentContent,
  ReportedFigures,
  TollRange,
  VictimCountDraft,
} from './monitoring.types.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { isoAt } from './monitoring-world.ts';
import {
  NARRATIVE_FRAME,
  PUBLIC_SUMMARY_FRAME,
  WHAT_HAPPENED,
  fill,
} from './monitoring-text.data.ts';

const NO_TOLL: TollRange = { low: 0, best: 0, high: 0 };

/** Tolls of every kind from reported figures (a single figure is low = best = high). */
export function tollsFrom(figures: ReportedFigures): Record<TollKind, TollRange> {
  const one = (value: number | undefined): TollRange =>
    value === undefined ? NO_TOLL : { low: value, best: value, high: value };
  return {
    killed: one(figures.killed),
    injured: one(figures.injured),
    detained: one(figures.detained),
    missing: one(figures.missing),
  };
}

/** What a content version is built from. */
export interface ContentParts {
  readonly topic: Topic;
  readonly partyId: string | null;
  readonly civilianTargeting: boolean;
  readonly victims: readonly VictimCountDraft[];
  readonly tolls: Readonly<Record<TollKind, TollRange>>;
  readonly sources: number;
  readonly withSummary: boolean;
}

function actors(world: MonitoringWorld, parts: ContentParts): IncidentActorDraft[] {
  const party = world.parties.find((p) => p.id === parts.partyId);
  const list: IncidentActorDraft[] = [];
  if (party !== undefined) {
    list.push({ name: `Forces of ${party.name}`, partyId: party.id, actorType: 1, role: 'actor1' });
  }
  if (parts.civilianTargeting || party === undefined) {
    list.push({ name: 'Civilians', actorType: 7, role: party === undefined ? 'actor1' : 'actor2' });
  }
  return list;
}

function geoPrecision(place: Place): 1 | 2 {
  return place.kind === 'settlement' ? 2 : 1;
}

function tollSentence(tolls: Readonly<Record<TollKind, TollRange>>): string {
  const parts = (['killed', 'injured', 'detained', 'missing'] as const)
    .filter((kind) => tolls[kind].best > 0)
    .map((kind) => `${String(tolls[kind].best)} ${kind}`);
  return parts.length === 0
    ? 'No casualties were reported.'
    : `Verified figures: ${parts.join(', ')}; the real figures may be higher.`;
}

/**
 * The content of one version.
 *
 * @example const content = incidentContent(world, { topic, partyId, … });
 */
export function incidentContent(world: MonitoringWorld, parts: ContentParts): IncidentContent {
  const { topic } = parts;
  const date = isoAt(topic.at).slice(0, 10);
  const what = WHAT_HAPPENED[topic.subEventType];
  return {
    subEventType: topic.subEventType,
    occurredStart: isoAt(topic.at),
    occurredEnd: null,
    timePrecision: 1,
    placeId: topic.place.id,
    lat: topic.place.lat,
    lon: topic.place.lon,
    geoPrecision: geoPrecision(topic.place),
    actors: actors(world, parts),
    victims: parts.victims,
    tolls: parts.tolls,
    civilianTargeting: parts.civilianTargeting,
    narrative: fill(NARRATIVE_FRAME, {
      date,
      place: topic.place.names.en,
      what,
      sources: `${String(parts.sources)} report(s)`,
      note: parts.sources > 1 ? 'accounts consistent' : 'single source so far',
    }),
    publicSummary: parts.withSummary
      ? fill(PUBLIC_SUMMARY_FRAME, {
          date,
          place: topic.place.names.en,
          what,
          toll: tollSentence(parts.tolls),
        })
      : null,
  };
}
