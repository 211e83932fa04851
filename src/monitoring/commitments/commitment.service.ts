// The register of public commitments (issue 4 "Commitments"): what a party has publicly
// promised, in its original language with translations, kept in versions (a correction is a new
// version; nothing is deleted). Commitments are public log entries: anyone can check the register
// the mission measures incidents against. Links — an incident or an observation as evidence of
// breach or compliance, with the analyst's reasoning — are sealed and staff-only; the public
// sees only the links to incidents an open-data release lists (src/transparency/
// commitment-evidence, docs/commitment-evidence.md).
// Every write: validate (and look everything up) → seal → one transaction with the rows.
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { parseInput, unknownReference } from '../../passage/registry/registry-input.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import { monthlyTallies } from '../model/commitment-timeline.ts';
import type { MonthTally } from '../model/commitment-timeline.ts';
import { KyselyCommitmentRepository } from './commitment.kysely.ts';
import type {
  Commitment,
  CommitmentContent,
  CommitmentLink,
  CommitmentVersion,
  DatedCommitmentLink,
} from './commitment.repository.ts';
import {
  commitmentRevisionSchema,
  newCommitmentSchema,
  newLinkSchema,
  withdrawalSchema,
} from './commitment.schema.ts';
import type {
  CommitmentRevisionInput,
  NewCommitmentInput,
  NewLinkInput,
  WithdrawalInput,
} from './commitment.schema.ts';

/** Log entry kinds of the register: versions are public, links sealed. */
export const COMMITMENT_KINDS = {
  version: 'commitment.version',
  link: 'commitment.link',
  linkWithdrawn: 'commitment.link_withdrawn',
} as const;

/** What the register needs. */
export interface CommitmentDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  now: () => Date;
}

/** A version as published: who recorded it is left out. */
export type PublicVersion = Omit<CommitmentVersion, 'actor' | 'commitmentId'>;

/** A commitment with its versions, oldest first, as published. */
export interface PublicCommitment {
  commitment: Commitment;
  versions: PublicVersion[];
}

/** The per-commitment view over time, for staff. */
export interface CommitmentTimeline {
  commitment: Commitment;
  versions: CommitmentVersion[];
  links: DatedCommitmentLink[];
  months: MonthTally[];
}

function publicVersion(version: CommitmentVersion): PublicVersion {
  return {
    version: version.version,
    ...contentOf(version),
    reason: version.reason,
    at: version.at,
  };
}

function contentOf(value: CommitmentContent): CommitmentContent {
  const { party, language, text, translations, madeOn, sourceRef, scope } = value;
  return { party, language, text, translations, madeOn, sourceRef, scope };
}

/** Registers commitments, revises them, and links evidence to them. */
export class CommitmentService {
  readonly #deps: CommitmentDeps;

  constructor(deps: CommitmentDeps) {
    this.#deps = deps;
  }

  /** Registers a commitment as `actor` (a public log entry); 'invalid_request' for bad input. */
  async register(input: NewCommitmentInput, actor: string): Promise<PublicCommitment> {
    const parsed = parseInput(newCommitmentSchema, input, 'commitment');
    const at = this.#deps.now().toISOString();
    const id = newRecordId();
    const content = contentOf(parsed);
    const commitment: Commitment = { id, ...content, createdAt: at, updatedAt: at, version: 1 };
    const first: CommitmentVersion = {
      commitmentId: id,
      version: 1,
      ...content,
      reason: parsed.reason,
      at,
      actor,
    };
    const seal = await this.#sealVersion(first);
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyCommitmentRepository(trx).insert(commitment, first);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /**
   * A new version of commitment `id`, changing the fields given: 'not_found', 'conflict' (not
   * at the version read) or 'invalid_request'.
   */
  async revise(
    id: string,
    input: CommitmentRevisionInput,
    actor: string,
  ): Promise<PublicCommitment> {
    const parsed = parseInput(commitmentRevisionSchema, input, 'commitment revision');
    const current = await this.#require(id);
    if (current.version !== parsed.version) {
      throw new DomainError('conflict', 'the commitment changed meanwhile', {
        details: { id, expectedVersion: parsed.version, currentVersion: current.version },
      });
    }
    const { reason } = parsed;
    const content: CommitmentContent = {
      party: parsed.party ?? current.party,
      language: parsed.language ?? current.language,
      text: parsed.text ?? current.text,
      translations: parsed.translations ?? current.translations,
      madeOn: parsed.madeOn ?? current.madeOn,
      sourceRef: parsed.sourceRef ?? current.sourceRef,
      scope: parsed.scope ?? current.scope,
    };
    if (Object.hasOwn(content.translations, content.language)) {
      throw new DomainError('invalid_request', 'a translation repeats the original language', {
        details: [{ path: 'translations', code: 'custom' }],
      });
    }
    const at = this.#deps.now().toISOString();
    const next: CommitmentVersion = {
      commitmentId: id,
      version: current.version + 1,
      ...content,
      reason,
      at,
      actor,
    };
    const seal = await this.#sealVersion(next);
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyCommitmentRepository(trx).addVersion(next);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /** The register, newest commitment first. */
  list(limit: number): Promise<Commitment[]> {
    return new KyselyCommitmentRepository(this.#deps.db).list(limit);
  }

  /** A commitment with its versions, as published; 'not_found' if unknown. */
  async get(id: string): Promise<PublicCommitment> {
    const commitment = await this.#require(id);
    const versions = await new KyselyCommitmentRepository(this.#deps.db).versions(id);
    return { commitment, versions: versions.map(publicVersion) };
  }

  /**
   * Links an incident or information item to commitment `id` as evidence (sealed, staff-only):
   * 'not_found' for no commitment, 'invalid_request' for unknown evidence, 'already_exists'
   * while the same evidence stands linked to the commitment (withdraw it first).
   */
  async link(id: string, input: NewLinkInput, actor: string): Promise<CommitmentLink> {
    const parsed = parseInput(newLinkSchema, input, 'commitment link');
    const repository = new KyselyCommitmentRepository(this.#deps.db);
    await this.#require(id);
    if ((await repository.evidenceTime(parsed.targetKind, parsed.targetId)) === undefined) {
      throw unknownReference('targetId', parsed.targetKind);
    }
    const standing = (await repository.links(id)).find(
      (link) =>
        link.withdrawal === null &&
        link.targetKind === parsed.targetKind &&
        link.targetId === parsed.targetId,
    );
    if (standing !== undefined) {
      throw new DomainError('already_exists', 'this evidence is linked to the commitment', {
        details: { linkId: standing.id },
      });
    }
    const link = {
      id: newRecordId(),
      commitmentId: id,
      ...parsed,
      linkedAt: this.#deps.now().toISOString(),
      linkedBy: actor,
    };
    const seal = await this.#deps.sealer.seal({
      kind: COMMITMENT_KINDS.link,
      id: link.id,
      version: 1,
      record: link,
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyCommitmentRepository(trx).insertLink(link);
      await insertSeals(trx, [seal]);
    });
    return { ...link, withdrawal: null };
  }

  /** Withdraws link `linkId` by a record of its own: 'not_found', or 'conflict' if withdrawn. */
  async withdraw(linkId: string, input: WithdrawalInput, actor: string): Promise<CommitmentLink> {
    const { reason } = parseInput(withdrawalSchema, input, 'link withdrawal');
    const repository = new KyselyCommitmentRepository(this.#deps.db);
    const link = await repository.getLink(linkId);
    if (link === undefined) throw new DomainError('not_found', 'no such commitment link');
    if (link.withdrawal !== null) {
      throw new DomainError('conflict', 'the link is already withdrawn', {
        details: { id: linkId },
      });
    }
    const withdrawal = { reason, at: this.#deps.now().toISOString(), actor };
    const seal = await this.#deps.sealer.seal({
      kind: COMMITMENT_KINDS.linkWithdrawn,
      id: linkId,
      version: 2,
      record: { linkId, ...withdrawal },
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyCommitmentRepository(trx).withdrawLink(linkId, withdrawal);
      await insertSeals(trx, [seal]);
    });
    return { ...link, withdrawal };
  }

  /** The commitment, its versions, its links by time of evidence and the monthly counts. */
  async timeline(id: string): Promise<CommitmentTimeline> {
    const commitment = await this.#require(id);
    const repository = new KyselyCommitmentRepository(this.#deps.db);
    const [versions, links] = await Promise.all([repository.versions(id), repository.links(id)]);
    const months = monthlyTallies(
      links.map((link) => ({
        bearing: link.bearing,
        evidenceAt: link.evidenceAt,
        isWithdrawn: link.withdrawal !== null,
      })),
    );
    return { commitment, versions, links, months };
  }

  async #require(id: string): Promise<Commitment> {
    const commitment = await new KyselyCommitmentRepository(this.#deps.db).get(id);
    if (commitment === undefined) throw new DomainError('not_found', 'no such commitment');
    return commitment;
  }

  /** The public entry of a version: its content and why, never who recorded it. */
  #sealVersion(version: CommitmentVersion) {
    const published = publicVersion(version);
    return this.#deps.sealer.seal({
      kind: COMMITMENT_KINDS.version,
      id: version.commitmentId,
      version: version.version,
      record: { commitmentId: version.commitmentId, ...published },
      visibility: 'public',
    });
  }
}
