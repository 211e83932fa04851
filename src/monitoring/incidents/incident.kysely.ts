// Incidents in portable Kysely (SQLite and PostgreSQL); `db` may be the pool or a transaction.
import type { Kysely, Updateable } from 'kysely';
import { toTransitionEvent } from '../../passage/database/transition.kysely.ts';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import { markItemsLinked } from '../intake/item-links.ts';
import type { Database } from '../../store/schema.ts';
import type { IncidentTable } from '../monitoring.tables.ts';
import type {
  Incident,
  IncidentApproval,
  IncidentCaseLink,
  IncidentFilter,
  IncidentItemLink,
  IncidentRepository,
  IncidentTransition,
  IncidentVersion,
  NewIncident,
  RevisionChange,
  TransitionChange,
} from './incident.repository.ts';
import { contentColumns, contentOf, parseColumn, toIncident, toRow } from './incident-rows.ts';
import { StoredContentSchema } from './incident.schemas.ts';

/** Incidents in portable Kysely. */
export class KyselyIncidentRepository implements IncidentRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(created: NewIncident): Promise<void> {
    const { incident } = created;
    await this.#db.insertInto('incident').values(toRow(incident)).execute();
    await this.#insertVersion(incident.id, {
      version: incident.version,
      content: contentOf(incident),
      reason: created.reason,
      at: incident.createdAt,
      actor: created.actor,
    });
    await this.linkItems(incident.id, created.items);
  }

  async get(id: string): Promise<Incident | undefined> {
    const row = await this.#db
      .selectFrom('incident')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toIncident(row);
  }

  async list(filter: IncidentFilter): Promise<Incident[]> {
    let query = this.#db.selectFrom('incident').selectAll();
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.subEventType !== undefined) {
      query = query.where('sub_event_type', '=', filter.subEventType);
    }
    if (filter.placeId !== undefined) query = query.where('place_id', '=', filter.placeId);
    if (filter.from !== undefined) query = query.where('occurred_start', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('occurred_start', '<', filter.to);
    const after = filter.after;
    if (after !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb('occurred_start', '<', after.occurredStart),
          eb.and([eb('occurred_start', '=', after.occurredStart), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('occurred_start', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toIncident);
  }

  async versions(id: string): Promise<IncidentVersion[]> {
    const rows = await this.#db
      .selectFrom('incident_version')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: row.version,
      content: parseColumn(row.content, StoredContentSchema, 'incident_version.content'),
      reason: row.reason,
      at: row.at,
      actor: row.actor,
    }));
  }

  async transitions(id: string): Promise<IncidentTransition[]> {
    const rows = await this.#db
      .selectFrom('incident_transition')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      ...toTransitionEvent(row),
      reason: row.reason,
      proposedBy: row.proposed_by,
    }));
  }

  async approvals(id: string): Promise<IncidentApproval[]> {
    const rows = await this.#db
      .selectFrom('incident_approval')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('to_state')
      .execute();
    return rows.map((row) => ({
      toState: row.to_state,
      version: row.version,
      proposedBy: row.proposed_by,
      proposedAt: row.proposed_at,
      reason: row.reason,
    }));
  }

  async items(id: string): Promise<IncidentItemLink[]> {
    const rows = await this.#db
      .selectFrom('incident_item')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('linked_at')
      .orderBy('item_id')
      .execute();
    return rows.map((row) => ({ itemId: row.item_id, linkedAt: row.linked_at, actor: row.actor }));
  }

  async cases(id: string): Promise<IncidentCaseLink[]> {
    const rows = await this.#db
      .selectFrom('incident_case')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('linked_at')
      .orderBy('case_id')
      .execute();
    return rows.map((row) => ({
      caseKind: row.case_kind,
      caseId: row.case_id,
      linkedAt: row.linked_at,
      actor: row.actor,
    }));
  }

  async revise(change: RevisionChange): Promise<void> {
    const { version } = change;
    await this.#update(change.id, change.expectedVersion, {
      ...contentColumns(version.content),
      state: change.state,
      updated_at: version.at,
      version: version.version,
    });
    await this.#insertVersion(change.id, version);
    if (change.transition !== undefined) {
      await this.#insertTransition(change.id, change.transition);
    }
  }

  async transition(change: TransitionChange): Promise<void> {
    const { transition } = change;
    const merged = change.mergedInto === undefined ? {} : { merged_into: change.mergedInto };
    await this.#update(change.id, change.expectedVersion, {
      ...merged,
      state: transition.to,
      updated_at: transition.at,
      version: transition.version,
    });
    await this.#insertTransition(change.id, transition);
  }

  async saveApproval(id: string, approval: IncidentApproval): Promise<void> {
    const values = {
      version: approval.version,
      proposed_by: approval.proposedBy,
      proposed_at: approval.proposedAt,
      reason: approval.reason,
    };
    await this.#db
      .insertInto('incident_approval')
      .values({ incident_id: id, to_state: approval.toState, ...values })
      .onConflict((oc) => oc.columns(['incident_id', 'to_state']).doUpdateSet(values))
      .execute();
  }

  async linkItems(id: string, items: readonly IncidentItemLink[]): Promise<void> {
    if (items.length === 0) return;
    await this.#db
      .insertInto('incident_item')
      .values(
        items.map((item) => ({
          incident_id: id,
          item_id: item.itemId,
          linked_at: item.linkedAt,
          actor: item.actor,
        })),
      )
      .execute();
    // The items leave the triage queue (status only; their versions are untouched).
    await markItemsLinked(
      this.#db,
      items.map((item) => item.itemId),
      items[0]?.linkedAt ?? '',
    );
  }

  async linkCase(id: string, link: IncidentCaseLink): Promise<void> {
    await this.#db
      .insertInto('incident_case')
      .values({
        incident_id: id,
        case_kind: link.caseKind,
        case_id: link.caseId,
        linked_at: link.linkedAt,
        actor: link.actor,
      })
      .execute();
  }

  async #update(
    id: string,
    expectedVersion: number,
    set: Updateable<IncidentTable>,
  ): Promise<void> {
    const result = await this.#db
      .updateTable('incident')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'incident', id, expectedVersion }, () =>
      this.get(id),
    );
  }

  async #insertVersion(id: string, version: IncidentVersion): Promise<void> {
    await this.#db
      .insertInto('incident_version')
      .values({
        incident_id: id,
        version: version.version,
        content: JSON.stringify(version.content),
        reason: version.reason,
        at: version.at,
        actor: version.actor,
      })
      .execute();
  }

  async #insertTransition(id: string, transition: IncidentTransition): Promise<void> {
    await this.#db
      .insertInto('incident_transition')
      .values({
        incident_id: id,
        version: transition.version,
        from_state: transition.from,
        to_state: transition.to,
        reason: transition.reason,
        at: transition.at,
        actor: transition.actor,
        proposed_by: transition.proposedBy,
      })
      .execute();
  }
}
