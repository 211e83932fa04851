// Reading bulletins: the public list and pages (published only, from the stored content that is
// the log entry's body), their C2SP tlog-proofs, and the staff views of unpublished work.
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { encodeLogEntry } from '../../ledger/log-entry.ts';
import { formatTlogProof } from '../../ledger/tlog-proof.ts';
import type { LogProofSource } from '../../passage/passage-context.ts';
import type { Database } from '../../store/schema.ts';
import type { BulletinContent, PublishedBulletin } from './bulletin-content.ts';
import { KyselyBulletinRepository } from './bulletin.kysely.ts';
import type { Bulletin, BulletinVersion } from './bulletin.repository.ts';
import { BULLETIN_KINDS } from './bulletin.service.ts';

/** One entry of the public list. */
export interface BulletinSummary {
  id: string;
  product: string;
  periodFrom: string;
  periodTo: string;
  languages: string[];
  publishedAt: string;
  logIndex: number;
  corrects: Bulletin['corrects'];
}

/** What the readers need. */
export interface BulletinReadingDeps {
  db: Kysely<Database>;
  /** The log's proofs; without it the proof route answers 'unavailable'. */
  proofs?: LogProofSource | undefined;
}

function isPublished(
  bulletin: Bulletin,
): bulletin is Bulletin & { publishedAt: string; logIndex: number; publishedRecord: string } {
  return (
    bulletin.state === 'published' &&
    bulletin.publishedAt !== null &&
    bulletin.logIndex !== null &&
    bulletin.publishedRecord !== null
  );
}

function summaryOf(bulletin: Bulletin): BulletinSummary | undefined {
  if (!isPublished(bulletin)) return undefined;
  const { id, product, periodFrom, periodTo, languages, publishedAt, logIndex, corrects } =
    bulletin;
  return { id, product, periodFrom, periodTo, languages, publishedAt, logIndex, corrects };
}

/** Public and staff reads of bulletins. */
export class BulletinReadingService {
  readonly #deps: BulletinReadingDeps;

  constructor(deps: BulletinReadingDeps) {
    this.#deps = deps;
  }

  /** Published bulletins, newest first. */
  async list(page: { limit: number; offset: number }): Promise<BulletinSummary[]> {
    const bulletins = await this.#repository().listPublished(page);
    return bulletins.flatMap((bulletin) => summaryOf(bulletin) ?? []);
  }

  /** A published bulletin with its corrections; 'not_found' for any other (drafts are staff's). */
  async published(id: string): Promise<PublishedBulletin> {
    const bulletin = await this.#published(id);
    const corrections = await this.#repository().publishedCorrectionsOf(id);
    return {
      // The page shows exactly what the log holds.
      content: JSON.parse(bulletin.publishedRecord) as BulletinContent,
      publishedAt: bulletin.publishedAt,
      logIndex: bulletin.logIndex,
      correctedBy: corrections.map((c) => ({ id: c.id, kind: c.corrects?.kind ?? 'correction' })),
    };
  }

  /**
   * The C2SP tlog-proof of a published bulletin's entry at the latest checkpoint, its `extra`
   * line carrying the entry bytes so that it verifies offline on its own (as the notary's do).
   */
  async proof(id: string): Promise<string> {
    const bulletin = await this.#published(id);
    const proofs = this.#deps.proofs;
    const checkpoint = proofs?.checkpoint();
    if (proofs === undefined || checkpoint === undefined || checkpoint.size <= bulletin.logIndex) {
      throw new DomainError('unavailable', 'no checkpoint covers this bulletin yet');
    }
    const entry = encodeLogEntry({
      kind: BULLETIN_KINDS.published,
      id: bulletin.id,
      // The publication made this version; the entry carries it.
      version: bulletin.version,
      at: bulletin.entryAt ?? bulletin.publishedAt,
      body: JSON.parse(bulletin.publishedRecord) as unknown,
    });
    const index = bulletin.logIndex;
    const proof = await proofs.proveInclusion(index, checkpoint.size);
    return formatTlogProof({ extra: entry, index, proof, checkpoint: checkpoint.note });
  }

  /** Unpublished bulletins, newest first (staff). */
  drafts(limit: number): Promise<Bulletin[]> {
    return this.#repository().listUnpublished(limit);
  }

  /** Any bulletin with every version (staff). */
  async withVersions(id: string): Promise<{ bulletin: Bulletin; versions: BulletinVersion[] }> {
    const repository = this.#repository();
    const bulletin = await repository.get(id);
    if (bulletin === undefined) throw new DomainError('not_found', 'no such bulletin');
    return { bulletin, versions: await repository.versions(id) };
  }

  async #published(id: string) {
    const bulletin = await this.#repository().get(id);
    if (bulletin === undefined || !isPublished(bulletin)) {
      throw new DomainError('not_found', 'no such published bulletin');
    }
    return bulletin;
  }

  #repository(): KyselyBulletinRepository {
    return new KyselyBulletinRepository(this.#deps.db);
  }
}
