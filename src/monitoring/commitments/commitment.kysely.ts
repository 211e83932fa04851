// The commitment register in portable Kysely; `db` may be the pool or a transaction.
import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { isJsonObject, parseJsonColumn } from '../../passage/database/json-column.ts';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import { isUniqueViolation } from '../../passage/registry/unique-violation.ts';
import type { Database } from '../../store/schema.ts';
import type { LinkTarget } from '../model/commitment-vocabulary.ts';
import type {
  Commitment,
  CommitmentContent,
  CommitmentLink,
  CommitmentRepository,
  CommitmentVersion,
  DatedCommitmentLink,
  LinkWithdrawal,
} from './commitment.repository.ts';
import type { CommitmentTable, CommitmentVersionTable } from './commitments.tables.ts';

function isTranslations(value: unknown): value is Record<string, string> {
  return isJsonObject(value) && Object.values(value).every((text) => typeof text === 'string');
}

function toContent(row: Selectable<CommitmentTable> | Selectable<CommitmentVersionTable>) {
  return {
    party: row.party,
    language: row.language,
    text: row.text,
    translations: parseJsonColumn(row.translations, isTranslations, 'commitment.translations'),
    madeOn: row.made_on,
    sourceRef: row.source_ref,
    scope: row.scope,
  } satisfies CommitmentContent;
}

function contentColumns(content: CommitmentContent) {
  return {
    party: content.party,
    language: content.language,
    text: content.text,
    translations: JSON.stringify(content.translations),
    made_on: content.madeOn,
    source_ref: content.sourceRef,
    scope: content.scope,
  };
}

function toCommitment(row: Selectable<CommitmentTable>): Commitment {
  return {
    id: row.id,
    ...toContent(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function versionRow(version: CommitmentVersion) {
  return {
    commitment_id: version.commitmentId,
    version: version.version,
    ...contentColumns(version),
    reason: version.reason,
    at: version.at,
    actor: version.actor,
  };
}

/** The commitment register on either engine. */
export class KyselyCommitmentRepository implements CommitmentRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(commitment: Commitment, first: CommitmentVersion): Promise<void> {
    await this.#db
      .insertInto('commitment')
      .values({
        id: commitment.id,
        ...contentColumns(commitment),
        created_at: commitment.createdAt,
        updated_at: commitment.updatedAt,
        version: commitment.version,
      })
      .execute();
    await this.#db.insertInto('commitment_version').values(versionRow(first)).execute();
  }

  async addVersion(next: CommitmentVersion): Promise<void> {
    const id = next.commitmentId;
    const expectedVersion = next.version - 1;
    const result = await this.#db
      .updateTable('commitment')
      .set({ ...contentColumns(next), updated_at: next.at, version: next.version })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'commitment', id, expectedVersion }, () =>
      this.#db.selectFrom('commitment').select('version').where('id', '=', id).executeTakeFirst(),
    );
    await this.#db.insertInto('commitment_version').values(versionRow(next)).execute();
  }

  async get(id: string): Promise<Commitment | undefined> {
    const row = await this.#db
      .selectFrom('commitment')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toCommitment(row);
  }

  async list(limit: number): Promise<Commitment[]> {
    const rows = await this.#db
      .selectFrom('commitment')
      .selectAll()
      .orderBy('made_on', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toCommitment);
  }

  async versions(id: string): Promise<CommitmentVersion[]> {
    const rows = await this.#db
      .selectFrom('commitment_version')
      .selectAll()
      .where('commitment_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      commitmentId: row.commitment_id,
      version: row.version,
      ...toContent(row),
      reason: row.reason,
      at: row.at,
      actor: row.actor,
    }));
  }

  async insertLink(link: Omit<CommitmentLink, 'withdrawal'>): Promise<void> {
    await this.#db
      .insertInto('commitment_link')
      .values({
        id: link.id,
        commitment_id: link.commitmentId,
        target_kind: link.targetKind,
        target_id: link.targetId,
        bearing: link.bearing,
        reasoning: link.reasoning,
        linked_at: link.linkedAt,
        linked_by: link.linkedBy,
      })
      .execute();
  }

  async getLink(id: string): Promise<CommitmentLink | undefined> {
    return (await this.#linkRows('id', id))[0];
  }

  async withdrawLink(linkId: string, withdrawal: LinkWithdrawal): Promise<void> {
    try {
      await this.#db
        .insertInto('commitment_link_withdrawal')
        .values({ link_id: linkId, ...withdrawal })
        .execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError('conflict', 'the link was withdrawn meanwhile', { cause: error });
    }
  }

  async links(commitmentId: string): Promise<DatedCommitmentLink[]> {
    const links = await this.#linkRows('commitment_id', commitmentId);
    const times = new Map<string, string>();
    for (const kind of ['incident', 'info_item'] as const) {
      const ids = links.filter((link) => link.targetKind === kind).map((link) => link.targetId);
      for (const [id, at] of await this.#evidenceTimes(kind, ids)) times.set(`${kind}/${id}`, at);
    }
    return links
      .map((link) => ({
        ...link,
        evidenceAt: times.get(`${link.targetKind}/${link.targetId}`) ?? link.linkedAt,
      }))
      .sort(
        (a, b) =>
          a.evidenceAt.localeCompare(b.evidenceAt) ||
          a.linkedAt.localeCompare(b.linkedAt) ||
          a.id.localeCompare(b.id),
      );
  }

  async evidenceTime(kind: LinkTarget, id: string): Promise<string | undefined> {
    return (await this.#evidenceTimes(kind, [id])).get(id);
  }

  async #linkRows(column: 'id' | 'commitment_id', value: string): Promise<CommitmentLink[]> {
    const rows = await this.#db
      .selectFrom('commitment_link')
      .leftJoin(
        'commitment_link_withdrawal',
        'commitment_link_withdrawal.link_id',
        'commitment_link.id',
      )
      .selectAll('commitment_link')
      .select([
        'commitment_link_withdrawal.reason as withdrawn_reason',
        'commitment_link_withdrawal.at as withdrawn_at',
        'commitment_link_withdrawal.actor as withdrawn_by',
      ])
      .where(`commitment_link.${column}`, '=', value)
      .orderBy('commitment_link.linked_at')
      .orderBy('commitment_link.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      commitmentId: row.commitment_id,
      targetKind: row.target_kind,
      targetId: row.target_id,
      bearing: row.bearing,
      reasoning: row.reasoning,
      linkedAt: row.linked_at,
      linkedBy: row.linked_by,
      withdrawal:
        row.withdrawn_at === null || row.withdrawn_reason === null || row.withdrawn_by === null
          ? null
          : { reason: row.withdrawn_reason, at: row.withdrawn_at, actor: row.withdrawn_by },
    }));
  }

  /** Evidence times by id: an incident's start; an item's event time, else its receipt. */
  async #evidenceTimes(kind: LinkTarget, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    if (kind === 'incident') {
      const rows = await this.#db
        .selectFrom('incident')
        .select(['id', 'occurred_start'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((row) => [row.id, row.occurred_start]));
    }
    const rows = await this.#db
      .selectFrom('info_item')
      .select(['id', 'occurred_at', 'received_at'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.occurred_at ?? row.received_at]));
  }
}
