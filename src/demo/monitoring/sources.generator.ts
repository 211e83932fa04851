// The sources of the demo's information (DOMAIN.md §2): the mission's monitors, partner
// organisations, an official of each party, media outlets, social-media accounts, and residents,
// witnesses and relatives who come forward. Each starts with a reliability by kind (F for anyone
// without a track record) and is regraded as its reports prove out, with the reason kept.
import type { Reliability, SourceKind } from '../../monitoring/model/vocabulary.ts';
import type { Random } from '../random.ts';
import { SyntheticNumbers } from '../synthetic-ids.ts';
import { drawFamilyName, drawGivenName } from '../synthetic-names.ts';
import type { MonitoringSource, SourceGradingDraft, StaffLogin } from './monitoring.types.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { dayTime, isoAt } from './monitoring-world.ts';

/** Social-media accounts the media monitoring follows. */
export const SOCIAL_MEDIA_ACCOUNTS = 36;

const INITIAL: Readonly<Record<SourceKind, Reliability>> = {
  mission_monitor: 'B',
  partner_organisation: 'C',
  party_official: 'C',
  media: 'C',
  social_media: 'F',
  resident: 'F',
  witness: 'F',
  victim_or_relative: 'F',
  anonymous: 'F',
  document: 'C',
  other: 'F',
};

const PREFIX: Readonly<Record<SourceKind, string>> = {
  mission_monitor: 'MON',
  partner_organisation: 'PRT',
  party_official: 'OFF',
  media: 'MED',
  social_media: 'SM',
  resident: 'RES',
  witness: 'WIT',
  victim_or_relative: 'REL',
  anonymous: 'ANO',
  document: 'DOC',
  other: 'OTH',
};

interface SourceBuild {
  readonly source: Omit<MonitoringSource, 'gradings'>;
  readonly gradings: SourceGradingDraft[];
}

/** When a person source was added and by whom. */
export interface Added {
  readonly at: number;
  readonly by: StaffLogin;
}

/**
 * The sources, built as reports come in and regraded as they prove out.
 *
 * @example const book = new SourceBook(world); const id = book.person('witness', added);
 */
export class SourceBook {
  readonly #rng: Random;
  readonly #numbers: SyntheticNumbers;
  readonly #builds: SourceBuild[] = [];
  readonly #counters = new Map<SourceKind, number>();
  /** One monitor source per monitor login. */
  readonly monitors: ReadonlyMap<StaffLogin, string>;
  /** One source per partner organisation name. */
  readonly partners: ReadonlyMap<string, string>;
  /** One official per party id. */
  readonly officials: ReadonlyMap<string, string>;
  readonly media: readonly string[];
  readonly socialMedia: readonly string[];

  constructor(world: MonitoringWorld) {
    this.#rng = world.root.fork('sources');
    this.#numbers = new SyntheticNumbers(world.root.fork('source-numbers'));
    const setUp: Added = { at: dayTime(world, -6, 9), by: world.team.analysts[0] ?? 'analyst' };
    this.monitors = new Map(
      world.team.monitors.map((m) => [m, this.add('mission_monitor', setUp)]),
    );
    this.partners = new Map(
      world.team.partners.map((p) => [p, this.add('partner_organisation', setUp)]),
    );
    this.officials = new Map(
      world.parties.map((party) => [party.id, this.add('party_official', setUp, party.id)]),
    );
    this.media = Array.from({ length: 3 }, () => this.add('media', setUp));
    this.socialMedia = Array.from({ length: SOCIAL_MEDIA_ACCOUNTS }, () =>
      this.add('social_media', setUp),
    );
  }

  /** A new resident, witness or relative; some leave a contact (kept in the vault). */
  person(kind: 'resident' | 'witness' | 'victim_or_relative', added: Added): string {
    return this.add(kind, added);
  }

  /** Regrades a source (the reason is kept with the grading). */
  regrade(sourceId: string, grading: Omit<SourceGradingDraft, 'at'> & { at: number }): void {
    const build = this.#builds.find((b) => b.source.id === sourceId);
    if (build === undefined) throw new RangeError(`no source ${sourceId}`);
    const last = build.gradings[build.gradings.length - 1];
    if (last?.reliability === grading.reliability) return;
    build.gradings.push({ ...grading, at: isoAt(grading.at) });
  }

  /** The kind of a source. */
  kindOf(sourceId: string): SourceKind | undefined {
    return this.#builds.find((b) => b.source.id === sourceId)?.source.kind;
  }

  /** Every source, gradings in time order. */
  finish(): MonitoringSource[] {
    return this.#builds.map(({ source, gradings }) => ({
      ...source,
      gradings: [...gradings].sort((a, b) => a.at.localeCompare(b.at)),
    }));
  }

  private add(kind: SourceKind, added: Added, partyId?: string): string {
    const rng = this.#rng;
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    const isPerson = kind === 'resident' || kind === 'witness' || kind === 'victim_or_relative';
    const id = rng.uuid();
    const at = isoAt(added.at);
    const source: Omit<MonitoringSource, 'gradings'> = {
      id,
      kind,
      label: `${PREFIX[kind]}-${String(n).padStart(3, '0')}`,
      atRisk: isPerson && rng.chance(0.3),
      ...(partyId === undefined ? {} : { partyId }),
      ...(isPerson && rng.chance(0.6) ? { contact: this.contact() } : {}),
      addedAt: at,
      addedBy: added.by,
    };
    const first = { reliability: INITIAL[kind], reason: 'initial grading by source kind', at };
    this.#builds.push({ source, gradings: [{ ...first, by: added.by }] });
    return id;
  }

  private contact() {
    const rng = this.#rng;
    const given = drawGivenName(rng, rng.chance(0.5) ? 'female' : 'male');
    return {
      given: given.en,
      family: drawFamilyName(rng).en,
      phone: this.#numbers.phone(),
      script: 'en' as const,
    };
  }
}
