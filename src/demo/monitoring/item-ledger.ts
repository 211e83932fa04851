// The information items while they are generated: every channel's generator adds items here,
// the incident generator links, grades and sets them aside, and `finish` freezes them in order of
// receipt. Accounts are filled from the templates with the gazetteer's names.
import type { Channel, ItemStatus, Proximity } from '../../monitoring/model/vocabulary.ts';
import type { Random } from '../random.ts';
import type { Place, Script } from '../scenario.types.ts';
import type { Happening } from './happenings.generator.ts';
import type {
  AccessConditions,
  Collector,
  CredibilityGrading,
  InfoItemDraft,
  ItemTruth,
  ReportedFigures,
  SubEventType,
} from './monitoring.types.ts';
import { isoAt } from './monitoring-world.ts';
import { WHAT_HAPPENED, accountFrames, fill, whatIn } from './monitoring-text.data.ts';

/** Something an item can be about: a happening, or a rumour (nothing real behind it). */
export interface Topic {
  readonly id: string;
  readonly subEventType: SubEventType;
  readonly at: number;
  readonly place: Place;
}

/** A rumour: what unverifiable, false and misattributed reports are about. */
export interface Rumour extends Topic {
  readonly truth: Exclude<ItemTruth, 'accurate'>;
}

/** An item under construction. */
export interface ItemBuild {
  readonly id: string;
  readonly channel: Channel;
  readonly sourceId: string | null;
  readonly proximity: Proximity | null;
  readonly language: Script;
  readonly account: string;
  readonly receivedAt: number;
  /** When the system has it (an imported row: at its import). */
  readonly availableAt: number;
  readonly occurredAt: number | null;
  readonly place: Place | null;
  readonly eventType: SubEventType | null;
  readonly collectedBy: Collector;
  readonly access: AccessConditions;
  readonly anonymous: boolean;
  readonly figures: ReportedFigures;
  readonly truth: ItemTruth;
  readonly happening: Happening | null;
  readonly rumour: Rumour | null;
  readonly patrolId?: string;
  readonly hotlineContactId?: string;
  gradings: CredibilityGrading[];
  status: ItemStatus;
}

/** What a new item needs; the rest has defaults. */
export type NewItem = Omit<
  ItemBuild,
  'id' | 'gradings' | 'status' | 'access' | 'anonymous' | 'availableAt'
> &
  Partial<Pick<ItemBuild, 'access' | 'anonymous'>>;

/** Access conditions when nothing was in the way. */
export const OPEN_ACCESS: AccessConditions = {
  privateInterview: true,
  escorted: false,
  placeDenied: false,
};
/** Access conditions of a report the mission did not gather itself. */
export const UNKNOWN_ACCESS: AccessConditions = {
  privateInterview: null,
  escorted: null,
  placeDenied: null,
};

/** Times of day as residents say them. */
function clock(ms: number): string {
  return isoAt(ms).slice(11, 16);
}

/**
 * A resident's account in `language`, about `topic`.
 *
 * @example residentAccount(rng, 'hy', topic, 12)
 */
export function residentAccount(rng: Random, language: Script, topic: Topic, n: number): string {
  const what = whatIn(language, topic.subEventType);
  return fill(rng.pick(accountFrames(language)), {
    place: topic.place.names[language],
    time: clock(topic.at),
    what,
    What: what.charAt(0).toUpperCase() + what.slice(1),
    n: String(n),
  });
}

/** A staff, partner, party or media text from `frames`, in English. */
export function framedAccount(
  rng: Random,
  frames: readonly string[],
  topic: Topic,
  extra: Readonly<Record<string, string>>,
): string {
  return fill(rng.pick(frames), {
    place: topic.place.names.en,
    time: clock(topic.at),
    what: WHAT_HAPPENED[topic.subEventType],
    ...extra,
  });
}

/**
 * Every item of the demo while it is generated.
 *
 * @example const ledger = new ItemLedger(rng); ledger.add({ channel: 'partner_report', … });
 */
export class ItemLedger {
  readonly #rng: Random;
  readonly #items: ItemBuild[] = [];
  readonly #importedAt: (importId: string) => number;

  /** `importedAt` gives the time of a bulk import by id. */
  constructor(rng: Random, importedAt: (importId: string) => number) {
    this.#rng = rng;
    this.#importedAt = importedAt;
  }

  /** Adds an item; returns it (mutable until `finish`). */
  add(item: NewItem): ItemBuild {
    const built: ItemBuild = {
      access: UNKNOWN_ACCESS,
      anonymous: false,
      ...item,
      availableAt:
        item.collectedBy.kind === 'import'
          ? this.#importedAt(item.collectedBy.importId)
          : item.receivedAt,
      id: this.#rng.uuid(),
      gradings: [],
      status: 'new',
    };
    this.#items.push(built);
    return built;
  }

  /** Items so far, in the order added. */
  get all(): readonly ItemBuild[] {
    return this.#items;
  }

  /** The items, frozen and sorted by receipt (ties in the order added). */
  finish(): InfoItemDraft[] {
    return [...this.#items].sort((a, b) => a.receivedAt - b.receivedAt).map(freezeItem);
  }
}

/** The public draft of an item under construction. */
export function freezeItem(item: ItemBuild): InfoItemDraft {
  return {
    id: item.id,
    channel: item.channel,
    sourceId: item.sourceId,
    proximity: item.proximity,
    language: item.language,
    account: item.account,
    receivedAt: isoAt(item.receivedAt),
    availableAt: isoAt(item.availableAt),
    occurredAt: item.occurredAt === null ? null : isoAt(item.occurredAt),
    placeId: item.place?.id ?? null,
    eventType: item.eventType,
    collectedBy: item.collectedBy,
    access: item.access,
    anonymous: item.anonymous,
    figures: item.figures,
    gradings: [...item.gradings].sort((a, b) => a.at.localeCompare(b.at)),
    status: item.status,
    truth: item.truth,
    happeningId: item.happening?.id ?? null,
    ...(item.patrolId === undefined ? {} : { patrolId: item.patrolId }),
    ...(item.hotlineContactId === undefined ? {} : { hotlineContactId: item.hotlineContactId }),
  };
}
