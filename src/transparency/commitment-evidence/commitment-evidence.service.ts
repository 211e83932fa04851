// The public face of the commitment register's evidence links (issue 5 "commitments and their
// linked evidence"; DOMAIN.md §6). A link is the mission's own finding that a record bears on a
// party's public words; it is sealed, and what it points at is mostly not public. So a reader
// sees a link only when what it points at is public already — an incident listed in the latest
// open-data release of `incidents` — and then only its relation (breach or compliance), the day
// it was linked, and the incident's public id in that release, to find the released row.
// Never: an internal id, the analyst's reasoning or who linked (sealed), a withdrawn link, a
// link to an information item (raw reports are never public), and nothing at all — not even a
// count — about links to incidents the release does not list (docs/commitment-evidence.md).
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { Keyring } from '../../people/keyring.ts';
import type { Database } from '../../store/schema.ts';
import { KyselyCommitmentRepository } from '../../monitoring/commitments/commitment.kysely.ts';
import type { CommitmentLink } from '../../monitoring/commitments/commitment.repository.ts';
import type { LinkBearing } from '../../monitoring/model/commitment-vocabulary.ts';
import type { IncidentsRelease } from './latest-incidents-release.ts';
import { LatestIncidentsRelease } from './latest-incidents-release.ts';

/** One published piece of evidence: a released incident, as the reader finds it. */
export interface PublicEvidence {
  relation: LinkBearing;
  /** The UTC day the link was made (YYYY-MM-DD): the day is enough to date a finding. */
  linkedOn: string;
  /** The incident's public id (`event_id_cnty`) in release `releaseVersion` of `incidents`. */
  publicId: string;
  releaseVersion: number;
}

/** A commitment's published evidence. */
export interface CommitmentEvidence {
  commitmentId: string;
  /** The incidents release the public ids belong to; null before the first release. */
  incidentsRelease: number | null;
  /** By the day linked, then by public id (random per release: it orders nothing else). */
  evidence: PublicEvidence[];
}

/** What the service needs. */
export interface CommitmentEvidenceDeps {
  db: Kysely<Database>;
  /** Derives a release's public-id salt again (never stored). */
  keyring: Pick<Keyring, 'pseudonym'>;
}

/**
 * The links a public reader may see, as published: standing links to incidents that `release`
 * lists. Pure, so the rule reads in one place.
 */
export function publishableEvidence(
  links: readonly CommitmentLink[],
  release: IncidentsRelease | undefined,
): PublicEvidence[] {
  if (release === undefined) return [];
  const evidence: PublicEvidence[] = [];
  for (const link of links) {
    if (link.withdrawal !== null || link.targetKind !== 'incident') continue;
    const publicId = release.publishedIdOf(link.targetId);
    if (publicId === undefined) continue;
    evidence.push({
      relation: link.bearing,
      linkedOn: link.linkedAt.slice(0, 10),
      publicId,
      releaseVersion: release.version,
    });
  }
  return evidence.sort(
    (a, b) => a.linkedOn.localeCompare(b.linkedOn) || a.publicId.localeCompare(b.publicId),
  );
}

/** A commitment's evidence as the public may see it. */
export class CommitmentEvidenceService {
  readonly #db: Kysely<Database>;
  readonly #release: LatestIncidentsRelease;

  constructor(deps: CommitmentEvidenceDeps) {
    this.#db = deps.db;
    this.#release = new LatestIncidentsRelease(deps);
  }

  /** The published evidence of commitment `id`; 'not_found' if there is no such commitment. */
  async evidence(id: string): Promise<CommitmentEvidence> {
    const repository = new KyselyCommitmentRepository(this.#db);
    if ((await repository.get(id)) === undefined) {
      throw new DomainError('not_found', 'no such commitment');
    }
    const [links, release] = await Promise.all([repository.links(id), this.#release.current()]);
    return {
      commitmentId: id,
      incidentsRelease: release?.version ?? null,
      evidence: publishableEvidence(links, release),
    };
  }
}
