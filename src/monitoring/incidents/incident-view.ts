// What the API shows of an incident: everything but the sealed narrative (read only through its
// audited route), with the local event type and ACLED crosswalk its sub-type implies, and the
// full history — versions, transitions, pending proposals, links.
import { crosswalkOf } from '../model/event-taxonomy.ts';
import type { AcledCrosswalk } from '../model/event-taxonomy.ts';
import type {
  Incident,
  IncidentApproval,
  IncidentCaseLink,
  IncidentItemLink,
  IncidentTransition,
  StoredContent,
} from './incident.repository.ts';

/** Stored content without its sealed narrative. */
export type ContentView = Omit<StoredContent, 'narrativeSealed'>;

/** An incident as listed. */
export type IncidentSummary = Omit<Incident, 'narrativeSealed'> & {
  eventType: string;
  acled: AcledCrosswalk;
};

/** One version as shown. */
export interface VersionView {
  version: number;
  content: ContentView;
  reason: string;
  at: string;
  actor: string;
}

/** A pending proposal, and whether it still counts (made at the current version). */
export type ApprovalView = IncidentApproval & { live: boolean };

/** An incident with its history and links. */
export interface IncidentView {
  incident: IncidentSummary;
  versions: VersionView[];
  transitions: IncidentTransition[];
  approvals: ApprovalView[];
  items: IncidentItemLink[];
  cases: IncidentCaseLink[];
}

/** `content` without its sealed narrative. */
export function contentView(content: StoredContent): ContentView {
  return {
    subEventType: content.subEventType,
    occurredStart: content.occurredStart,
    occurredEnd: content.occurredEnd,
    timePrecision: content.timePrecision,
    placeId: content.placeId,
    lat: content.lat,
    lon: content.lon,
    geoPrecision: content.geoPrecision,
    actors: content.actors,
    victims: content.victims,
    tolls: content.tolls,
    civilianTargeting: content.civilianTargeting,
    publicSummary: content.publicSummary,
  };
}

/** The summary of `incident`. */
export function summaryOf(incident: Incident): IncidentSummary {
  const { eventType, acled } = crosswalkOf(incident.subEventType);
  return {
    ...contentView(incident),
    id: incident.id,
    state: incident.state,
    mergedInto: incident.mergedInto,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    version: incident.version,
    eventType,
    acled,
  };
}
