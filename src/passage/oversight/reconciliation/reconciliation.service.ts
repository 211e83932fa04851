// Reconciliation of a passage (DOMAIN.md §4): departed = arrived + held + turned back + died +
// en route + unaccounted, per vehicle, operation, checkpoint or day, with every unaccounted
// person listed by journey id for follow-up. The counting is the pure model's
// (model/reconciliation.ts); this use case chooses the journeys, pages the groups and caps the
// id lists, so a whole seven-day operation (21,000 vehicles) answers in one bounded response.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Database } from '../../../store/schema.ts';
import type { ReconciliationScope } from '../../database/journey.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { emptyGroup, reconcile } from '../../model/reconciliation.ts';
import type { ReconciliationGroup, ReconciliationGrouping } from '../../model/reconciliation.ts';

/** What to reconcile and how much of it to return. */
export interface ReconciliationQuery {
  readonly by: ReconciliationGrouping;
  /** One operation; or `day`; or neither for every journey (not both). */
  readonly operationId?: string | undefined;
  /** A UTC departure day, YYYY-MM-DD. */
  readonly day?: string | undefined;
  /** Groups to skip (they come sorted by key, the null key last). */
  readonly offset: number;
  /** Most groups returned. */
  readonly limit: number;
  /** Most unaccounted journey ids listed per row; `unaccounted` always holds the full count. */
  readonly idsLimit: number;
}

/** One row of the report: a group's headcount, or the total. */
export interface ReconciliationLine {
  readonly key: string | null;
  readonly departed: number;
  readonly arrived: number;
  readonly medevac: number;
  readonly held: number;
  readonly turnedBack: number;
  readonly died: number;
  readonly enRoute: number;
  readonly unaccounted: number;
  /** The first `idsLimit` unaccounted journeys. */
  readonly unaccountedIds: string[];
  /** True when `unaccountedIds` lists fewer than `unaccounted`. */
  readonly unaccountedIdsTruncated: boolean;
}

/** A reconciliation as of one moment. */
export interface ReconciliationReport {
  readonly asOf: string;
  readonly by: ReconciliationGrouping;
  readonly operationId: string | null;
  readonly day: string | null;
  /** Groups in all (the page is `groups`). */
  readonly groupCount: number;
  readonly offset: number;
  readonly groups: ReconciliationLine[];
  /** Every group added up: the whole scope's equation. */
  readonly total: ReconciliationLine;
}

const COUNTS = [
  'departed',
  'arrived',
  'medevac',
  'held',
  'turnedBack',
  'died',
  'enRoute',
  'unaccounted',
] as const;

function line(group: ReconciliationGroup, idsLimit: number): ReconciliationLine {
  const { unaccountedIds, ...counts } = group;
  return {
    ...counts,
    unaccountedIds: unaccountedIds.slice(0, idsLimit),
    unaccountedIdsTruncated: unaccountedIds.length > idsLimit,
  };
}

/** Every group added into one, its ids concatenated up to `idsLimit`. */
function totalOf(groups: readonly ReconciliationGroup[], idsLimit: number): ReconciliationLine {
  const total = emptyGroup('all');
  for (const group of groups) {
    for (const count of COUNTS) total[count] += group[count];
    const room = idsLimit - total.unaccountedIds.length;
    if (room > 0) total.unaccountedIds.push(...group.unaccountedIds.slice(0, room));
  }
  return {
    ...line(total, idsLimit),
    unaccountedIdsTruncated: total.unaccounted > total.unaccountedIds.length,
  };
}

/** Reconciles journeys on demand. */
export class ReconciliationService {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(deps: { db: Kysely<Database>; now: () => Date }) {
    this.#db = deps.db;
    this.#now = deps.now;
  }

  /**
   * The reconciliation of `query`'s scope as of now. Throws `invalid_request` when both an
   * operation and a day are given, `not_found` for an unknown operation.
   *
   * @example await service.reconcile({ by: 'vehicle', operationId, offset: 0, limit: 500, idsLimit: 100 })
   */
  async reconcile(query: ReconciliationQuery): Promise<ReconciliationReport> {
    const scope = await this.#scopeOf(query);
    const asOf = this.#now();
    const rows = await passageStoreOn(this.#db).journeys.listForReconciliation(scope);
    const groups = reconcile(rows, { asOf, groupBy: query.by });
    return {
      asOf: asOf.toISOString(),
      by: query.by,
      operationId: query.operationId ?? null,
      day: query.day ?? null,
      groupCount: groups.length,
      offset: query.offset,
      groups: groups
        .slice(query.offset, query.offset + query.limit)
        .map((group) => line(group, query.idsLimit)),
      total: totalOf(groups, query.idsLimit),
    };
  }

  async #scopeOf(query: ReconciliationQuery): Promise<ReconciliationScope> {
    const { operationId, day } = query;
    if (operationId !== undefined && day !== undefined) {
      throw new DomainError('invalid_request', 'give an operation or a day, not both');
    }
    if (day !== undefined) return { day };
    if (operationId === undefined) return { all: true };
    const operation = await passageStoreOn(this.#db).operations.get(operationId);
    if (operation === undefined) throw new DomainError('not_found', 'no such operation');
    return { operationId };
  }
}
