// An analyst's decision on a suggested pair: `dismissed` (not the same event; never suggested
// again) or `confirmed` (the same event). Confirming merges nothing: the merge is a separate,
// explicit step of the incident workflow (duplicate → merged). Each decision is a new version
// with who, when and why, sealed in the log before it is stored.
import { DomainError } from '../../errors/domain-error.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { canonicalPair } from '../model/duplicate-pair.ts';
import type { DuplicateDecisionKind, DuplicateSubject } from '../model/duplicate-pair.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { KyselyDuplicateDecisions } from './duplicate-decision.kysely.ts';
import type {
  DuplicateDecision,
  DuplicateDecisionVersion,
} from './duplicate-decision.repository.ts';
import type { DuplicateSuggestionService } from './duplicate-suggestion.service.ts';

/** What an analyst decides, at the version of the pair's decision they read (0: none yet). */
export interface DecideDuplicate {
  pair: readonly [DuplicateSubject, DuplicateSubject];
  decision: DuplicateDecisionKind;
  reason: string;
  version: number;
}

/** A decision and every version of it, oldest first. */
export interface DuplicateDecisionView {
  decision: DuplicateDecision;
  history: DuplicateDecisionVersion[];
}

/** Records and reads analysts' decisions on pairs. */
export class DuplicateDecisionService {
  readonly #context: AnalysisContext;
  readonly #suggestions: DuplicateSuggestionService;

  constructor(context: AnalysisContext, suggestions: DuplicateSuggestionService) {
    this.#context = context;
    this.#suggestions = suggestions;
  }

  /**
   * Records `input` as `actor`: 'invalid_request' for a record paired with itself or two items,
   * 'not_found' when either record is absent, 'conflict' when the pair's decision is no longer
   * at `input.version`.
   */
  async decide(input: DecideDuplicate, actor: string): Promise<DuplicateDecisionView> {
    const pair = canonicalPair(input.pair[0], input.pair[1]);
    if (typeof pair === 'string') {
      throw new DomainError('invalid_request', 'these two records cannot be a duplicate pair', {
        details: [{ path: 'pair', code: pair }],
      });
    }
    const verdict = await this.#suggestions.scorePair(pair);
    const repository = new KyselyDuplicateDecisions(this.#context.db);
    const current = await repository.forPair(pair);
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) {
      throw new DomainError('conflict', 'the decision on this pair changed meanwhile', {
        details: { expectedVersion: input.version, currentVersion },
      });
    }
    const decision: DuplicateDecision = {
      id: current?.id ?? newRecordId(),
      pair,
      decision: input.decision,
      score: verdict.score,
      decidedAt: this.#context.now().toISOString(),
      actor,
      version: currentVersion + 1,
    };
    const seal = await this.#context.sealer.seal({
      kind: 'duplicate.decision',
      id: decision.id,
      version: decision.version,
      record: { ...decision, reason: input.reason },
    });
    await this.#context.db.transaction().execute(async (trx) => {
      await new KyselyDuplicateDecisions(trx).record(decision, input.reason);
      await insertSeals(trx, [seal]);
    });
    return this.get(decision.id);
  }

  /** Decision `id` with its history; 'not_found' when there is none. */
  async get(id: string): Promise<DuplicateDecisionView> {
    const repository = new KyselyDuplicateDecisions(this.#context.db);
    const [decision, history] = await Promise.all([repository.get(id), repository.history(id)]);
    if (decision === undefined) throw new DomainError('not_found', 'no such duplicate decision');
    return { decision, history };
  }
}
