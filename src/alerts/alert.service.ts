// Raising an alert: dedupe by key (a condition seen again by the next scan is the same alert),
// seal it in the log, store it, then push it to connected staff. Alerts carry ids and counts
// only, never identity, because they reach every coordinator's screen.
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/roles.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Alert, AlertCursor } from '../passage/database/alert.repository.ts';
import { KyselyAlertRepository } from '../passage/database/alert.kysely.ts';
import type { AlertCandidate } from '../passage/model/alert.ts';
import { insertSeals } from '../seal/seal.kysely.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import type { AlertPublisher } from './alert-hub.ts';
import { newRecordId } from '../random/record-id.ts';

/** Where rules send what they detect. */
export interface AlertSink {
  /** Stores and pushes the candidates not raised before; resolves with the new alerts. */
  raise(candidates: readonly AlertCandidate[]): Promise<Alert[]>;
}

/** What the alert service needs. */
export interface AlertServiceDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal' | 'sealMany'>;
  hub: AlertPublisher;
  now?: () => Date;
}

/** Most alerts one page or one catch-up returns. */
export const ALERT_PAGE = 500;

/** Raises, lists and acknowledges alerts. */
export class AlertService implements AlertSink {
  readonly #deps: AlertServiceDeps;
  readonly #now: () => Date;

  constructor(deps: AlertServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  async raise(candidates: readonly AlertCandidate[]): Promise<Alert[]> {
    const fresh = await this.#notYetRaised(candidates);
    const raised: Alert[] = [];
    // A scan can find thousands at once (every overdue journey after an outage): seal them in
    // one group commit and store them in one transaction per slice.
    for (let start = 0; start < fresh.length; start += ALERT_PAGE) {
      raised.push(...(await this.#store(fresh.slice(start, start + ALERT_PAGE))));
    }
    for (const alert of raised) this.#deps.hub.publish(alert);
    return raised;
  }

  async #notYetRaised(candidates: readonly AlertCandidate[]): Promise<AlertCandidate[]> {
    const unique = new Map(candidates.map((candidate) => [candidate.dedupeKey, candidate]));
    if (unique.size === 0) return [];
    const known = new Set<string>();
    const keys = [...unique.keys()];
    for (let start = 0; start < keys.length; start += ALERT_PAGE) {
      const rows = await this.#deps.db
        .selectFrom('alert')
        .select('dedupe_key')
        .where('dedupe_key', 'in', keys.slice(start, start + ALERT_PAGE))
        .execute();
      for (const row of rows) known.add(row.dedupe_key);
    }
    return [...unique.values()].filter((candidate) => !known.has(candidate.dedupeKey));
  }

  async #store(candidates: readonly AlertCandidate[]): Promise<Alert[]> {
    const raisedAt = this.#now().toISOString();
    const alerts = candidates.map((candidate): Alert => ({
      id: newRecordId(),
      type: candidate.type,
      severity: candidate.severity,
      subjectType: candidate.subjectType,
      subjectId: candidate.subjectId,
      dedupeKey: candidate.dedupeKey,
      raisedAt,
      details: { ...candidate.details },
      acknowledgedAt: null,
      acknowledgedBy: null,
    }));
    const seals = await this.#deps.sealer.sealMany(
      alerts.map((alert) => ({
        kind: 'alert.raised',
        id: alert.id,
        version: 1,
        record: { type: alert.type, subjectType: alert.subjectType, subjectId: alert.subjectId },
      })),
    );
    // A concurrent raise of the same key may win; then this one stores nothing for it (its log
    // entry is a commitment naming no record, which reveals nothing).
    return this.#deps.db.transaction().execute(async (trx) => {
      const repository = new KyselyAlertRepository(trx);
      const stored: Alert[] = [];
      for (const [index, alert] of alerts.entries()) {
        const seal = seals[index];
        if (seal === undefined || !(await repository.insert(alert))) continue;
        stored.push(alert);
        await insertSeals(trx, [seal]);
      }
      return stored;
    });
  }

  /** Alerts after `cursor` (oldest first), or the unacknowledged ones when there is none. */
  alertsAfter(cursor: AlertCursor | undefined): Promise<Alert[]> {
    const alerts = new KyselyAlertRepository(this.#deps.db);
    return cursor === undefined
      ? alerts.listUnacknowledged(ALERT_PAGE)
      : alerts.listSince(cursor, ALERT_PAGE);
  }

  /** Marks an alert as seen and handled by `principal`; sealed like every write. */
  async acknowledge(id: string, principal: Principal): Promise<Alert> {
    const alerts = new KyselyAlertRepository(this.#deps.db);
    const alert = await alerts.get(id);
    if (alert === undefined) throw new DomainError('not_found', 'no such alert');
    if (alert.acknowledgedAt !== null) {
      throw new DomainError('invalid_transition', 'the alert is already acknowledged');
    }
    const by = principal.userId ?? principal.tokenId;
    const seal = await this.#deps.sealer.seal({
      kind: 'alert.acknowledged',
      id,
      version: 2,
      record: { alertId: id, by },
    });
    const at = this.#now().toISOString();
    const done = await this.#deps.db.transaction().execute(async (trx) => {
      if (!(await new KyselyAlertRepository(trx).acknowledge({ id, by, at }))) return false;
      await insertSeals(trx, [seal]);
      return true;
    });
    if (!done) throw new DomainError('invalid_transition', 'the alert is already acknowledged');
    return { ...alert, acknowledgedAt: at, acknowledgedBy: by };
  }
}
