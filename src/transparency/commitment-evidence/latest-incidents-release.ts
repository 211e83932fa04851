// Which incidents the latest open-data release of `incidents` published, by that release's
// public ids. A release never changes (open-data.service.ts), so its set of ids is read once per
// release and kept until a newer one is published; each question first asks the database which
// release is the latest (one indexed row), so a new release is seen at once, by every process.
import type { Kysely } from 'kysely';
import type { Keyring } from '../../people/keyring.ts';
import type { Database } from '../../store/schema.ts';
import { OpenDataRepository } from '../open-data/open-data.kysely.ts';
import type { ReleaseRecord } from '../open-data/open-data.kysely.ts';
import { releasePublicIds } from '../open-data/release-public-ids.ts';

/** The latest incidents release, as far as a public reader may be pointed at its rows. */
export interface IncidentsRelease {
  readonly version: number;
  /** This release's public id of an incident, when the release lists it; else undefined. */
  publishedIdOf(incidentId: string): string | undefined;
}

interface Loaded {
  readonly releaseId: string;
  readonly release: Promise<IncidentsRelease>;
}

/** The latest incidents release, its ids read once per release. */
export class LatestIncidentsRelease {
  readonly #repository: OpenDataRepository;
  readonly #keyring: Pick<Keyring, 'pseudonym'>;
  #loaded: Loaded | undefined;

  constructor(deps: { db: Kysely<Database>; keyring: Pick<Keyring, 'pseudonym'> }) {
    this.#repository = new OpenDataRepository(deps.db);
    this.#keyring = deps.keyring;
  }

  /** The latest published incidents release, or undefined before the first. */
  async current(): Promise<IncidentsRelease | undefined> {
    const latest = await this.#repository.latestPublished('incidents');
    if (latest === undefined) return undefined;
    let loaded = this.#loaded;
    if (loaded?.releaseId !== latest.id) {
      // Kept as a promise: requests arriving while it loads share the one read; a failed read
      // is forgotten, so the next request tries again.
      const release = this.#load(latest);
      loaded = { releaseId: latest.id, release };
      this.#loaded = loaded;
      void release.catch(() => {
        if (this.#loaded?.release === release) this.#loaded = undefined;
      });
    }
    return loaded.release;
  }

  async #load(release: ReleaseRecord): Promise<IncidentsRelease> {
    const published = new Set<string>();
    // The first cell of an incidents row is its public id (event_id_cnty).
    for await (const page of this.#repository.pages(release.id)) {
      for (const row of page) published.add(String(row[0]));
    }
    const publicIdOf = releasePublicIds(this.#keyring, 'incidents', release.id);
    return {
      version: release.version,
      publishedIdOf: (incidentId) => {
        const publicId = publicIdOf(incidentId);
        return published.has(publicId) ? publicId : undefined;
      },
    };
  }
}
