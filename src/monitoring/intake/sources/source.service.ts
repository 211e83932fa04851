// Sources (DOMAIN.md §2): who gives information, known to staff by a code name and graded for
// reliability A–F, with every grading and its reason kept. A source that is a person may have a
// contact, stored in the identity vault (a person record of kind 'source_contact', which no
// people search or identity read returns) and read only here, through an audited vault read by
// the hotline or a coordinator. A source flagged at risk is never shown beyond analysts and
// coordinators: the hotline cannot read its contact (it is answered as unknown).
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { StaffRole } from '../../../auth/roles.ts';
import type { AccessPurpose, Actor } from '../../../people/access.ts';
import type { Identity } from '../../../people/identity.ts';
import type { IdentityVault } from '../../../people/identity-vault.service.ts';
import { isUniqueViolation } from '../../../passage/registry/unique-violation.ts';
import { newRecordId } from '../../../random/record-id.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Reliability, SourceKind } from '../../model/vocabulary.ts';
import { KyselySourceRepository } from '../database/source.kysely.ts';
import type { Source, SourceFilter, SourceGrading } from '../database/source.repository.ts';

/** What sources need. */
export interface SourceServiceDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  vault: Pick<IdentityVault, 'storePerson' | 'readSourceContact'>;
  now: () => Date;
}

/** A source as staff see it: whether it has a contact, never the vault reference. */
export type SourceSummary = Omit<Source, 'contactPersonRef'> & { hasContact: boolean };

/** A source with its gradings, oldest first. */
export interface SourceView {
  source: SourceSummary;
  gradings: SourceGrading[];
}

/** A new source. */
export interface NewSource {
  kind: SourceKind;
  label: string;
  reliability: Reliability;
  reason: string;
  atRisk: boolean;
  contact?: Identity | undefined;
}

const LABEL_INDEX = { name: 'source_label_unique', column: 'source.label' };

function summaryOf(source: Source): SourceSummary {
  const { contactPersonRef, ...rest } = source;
  return { ...rest, hasContact: contactPersonRef !== null };
}

// What the sealed entry of a source version holds: its grades and flags, never the contact.
function sealRecord(source: Source, extra: Record<string, unknown>): Record<string, unknown> {
  return { ...summaryOf(source), contactPersonRef: source.contactPersonRef, ...extra };
}

/** Sources, their gradings and their contacts. */
export class SourceService {
  readonly #deps: SourceServiceDeps;

  constructor(deps: SourceServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Creates a source (its contact first, into the vault); 'already_exists' for a label in use.
   * A contact stored before a failed insert stays in the vault, named by no source, until its
   * retention ends (as with household registration).
   */
  async create(input: NewSource, actor: Actor): Promise<SourceView> {
    const repository = new KyselySourceRepository(this.#deps.db);
    const taken = await repository.list({ limit: 1, label: input.label });
    if (taken.length > 0) throw labelTaken();
    const id = newRecordId();
    const at = this.#deps.now().toISOString();
    const contactPersonRef =
      input.contact === undefined
        ? null
        : await this.#deps.vault.storePerson(
            {
              identity: input.contact,
              householdRef: id,
              // Kept like a detention case's people: until the matter closes, then a set period
              // (no anchor yet, so nothing expires while the source is in use).
              retention: { category: 'detention_case' },
              // Never searchable nor readable through the people routes: only readContact
              // below, with this source's rules, reads it.
              kind: 'source_contact',
            },
            actor,
          );
    const source: Source = {
      id,
      kind: input.kind,
      label: input.label,
      reliability: input.reliability,
      atRisk: input.atRisk,
      contactPersonRef,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const grading = { version: 1, reliability: input.reliability, reason: input.reason, at };
    const seal = await this.#deps.sealer.seal({
      kind: 'source.created',
      id,
      version: 1,
      record: sealRecord(source, { reason: input.reason, actor: actor.id }),
    });
    try {
      await this.#deps.db.transaction().execute(async (trx) => {
        await new KyselySourceRepository(trx).insert(source, { ...grading, actor: actor.id });
        await insertSeals(trx, [seal]);
      });
    } catch (error) {
      if (isUniqueViolation(error, LABEL_INDEX)) throw labelTaken();
      throw error;
    }
    return this.get(id);
  }

  /** Sources by label. */
  async list(filter: Omit<SourceFilter, 'label'>): Promise<SourceSummary[]> {
    const sources = await new KyselySourceRepository(this.#deps.db).list(filter);
    return sources.map(summaryOf);
  }

  /** The source and its gradings; 'not_found'. */
  async get(id: string): Promise<SourceView> {
    const repository = new KyselySourceRepository(this.#deps.db);
    const [source, gradings] = await Promise.all([repository.get(id), repository.gradings(id)]);
    if (source === undefined) throw new DomainError('not_found', 'no such source');
    return { source: summaryOf(source), gradings };
  }

  /** Re-grades reliability with a reason, at the version read. */
  async regrade(
    id: string,
    request: { reliability: Reliability; reason: string; version: number },
    actor: Actor,
  ): Promise<SourceView> {
    const current = await this.#current(id, request.version);
    const at = this.#deps.now().toISOString();
    const next = { ...current, reliability: request.reliability, updatedAt: at };
    await this.#change(next, { kind: 'source.graded', reason: request.reason, actor }, (trx) =>
      new KyselySourceRepository(trx).regrade(
        { id, expectedVersion: request.version, at },
        { reliability: request.reliability, reason: request.reason, actor: actor.id },
      ),
    );
    return this.get(id);
  }

  /** Sets or clears the at-risk flag, at the version read. */
  async setAtRisk(
    id: string,
    request: { atRisk: boolean; version: number },
    actor: Actor,
  ): Promise<SourceView> {
    const current = await this.#current(id, request.version);
    const at = this.#deps.now().toISOString();
    const next = { ...current, atRisk: request.atRisk, updatedAt: at };
    await this.#change(next, { kind: 'source.risk', reason: null, actor }, (trx) =>
      new KyselySourceRepository(trx).setAtRisk(
        { id, expectedVersion: request.version, at },
        request.atRisk,
      ),
    );
    return this.get(id);
  }

  /**
   * The source's contact, read from the vault for `purpose` (the vault seals the read). A
   * source with no contact, and an at-risk source read by anyone but a coordinator, answer
   * 'not_found', the same as no source at all.
   */
  async readContact(
    id: string,
    reader: { actor: Actor; role: StaffRole },
    purpose: AccessPurpose,
  ): Promise<Identity> {
    const source = await new KyselySourceRepository(this.#deps.db).get(id);
    const hidden = source?.atRisk === true && reader.role !== 'coordinator';
    if (source === undefined || source.contactPersonRef === null || hidden) {
      throw new DomainError('not_found', 'no such source contact');
    }
    return this.#deps.vault.readSourceContact(source.contactPersonRef, reader.actor, purpose);
  }

  async #current(id: string, version: number): Promise<Source> {
    const source = await new KyselySourceRepository(this.#deps.db).get(id);
    if (source === undefined) throw new DomainError('not_found', 'no such source');
    if (source.version !== version) {
      throw new DomainError('conflict', 'the source changed meanwhile', {
        details: { id, expectedVersion: version, currentVersion: source.version },
      });
    }
    return source;
  }

  async #change(
    next: Source,
    entry: { kind: string; reason: string | null; actor: Actor },
    write: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    const version = next.version + 1;
    const seal = await this.#deps.sealer.seal({
      kind: entry.kind,
      id: next.id,
      version,
      record: sealRecord({ ...next, version }, { reason: entry.reason, actor: entry.actor.id }),
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      await write(trx);
      await insertSeals(trx, [seal]);
    });
  }
}

function labelTaken(): DomainError {
  return new DomainError('already_exists', 'a source with this label exists', {
    details: [{ path: 'label', code: 'already_exists' }],
  });
}
