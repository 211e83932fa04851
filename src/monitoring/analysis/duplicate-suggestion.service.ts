// Duplicate suggestions across channels (issue 4): SQL finds the records stated near in time and
// place (src/monitoring/analysis/duplicate-records.kysely.ts); their sealed texts are opened here,
// in memory only, transliterated to one script and scored by the pure model. Only scores,
// signals and reasons leave this service: never a text, never a word of one — not in answers,
// logs or errors. Opening is therefore not an identity read (nothing is shown to anyone) and
// writes no audit entry. Nothing is ever merged here; a dismissed pair is never suggested again.
import { DomainError } from '../../errors/domain-error.ts';
import { transliterate } from '../../people/names/transliterate.ts';
import type { SecretBox } from '../../people/keyring.ts';
import { canonicalPair, pairKey } from '../model/duplicate-pair.ts';
import type { DuplicatePair, DuplicateSubject } from '../model/duplicate-pair.ts';
import {
  MIN_SUGGESTION_SCORE,
  prepareCandidate,
  scoreDuplicate,
} from '../model/duplicate-score.ts';
import type { DuplicateCandidate, DuplicateScore } from '../model/duplicate-score.ts';
import { eventFamilyOf } from '../model/event-family.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { KyselyDuplicateDecisions } from './duplicate-decision.kysely.ts';
import type { DuplicateDecision } from './duplicate-decision.repository.ts';
import type { ComparableRecord } from './duplicate-record-rows.ts';
import { KyselyDuplicateRecords } from './duplicate-records.kysely.ts';

/** Candidates read for one subject at most, nearest in time first. */
const CANDIDATES_PER_SUBJECT = 500;
// The queue is a worklist, not a search: it looks at the newest open records and at their
// nearest candidates only, so that it answers fast even at the peak of a crisis (a thousand
// reports of one checkpoint in a week); the per-record routes look further.
/** Newest open items and incidents (each) the queue looks at. */
const QUEUE_SCAN = 100;
/** Candidates read per queued subject at most, nearest in time first. */
const QUEUE_CANDIDATES = 40;

/** A record on one side of a suggestion, with where it stands. */
export interface SuggestedRecord extends DuplicateSubject {
  /** The incident's state or the item's status. */
  status: string;
}

/** A record suggested as the same event as the subject, and why. */
export interface DuplicateSuggestion extends DuplicateScore {
  record: SuggestedRecord;
  /** A confirmed decision awaiting its merge; null when the pair is undecided. */
  decision: Pick<DuplicateDecision, 'id' | 'decision' | 'decidedAt' | 'actor' | 'version'> | null;
}

/** An undecided pair in the queue. */
export interface QueuedSuggestion extends DuplicateScore {
  pair: readonly [SuggestedRecord, SuggestedRecord];
}

const recordOf = (record: ComparableRecord): SuggestedRecord => ({
  ...record.subject,
  status: record.status,
});

/** Look-ups in flight at once (PostgreSQL overlaps them on its pool; SQLite runs them in turn). */
const LOOKUPS_AT_ONCE = 8;

async function nearbyInBatches(
  records: KyselyDuplicateRecords,
  subjects: readonly ComparableRecord[],
): Promise<ComparableRecord[][]> {
  const found: ComparableRecord[][] = [];
  for (let start = 0; start < subjects.length; start += LOOKUPS_AT_ONCE) {
    const batch = subjects.slice(start, start + LOOKUPS_AT_ONCE);
    found.push(
      ...(await Promise.all(
        batch.map((subject) => records.incidentsNear(subject, QUEUE_CANDIDATES)),
      )),
    );
  }
  return found;
}

const bestFirst = (a: { score: number }, b: { score: number }) => b.score - a.score;

/** Suggests likely duplicates; reads only. */
export class DuplicateSuggestionService {
  readonly #context: AnalysisContext;
  readonly #box: SecretBox;

  constructor(context: AnalysisContext) {
    this.#context = context;
    this.#box = context.keyring.createSecretBox();
  }

  /** The records likely the same event as `subject`, best first; 'not_found' if it is absent. */
  async forSubject(subject: DuplicateSubject, limit: number): Promise<DuplicateSuggestion[]> {
    const records = new KyselyDuplicateRecords(this.#context.db);
    const own = await this.#require(records, subject);
    const candidates = await records.incidentsNear(own, CANDIDATES_PER_SUBJECT);
    if (subject.kind === 'incident') {
      candidates.push(...(await records.itemsNear(own, CANDIDATES_PER_SUBJECT)));
    }
    const decided = await this.#decisionsBySubjects([subject.id]);
    const prepared = new Map<string, DuplicateCandidate>();
    const suggestions: DuplicateSuggestion[] = [];
    for (const candidate of candidates) {
      const pair = canonicalPair(subject, candidate.subject);
      if (typeof pair === 'string') continue;
      const decision = decided.get(pairKey(pair));
      if (decision?.decision === 'dismissed') continue;
      const verdict = this.#score(own, candidate, prepared);
      if (decision === undefined && verdict.score < MIN_SUGGESTION_SCORE) continue;
      suggestions.push({
        ...verdict,
        record: recordOf(candidate),
        decision:
          decision === undefined
            ? null
            : {
                id: decision.id,
                decision: decision.decision,
                decidedAt: decision.decidedAt,
                actor: decision.actor,
                version: decision.version,
              },
      });
    }
    return suggestions.sort(bestFirst).slice(0, limit);
  }

  /**
   * The best undecided pairs among the newest open items and incidents (received or triaged),
   * best first: what an analyst should look at next.
   */
  async queue(limit: number): Promise<QueuedSuggestion[]> {
    const records = new KyselyDuplicateRecords(this.#context.db);
    const subjects = await records.openSubjects(QUEUE_SCAN);
    const decided = await this.#decisionsBySubjects(subjects.map((record) => record.subject.id));
    const prepared = new Map<string, DuplicateCandidate>();
    const pairs = new Map<string, QueuedSuggestion>();
    const candidatesOf = await nearbyInBatches(records, subjects);
    for (const [index, subject] of subjects.entries()) {
      for (const candidate of candidatesOf[index] ?? []) {
        const pair = canonicalPair(subject.subject, candidate.subject);
        if (typeof pair === 'string') continue;
        const key = pairKey(pair);
        if (decided.has(key) || pairs.has(key)) continue;
        const verdict = this.#score(subject, candidate, prepared);
        if (verdict.score < MIN_SUGGESTION_SCORE) continue;
        const [first, second] =
          pair[0] === subject.subject ? [subject, candidate] : [candidate, subject];
        pairs.set(key, { ...verdict, pair: [recordOf(first), recordOf(second)] });
      }
    }
    return [...pairs.values()].sort(bestFirst).slice(0, limit);
  }

  /** The score of `pair` as it stands now; 'not_found' when either record is absent. */
  async scorePair(pair: DuplicatePair): Promise<DuplicateScore> {
    const records = new KyselyDuplicateRecords(this.#context.db);
    const left = await this.#require(records, pair[0]);
    const right = await this.#require(records, pair[1]);
    return this.#score(left, right, new Map());
  }

  async #require(
    records: KyselyDuplicateRecords,
    subject: DuplicateSubject,
  ): Promise<ComparableRecord> {
    const record = await records.get(subject);
    if (record === undefined) {
      throw new DomainError('not_found', `no ${subject.kind} with this id`, {
        details: { kind: subject.kind, id: subject.id },
      });
    }
    return record;
  }

  async #decisionsBySubjects(ids: readonly string[]): Promise<Map<string, DuplicateDecision>> {
    const decisions = await new KyselyDuplicateDecisions(this.#context.db).forSubjects(ids);
    return new Map(decisions.map((decision) => [pairKey(decision.pair), decision]));
  }

  #score(
    a: ComparableRecord,
    b: ComparableRecord,
    prepared: Map<string, DuplicateCandidate>,
  ): DuplicateScore {
    return scoreDuplicate(this.#prepare(a, prepared), this.#prepare(b, prepared));
  }

  #prepare(
    record: ComparableRecord,
    prepared: Map<string, DuplicateCandidate>,
  ): DuplicateCandidate {
    const key = `${record.subject.kind}:${record.subject.id}`;
    const known = prepared.get(key);
    if (known !== undefined) return known;
    const candidate = prepareCandidate({
      ...record,
      eventFamily: eventFamilyOf(record.eventType),
      text: this.#comparableText(record.sealedText),
    });
    prepared.set(key, candidate);
    return candidate;
  }

  // One script for every text, so that an Armenian and a Russian account naming the same
  // checkpoint share trigrams; a text of another script keeps its own letters.
  #comparableText(sealed: string): string {
    let plain: string;
    try {
      plain = this.#box.open(sealed);
    } catch (error) {
      // A text that does not open (another master key, a damaged row) compares as empty.
      this.#context.logError(error, 'open a sealed text for duplicate scoring');
      return '';
    }
    const folded = transliterate(plain);
    return folded === '' ? plain : folded;
  }
}
