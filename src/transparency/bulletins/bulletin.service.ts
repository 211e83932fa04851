// The bulletins' workflow (issue 6): daily and weekly reports drafted from the data at the
// information cut-off, spot reports written by an analyst; analysts edit the narrative per
// working language (every edit a version); a coordinator other than the last editor approves;
// publishing appends the content — figures and texts, no one's identity — to the log as a public
// entry. Published bulletins never change: corrections and retractions are new bulletins.
// Every write: validate → seal (the log entry first) → one transaction, optimistic on version.
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { parseInput } from '../../passage/registry/registry-input.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { Seal, Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import { draftFigures, newBulletin } from './bulletin-draft.ts';
import { isReportingStarted } from './bulletin-first-draft.ts';
import type { NewBulletin } from './bulletin-draft.ts';
import { NO_FIGURES } from './bulletin-figures.ts';
import { checkPublishable } from './bulletin-publication-check.ts';
import { publishingAlone } from './bulletin-publication.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { checkApprover, nextState } from './bulletin-model.ts';
import type { BulletinAction } from './bulletin-model.ts';
import { latestCutoffDate, periodEndingOn } from './bulletin-schedule.ts';
import type { BulletinPeriod } from './bulletin-schedule.ts';
import { publishedContent } from './bulletin-content.ts';
import type { BulletinSettings } from './bulletin-settings.ts';
import { KyselyBulletinRepository } from './bulletin.kysely.ts';
import type { Bulletin } from './bulletin.repository.ts';
import {
  correctionSchema,
  editSchema,
  newBulletinSchema,
  versionSchema,
} from './bulletin.schema.ts';
import type {
  CorrectionInput,
  EditInput,
  NewBulletinInput,
  VersionInput,
} from './bulletin.schema.ts';

/** Log entry kinds: a version is sealed (staff work), a publication public. */
export const BULLETIN_KINDS = {
  version: 'bulletin.version',
  published: 'bulletin.published',
} as const;

/** The actor of automatic drafts. */
export const SYSTEM_ACTOR = 'system';

/** What the workflow needs. */
export interface BulletinDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  now: () => Date;
  settings: BulletinSettings;
}

const DAYS = { daily: 1, weekly: 7 } as const;

/** Drafts, edits, approves, publishes and corrects bulletins. */
export class BulletinService {
  readonly #deps: BulletinDeps;

  constructor(deps: BulletinDeps) {
    this.#deps = deps;
  }

  /**
   * Drafts the daily report of the latest cut-off at or before now, unless it exists: called
   * by the background job, so restarts and repeated calls never make a second draft.
   */
  async draftDue(): Promise<Bulletin | undefined> {
    const { cutoff } = this.#deps.settings;
    const date = latestCutoffDate(this.#deps.now(), cutoff);
    if (!(await isReportingStarted(this.#deps.db, periodEndingOn(date, 1, cutoff)))) return;
    return this.#draftOnce('daily', date, SYSTEM_ACTOR);
  }

  /** A new bulletin: a draft from the data ('already_exists' for its period) or a spot report. */
  async create(input: NewBulletinInput, actor: string): Promise<Bulletin> {
    const parsed = parseInput(newBulletinSchema, input, 'bulletin');
    if (parsed.product !== 'spot') {
      const date = parsed.date ?? latestCutoffDate(this.#deps.now(), this.#deps.settings.cutoff);
      const draft = await this.#draftOnce(parsed.product, date, actor);
      if (draft === undefined) {
        throw new DomainError('already_exists', 'this period already has a draft', {
          details: { product: parsed.product, date },
        });
      }
      return draft;
    }
    if (parsed.periodFrom >= parsed.periodTo) {
      throw new DomainError('invalid_request', 'the period ends before it starts', {
        details: [{ path: 'periodTo', code: 'too_small' }],
      });
    }
    const texts = this.#texts(parsed.texts);
    return this.#insert({
      product: 'spot',
      period: { from: parsed.periodFrom, to: parsed.periodTo },
      figures: NO_FIGURES,
      texts,
      actor,
    });
  }

  /** Replaces one language's narrative at the version read (a new version; state in_review). */
  async edit(id: string, input: EditInput, actor: string): Promise<Bulletin> {
    const parsed = parseInput(editSchema, input, 'bulletin edit');
    const current = await this.#require(id, parsed.version, 'edit');
    if (!current.languages.includes(parsed.language)) throw notWorkingLanguage(parsed.language);
    return this.#change(current, 'edit', actor, {
      texts: { ...current.texts, [parsed.language]: parsed.text },
      lastEditor: actor,
      approvedBy: null,
    });
  }

  /** Drafts the figures again from the data (an edit by `actor`); not for spots or corrections. */
  async redraft(id: string, input: VersionInput, actor: string): Promise<Bulletin> {
    const { version } = parseInput(versionSchema, input, 'bulletin redraft');
    const current = await this.#require(id, version, 'edit');
    // A correction publishes the figures of the bulletin it corrects: new figures for its period
    // would be a release the weekly reports' audit never saw (and it has no cut-off date).
    if (current.product === 'spot' || current.draftKey === null) {
      throw new DomainError('invalid_transition', 'only a drafted report has figures to draft', {
        details: { from: current.state, action: 'redraft', machine: 'bulletin' },
      });
    }
    // The draft key names the local date of the cut-off; a period's end is that cut-off.
    const localDate = current.draftKey.split(':')[1] ?? '';
    const period = { from: current.periodFrom, to: current.periodTo, localDate };
    const figures = await this.#figures(period, current.product);
    return this.#change(current, 'edit', actor, { figures, lastEditor: actor, approvedBy: null });
  }

  /** Approves the bulletin at the version read: a coordinator other than the last editor. */
  async approve(id: string, input: VersionInput, actor: string): Promise<Bulletin> {
    const { version } = parseInput(versionSchema, input, 'bulletin approval');
    const current = await this.#require(id, version, 'approve');
    checkApprover({ lastEditor: current.lastEditor, approver: actor });
    return this.#change(current, 'approve', actor, { approvedBy: actor });
  }

  /**
   * Publishes an approved bulletin: its content becomes a public log entry. Checked, sealed and
   * written alone (bulletin-publication.ts), so no other publication changes what the check read.
   */
  async publish(id: string, input: VersionInput, actor: string): Promise<Bulletin> {
    const { version } = parseInput(versionSchema, input, 'bulletin publication');
    return publishingAlone(this.#deps.db, async (trx) => {
      const repository = new KyselyBulletinRepository(trx);
      const current = await this.#require(id, version, 'publish', repository);
      const cutoff = this.#deps.settings.cutoff;
      await checkPublishable(current, {
        repository,
        draft: (period, product) => draftFigures(trx, { period, product, cutoff }),
      });
      const seal = await this.#deps.sealer.seal({
        kind: BULLETIN_KINDS.published,
        id: current.id,
        version: current.version + 1,
        record: publishedContent(current),
        visibility: 'public',
      });
      const next = this.#next(current, 'publish', {
        publishedAt: seal.at,
        logIndex: seal.logIndex,
        publishedRecord: seal.record,
        entryAt: seal.at,
      });
      await this.#write(trx, { next, action: 'publish', actor, seal });
      return next;
    });
  }

  /** A new bulletin correcting or retracting published bulletin `id` (same product and period). */
  async correct(id: string, input: CorrectionInput, actor: string): Promise<Bulletin> {
    const parsed = parseInput(correctionSchema, input, 'bulletin correction');
    const corrected = await new KyselyBulletinRepository(this.#deps.db).get(id);
    if (corrected === undefined) throw new DomainError('not_found', 'no such bulletin');
    if (corrected.state !== 'published') {
      throw new DomainError('invalid_transition', 'only a published bulletin is corrected', {
        details: { from: corrected.state, action: 'correct', machine: 'bulletin' },
      });
    }
    return this.#insert({
      product: corrected.product,
      period: { from: corrected.periodFrom, to: corrected.periodTo },
      figures: parsed.kind === 'retraction' ? NO_FIGURES : corrected.figures,
      texts: this.#texts(parsed.texts ?? {}),
      actor,
      corrects: { id, kind: parsed.kind },
    });
  }

  /** The draft of `date`'s period, or undefined when it exists (made here or elsewhere). */
  async #draftOnce(product: 'daily' | 'weekly', date: string, actor: string) {
    const repository = new KyselyBulletinRepository(this.#deps.db);
    const key = `${product}:${date}`;
    if (await repository.hasDraftKey(key)) return undefined;
    try {
      return await this.#draft(product, date, actor);
    } catch (error) {
      // Another process drafted it meanwhile: the unique draft key refused this one.
      if (await repository.hasDraftKey(key)) return undefined;
      throw error;
    }
  }

  async #draft(product: 'daily' | 'weekly', date: string, actor: string): Promise<Bulletin> {
    const days = DAYS[product];
    const period = periodEndingOn(date, days, this.#deps.settings.cutoff);
    const figures = await this.#figures(period, product);
    return this.#insert({
      product,
      period,
      figures,
      texts: this.#texts({}),
      actor,
      draftKey: `${product}:${date}`,
    });
  }

  #figures(period: BulletinPeriod, product: 'daily' | 'weekly'): Promise<BulletinFigures> {
    return draftFigures(this.#deps.db, { period, product, cutoff: this.#deps.settings.cutoff });
  }

  /** Every working language, with the given texts; 'invalid_request' for another language. */
  #texts(given: Record<string, string>): Record<string, string> {
    const languages = this.#deps.settings.languages;
    const stray = Object.keys(given).find((language) => !languages.includes(language));
    if (stray !== undefined) throw notWorkingLanguage(stray);
    return Object.fromEntries(languages.map((language) => [language, given[language] ?? '']));
  }

  async #insert(draft: NewBulletin): Promise<Bulletin> {
    const isWritten = draft.draftKey === undefined;
    const at = this.#deps.now().toISOString();
    const bulletin = newBulletin(draft, { languages: this.#deps.settings.languages, at });
    const seal = await this.#sealVersion(bulletin, isWritten ? 'created' : 'drafted', draft.actor);
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyBulletinRepository(trx).insert(bulletin, draft.actor);
      await insertSeals(trx, [seal]);
    });
    return bulletin;
  }

  async #change(
    current: Bulletin,
    action: BulletinAction,
    actor: string,
    changes: Partial<Bulletin>,
  ): Promise<Bulletin> {
    const next = this.#next(current, action, changes);
    const seal = await this.#sealVersion(next, action, actor);
    await this.#deps.db.transaction().execute(async (trx) => {
      await this.#write(trx, { next, action, actor, seal });
    });
    return next;
  }

  #next(current: Bulletin, action: BulletinAction, changes: Partial<Bulletin>): Bulletin {
    return {
      ...current,
      ...changes,
      state: nextState(current.state, action),
      updatedAt: this.#deps.now().toISOString(),
      version: current.version + 1,
    };
  }

  /** Writes version `next` with its seal; 'conflict' when another change came first. */
  async #write(
    trx: Transaction<Database>,
    change: { next: Bulletin; action: BulletinAction; actor: string; seal: Seal },
  ): Promise<void> {
    const { next, action, actor, seal } = change;
    const written = await new KyselyBulletinRepository(trx).update(next, action, actor);
    if (!written) throw changedMeanwhile(next.id);
    await insertSeals(trx, [seal]);
  }

  /** The bulletin at `version`, in a state that allows `action`. */
  async #require(
    id: string,
    version: number,
    action: BulletinAction,
    repository = new KyselyBulletinRepository(this.#deps.db),
  ): Promise<Bulletin> {
    const bulletin = await repository.get(id);
    if (bulletin === undefined) throw new DomainError('not_found', 'no such bulletin');
    nextState(bulletin.state, action);
    if (bulletin.version !== version) throw changedMeanwhile(id);
    return bulletin;
  }

  /** The sealed entry of a version: the whole record, staff included, as a commitment only. */
  #sealVersion(bulletin: Bulletin, action: string, actor: string): Promise<Seal> {
    return this.#deps.sealer.seal({
      kind: BULLETIN_KINDS.version,
      id: bulletin.id,
      version: bulletin.version,
      record: { ...bulletin, action, actor },
    });
  }
}

function changedMeanwhile(id: string): DomainError {
  return new DomainError('conflict', 'the bulletin changed meanwhile', { details: { id } });
}

function notWorkingLanguage(language: string): DomainError {
  return new DomainError('invalid_request', `${language} is not a working language`, {
    details: [{ path: 'language', code: 'not_a_working_language' }],
  });
}
