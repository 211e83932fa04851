// Open data releases (DOMAIN.md §6). A release materialises its dataset's rows once — every
// cell already disclosed — so a version never changes; its SHA-256 per format is computed by
// streaming exactly the bytes an export sends, and logged as a public entry. Exports stream
// the stored rows page by page; nothing builds a whole file in memory.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { newRecordId } from '../../random/record-id.ts';
import type { Keyring } from '../../people/keyring.ts';
import type { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type {
  Cell,
  DatasetDefinition,
  DatasetSource,
  OpenDataPolicy,
} from './dataset-definition.ts';
import { DEFAULT_OPEN_DATA_POLICY } from './dataset-definition.ts';
import { loadEarlierRelease, NO_EARLIER_RELEASE } from './earlier-release.ts';
import type { EarlierRelease } from './earlier-release.ts';
import { companionsOf, DATASETS } from './open-data.datasets.ts';
import type { DatasetName } from './open-data.datasets.ts';
import { encodePages, encoderFor, formatsOf } from './open-data.formats.ts';
import type { OpenDataFormat, ReleaseMetadata } from './open-data.formats.ts';
import { OpenDataRepository } from './open-data.kysely.ts';
import { releaseProofPath } from './open-data.proofs.ts';
import { releasePublicIds } from './release-public-ids.ts';
import type { ReleaseRecord } from './open-data.kysely.ts';

/** Log entry kinds of this slice (both public). */
export const OPEN_DATA_ENTRY_KINDS = {
  release: 'open_data.release',
  correction: 'open_data.correction',
} as const;

/** What the service needs. */
export interface OpenDataDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  /** Derives each release's public-id salt from the master key (never stored). */
  keyring: Pick<Keyring, 'pseudonym'>;
  now: () => Date;
  policy?: OpenDataPolicy;
}

/** A published release as the API shows it. */
export interface ReleaseView {
  dataset: string;
  version: number;
  methodologyVersion: string;
  rowCount: number;
  createdAt: string;
  sha256: Partial<Record<OpenDataFormat, string>>;
  logIndex: number;
  /** Its C2SP tlog-proof (/open-data/DATASET/VERSION/proof). */
  proof: string;
}

/** A new release, and those of the datasets released with it. */
export interface NewRelease extends ReleaseView {
  releasedWith: ReleaseView[];
}

/** One export: its metadata and its text pieces, pulled lazily. */
export interface ReleaseExport {
  release: ReleaseView;
  chunks: AsyncIterable<string>;
}

function notFound(what: string): DomainError<'not_found'> {
  return new DomainError('not_found', `no ${what}`);
}

function metadataOf(release: ReleaseRecord): ReleaseMetadata {
  return {
    dataset: release.dataset,
    version: release.version,
    methodologyVersion: release.methodology_version,
    rowCount: release.row_count,
    createdAt: release.created_at,
  };
}

/** The view of a published release. */
export function releaseView(release: ReleaseRecord): ReleaseView {
  return {
    ...metadataOf(release),
    sha256: JSON.parse(release.sha256 ?? '{}') as ReleaseView['sha256'],
    logIndex: release.log_index ?? -1,
    proof: releaseProofPath(release.dataset, release.version),
  };
}

/** Open data releases, exports and corrections. */
export class OpenDataService {
  readonly #deps: OpenDataDeps;
  readonly #repository: OpenDataRepository;

  constructor(deps: OpenDataDeps) {
    this.#deps = deps;
    this.#repository = new OpenDataRepository(deps.db);
  }

  /**
   * Makes release N+1 of `dataset` from the current records, with the next release of each
   * dataset released with it (companionsOf); logs each; answers their views. A day an earlier
   * release published is repeated as published (earlier-release.ts).
   */
  async createRelease(dataset: DatasetName, actor: string): Promise<NewRelease> {
    const now = this.#deps.now();
    const group = [dataset, ...companionsOf(dataset)];
    // Read every earlier release before publishing any: a companion's new release must not
    // pass for an earlier one.
    const earlier = new Map<string, EarlierRelease>();
    for (const name of group) earlier.set(name, await this.#earlierRelease(name));
    const views: ReleaseView[] = [];
    for (const name of group) {
      const id = newRecordId();
      const source: DatasetSource = {
        db: this.#deps.db,
        now,
        policy: this.#deps.policy ?? DEFAULT_OPEN_DATA_POLICY,
        publicId: this.#publicIds(name, id),
        earlier: (other) => earlier.get(other) ?? NO_EARLIER_RELEASE,
      };
      const rows = DATASETS[name].build(source);
      views.push(await this.publishRows(name, { id, rows, actor, at: now }));
    }
    const [view, ...releasedWith] = views;
    if (view === undefined) throw new Error('a release group always holds its dataset');
    return { ...view, releasedWith };
  }

  /**
   * Release `releaseId`'s public ids: under a keyed hash of the release id under the master key
   * — fresh per release, never stored, recomputable by the mission alone (to find the record
   * behind a public id, or what an earlier release published for a record).
   */
  #publicIds(dataset: DatasetName, releaseId: string): (internalId: string) => string {
    return releasePublicIds(this.#deps.keyring, dataset, releaseId);
  }

  async #earlierRelease(dataset: DatasetName): Promise<EarlierRelease> {
    const release = await this.#repository.latestPublished(dataset);
    return loadEarlierRelease(this.#repository, release, {
      dayColumn: DATASETS[dataset].dayColumn,
      publicIdOf: release === undefined ? () => '' : this.#publicIds(dataset, release.id),
    });
  }

  /**
   * Stores `rows` as the next release of `dataset` and publishes it: pending until its log
   * entry is durable, so a crash leaves at most an unserved pending release.
   */
  async publishRows(
    dataset: DatasetName,
    input: {
      /** The release id (createRelease draws it first: the public-id salt depends on it). */
      id?: string;
      rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;
      actor: string;
      at: Date;
    },
  ): Promise<ReleaseView> {
    const definition = DATASETS[dataset];
    const version = await this.#repository.nextVersion(dataset);
    const release: ReleaseRecord = {
      id: input.id ?? newRecordId(),
      dataset,
      version,
      methodology_version: definition.methodologyVersion,
      row_count: 0,
      status: 'pending',
      sha256: null,
      log_index: null,
      created_by: input.actor,
      created_at: input.at.toISOString(),
    };
    try {
      await this.#repository.insertPending(release);
    } catch (error) {
      throw new DomainError('conflict', `release ${String(version)} of ${dataset} exists`, {
        cause: error,
      });
    }
    try {
      const rowCount = await this.#repository.insertRows(release.id, input.rows);
      const stored = { ...release, row_count: rowCount };
      const sha256 = await this.#hashFormats(definition, stored);
      const seal = await this.#deps.sealer.seal({
        kind: OPEN_DATA_ENTRY_KINDS.release,
        id: release.id,
        version: 1,
        visibility: 'public',
        record: { ...metadataOf(stored), sha256 },
      });
      const published = { sha256: JSON.stringify(sha256), rowCount, seal };
      await this.#repository.markPublished(release.id, published);
      return releaseView({ ...stored, sha256: published.sha256, log_index: seal.logIndex });
    } catch (error) {
      await this.#repository.discardPending(release.id);
      throw error;
    }
  }

  async #hashFormats(definition: DatasetDefinition, release: ReleaseRecord) {
    const sha256: Partial<Record<OpenDataFormat, string>> = {};
    for (const format of formatsOf(definition)) {
      const hash = createHash('sha256');
      for await (const chunk of this.#chunks(definition, release, format)) hash.update(chunk);
      sha256[format] = hash.digest('hex');
    }
    return sha256;
  }

  #chunks(definition: DatasetDefinition, release: ReleaseRecord, format: OpenDataFormat) {
    const encoder = encoderFor(format, definition, metadataOf(release));
    return encodePages(encoder, this.#repository.pages(release.id));
  }

  /** Published release `version` of `dataset` in `format`, streamed; `not_found` otherwise. */
  async exportRelease(
    dataset: DatasetName,
    version: number,
    format: OpenDataFormat,
  ): Promise<ReleaseExport> {
    const definition = DATASETS[dataset];
    if (!formatsOf(definition).includes(format)) throw notFound(`${format} form of ${dataset}`);
    const release = await this.#repository.findPublished(dataset, version);
    if (release === undefined) throw notFound(`release ${String(version)} of ${dataset}`);
    return { release: releaseView(release), chunks: this.#chunks(definition, release, format) };
  }

  /** Every published release, newest first per dataset. */
  async releases(): Promise<ReleaseView[]> {
    return (await this.#repository.listPublished()).map(releaseView);
  }
}
