// Hotline contacts in portable Kysely; `db` may be the pool or a transaction.
import type { Kysely, Selectable } from 'kysely';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import type { Database } from '../../store/schema.ts';
import type { HotlineContactTable } from '../commitments/commitments.tables.ts';
import type { HotlineContactTiming } from '../model/hotline-statistics.ts';
import type {
  HotlineContact,
  HotlineRepository,
  HotlineResponseChange,
} from './hotline.repository.ts';

function toContact(row: Selectable<HotlineContactTable>): HotlineContact {
  return {
    id: row.id,
    receivedAt: row.received_at,
    channel: row.channel,
    callerRef: row.caller_ref,
    topic: row.topic,
    respondedAt: row.responded_at,
    responseSeconds: row.response_seconds,
    outcome: row.outcome,
    infoItemId: row.info_item_id,
    tracingRequestId: row.tracing_request_id,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Hotline contacts on either engine. */
export class KyselyHotlineRepository implements HotlineRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(contact: HotlineContact): Promise<void> {
    await this.#db
      .insertInto('hotline_contact')
      .values({
        id: contact.id,
        received_at: contact.receivedAt,
        channel: contact.channel,
        caller_ref: contact.callerRef,
        topic: contact.topic,
        responded_at: contact.respondedAt,
        response_seconds: contact.responseSeconds,
        outcome: contact.outcome,
        info_item_id: contact.infoItemId,
        tracing_request_id: contact.tracingRequestId,
        recorded_by: contact.recordedBy,
        created_at: contact.createdAt,
        updated_at: contact.updatedAt,
        version: contact.version,
      })
      .execute();
  }

  async get(id: string): Promise<HotlineContact | undefined> {
    const row = await this.#db
      .selectFrom('hotline_contact')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toContact(row);
  }

  async list(from: string, to: string, limit: number): Promise<HotlineContact[]> {
    const rows = await this.#db
      .selectFrom('hotline_contact')
      .selectAll()
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toContact);
  }

  async respond(change: HotlineResponseChange): Promise<void> {
    const { id, expectedVersion } = change;
    const links = {
      ...(change.infoItemId === null ? {} : { info_item_id: change.infoItemId }),
      ...(change.tracingRequestId === null ? {} : { tracing_request_id: change.tracingRequestId }),
    };
    const result = await this.#db
      .updateTable('hotline_contact')
      .set({
        ...links,
        responded_at: change.respondedAt,
        response_seconds: change.responseSeconds,
        outcome: change.outcome,
        updated_at: change.at,
        version: expectedVersion + 1,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('responded_at', 'is', null)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'hotline_contact', id, expectedVersion }, () =>
      this.#db
        .selectFrom('hotline_contact')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst(),
    );
  }

  async timings(from: string, to: string): Promise<HotlineContactTiming[]> {
    const rows = await this.#db
      .selectFrom('hotline_contact')
      .select(['received_at', 'response_seconds'])
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .execute();
    return rows.map((row) => ({
      receivedAt: row.received_at,
      responseSeconds: row.response_seconds,
    }));
  }
}
