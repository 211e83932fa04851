// The content of a new incident opened from an information item (POST /api/v1/incidents):
// what the analyst filled in, prefilled from the item where it says the same thing (the sub-type,
// the time, the place). Figures are given as a best estimate; low and high start equal to it and
// are refined later by a revision.
import { isSubEventType } from '../../../../src/monitoring/model/event-taxonomy.ts';
import type { SubEventType } from '../../../../src/monitoring/model/event-taxonomy.ts';
import type { InfoItem } from '../shared/desk-types.ts';

/** The figures an incident carries. */
export const TOLL_KINDS = ['killed', 'injured', 'detained', 'missing'] as const;
type TollKind = (typeof TOLL_KINDS)[number];

/** What the form holds. */
export interface IncidentDraft {
  subEventType: SubEventType;
  /** An ISO-8601 instant. */
  occurredStart: string;
  timePrecision: 1 | 2 | 3;
  placeId: string | null;
  geoPrecision: 1 | 2 | 3;
  civilianTargeting: boolean;
  tolls: Record<TollKind, number>;
  narrative: string;
  publicSummary: string;
}

/**
 * A draft prefilled from `item`: its event type when it is a sub-type of the taxonomy (else
 * `other`), its time (else `now`), its place.
 *
 * @example draftFromItem(item, new Date()).subEventType // 'checkpoint_detention'
 */
export function draftFromItem(item: InfoItem, now: Date): IncidentDraft {
  const type = item.eventType ?? '';
  return {
    subEventType: isSubEventType(type) ? type : 'other',
    occurredStart: item.occurredAt ?? now.toISOString(),
    timePrecision: item.occurredAt === null ? 3 : 1,
    placeId: item.placeId,
    geoPrecision: item.placeId === null ? 3 : 2,
    civilianTargeting: false,
    tolls: { killed: 0, injured: 0, detained: 0, missing: 0 },
    narrative: '',
    publicSummary: '',
  };
}

/**
 * The `content` of POST /api/v1/incidents for `draft`: no actors or victims yet, the figures
 * as low = best = high, an empty public summary as none.
 *
 * @example contentOf(draft).tolls.killed // { low: 0, best: 0, high: 0 }
 */
export function contentOf(draft: IncidentDraft) {
  const summary = draft.publicSummary.trim();
  const range = (kind: TollKind) => {
    const best = draft.tolls[kind];
    return { low: best, best, high: best };
  };
  return {
    subEventType: draft.subEventType,
    occurredStart: draft.occurredStart,
    occurredEnd: null,
    timePrecision: draft.timePrecision,
    placeId: draft.placeId,
    lat: null,
    lon: null,
    geoPrecision: draft.geoPrecision,
    actors: [],
    victims: [],
    tolls: {
      killed: range('killed'),
      injured: range('injured'),
      detained: range('detained'),
      missing: range('missing'),
    },
    civilianTargeting: draft.civilianTargeting,
    narrative: draft.narrative,
    publicSummary: summary === '' ? null : summary,
  };
}

/**
 * The value of an `<input type="datetime-local">` for `iso`, in the browser's time zone.
 *
 * @example localInputOf('2023-09-26T20:03:04.000Z') // '2023-09-26T22:03' in UTC+2
 */
export function localInputOf(iso: string): string {
  const date = new Date(iso);
  const offsetMs = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offsetMs).toISOString().slice(0, 16);
}

/**
 * The ISO instant of a `datetime-local` value, or undefined when it is not one.
 *
 * @example instantOfLocalInput('2023-09-26T22:03') // '2023-09-26T20:03:00.000Z' in UTC+2
 */
export function instantOfLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
