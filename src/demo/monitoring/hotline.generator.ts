// The mission's 24/7 hotline (DOMAIN.md §1, §7): 1–5 contacts a day normally and 20–50 a day at
// the peak (from the explosion on D1 to D5), answered within a minute or two normally and after
// many minutes at the peak. A call about an incident opens an information item about what
// happened near the caller in the day before; a missing relative is referred to tracing.
import type { Script } from '../scenario.types.ts';
import type { Happening } from './happenings.generator.ts';
import type { ReportContext } from './reports.generator.ts';
import { figuresAt } from './reports.generator.ts';
import { residentAccount } from './item-ledger.ts';
import type {
  CallerKind,
  HotlineContactDraft,
  HotlineOutcome,
  HotlineTopic,
} from './operations.types.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, MONITORING_DAYS, dayTime, isoAt } from './monitoring-world.ts';
import { HOTLINE_SUMMARIES, WHAT_HAPPENED, fill } from './monitoring-text.data.ts';

/** Days (after D0) of the peak: 20–50 contacts a day. */
export const HOTLINE_PEAK_DAYS: readonly number[] = [1, 2, 3, 4, 5];

const TOPICS: readonly HotlineTopic[] = [
  'passage_information',
  'missing_relative',
  'incident_report',
  'detention',
  'medical',
  'other',
];
const PEAK_WEIGHTS = [25, 35, 15, 5, 10, 10];
const NORMAL_WEIGHTS = [40, 15, 15, 5, 5, 20];
const CALLERS: readonly CallerKind[] = [
  'resident',
  'relative_abroad',
  'party_liaison',
  'partner',
  'media',
];
const LANGUAGES: readonly Script[] = ['hy', 'ru', 'en', 'az'];

function outcomeOf(topic: HotlineTopic, happening: Happening | undefined): HotlineOutcome {
  if ((topic === 'incident_report' || topic === 'detention') && happening !== undefined) {
    return 'report_opened';
  }
  if (topic === 'missing_relative') return 'referred_to_tracing';
  return topic === 'medical' ? 'referred' : 'information_given';
}

function callTime(context: ReportContext, day: number, explosionAt: number): number {
  const { rng } = context;
  const start = dayTime(context.world, day, 0);
  // On D1 most calls come after the explosion in the evening.
  if (day === 1 && rng.chance(0.7))
    return explosionAt + rng.float() * (start + DAY_MS - explosionAt);
  return start + rng.between(6, 23.9) * HOUR_MS;
}

function responseMs(context: ReportContext, peak: boolean): number {
  const { rng } = context;
  return peak ? rng.lognormalFromQuantiles(3, 15) * MINUTE_MS : rng.between(10, 90) * 1000;
}

function contact(
  context: ReportContext,
  call: { at: number; peak: boolean; happenings: readonly Happening[] },
): HotlineContactDraft {
  const { rng, world, ledger, sources } = context;
  const topic = rng.pickWeighted(TOPICS, call.peak ? PEAK_WEIGHTS : NORMAL_WEIGHTS);
  const recent = call.happenings.filter((h) => h.at <= call.at && h.at > call.at - DAY_MS);
  const happening = recent.length === 0 ? undefined : rng.pick(recent);
  const outcome = outcomeOf(topic, happening);
  const id = rng.uuid();
  const answeredAt = call.at + responseMs(context, call.peak);
  const takenBy = rng.pick(world.team.hotline);
  const language = rng.pickWeighted(LANGUAGES, [50, 30, 15, 5]);
  const place = happening?.place ?? rng.pick([...world.exitPosts, world.checkpoint]);
  let itemId: string | null = null;
  if (outcome === 'report_opened' && happening !== undefined) {
    const kind = topic === 'detention' ? 'victim_or_relative' : 'witness';
    const item = ledger.add({
      channel: 'hotline_call',
      sourceId: sources.person(kind, { at: answeredAt, by: takenBy }),
      proximity: rng.chance(0.5) ? 'eyewitness' : 'hearsay',
      language,
      account: residentAccount(rng, language, happening, figuresAt(happening, call.at).killed ?? 1),
      receivedAt: answeredAt,
      occurredAt: happening.at,
      place: happening.place,
      eventType: happening.subEventType,
      collectedBy: { kind: 'staff', login: takenBy },
      figures: figuresAt(happening, call.at),
      truth: 'accurate',
      happening,
      rumour: null,
      hotlineContactId: id,
    });
    itemId = item.id;
  }
  const what =
    happening === undefined ? 'something happened' : WHAT_HAPPENED[happening.subEventType];
  return {
    id,
    receivedAt: isoAt(call.at),
    answeredAt: isoAt(answeredAt),
    closedAt: isoAt(answeredAt + rng.between(3, 15) * MINUTE_MS),
    takenBy,
    callerKind:
      topic === 'detention' ? 'relative_abroad' : rng.pickWeighted(CALLERS, [50, 25, 10, 5, 10]),
    topic,
    language,
    outcome,
    placeId: place.id,
    itemId,
    summary: fill(HOTLINE_SUMMARIES[topic], { place: place.names.en, what }),
  };
}

/**
 * Every hotline contact of the demo, in time order; calls about incidents add items to the ledger.
 *
 * @example const hotline = generateHotline(context, happenings, explosionAt);
 */
export function generateHotline(
  context: ReportContext,
  happenings: readonly Happening[],
  explosionAt: number,
): HotlineContactDraft[] {
  const { rng } = context;
  const contacts: HotlineContactDraft[] = [];
  for (let day: number = MONITORING_DAYS.first; day <= MONITORING_DAYS.last; day++) {
    const peak = HOTLINE_PEAK_DAYS.includes(day);
    const count = peak ? rng.int(20, 50) : rng.int(1, 5);
    const times = Array.from({ length: count }, () => callTime(context, day, explosionAt));
    for (const at of times.sort((a, b) => a - b)) {
      contacts.push(contact(context, { at, peak, happenings }));
    }
  }
  return contacts;
}
