// The identity vault (DESIGN.md §4): the only place where identity is stored, read, searched
// and destroyed. Identity is encrypted per field under a per-record data key; the log commits
// to the ciphertexts when a person is stored, to every read (audit), and to every destruction.
// Destruction is crypto-shredding: the data key is overwritten, the ciphertext and its
// commitment stay, and nobody can ever decrypt it again.
import type { Kysely } from 'kysely';
import { DomainError } from '../errors/domain-error.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import { requireActor, requirePurpose, toPersonRef } from './access.ts';
import type { AccessPurpose, Actor, PersonRef } from './access.ts';
import type { Identity } from './identity.ts';
import { recordAudit } from './identity-audit.ts';
import type { AuditRequest } from './identity-audit.ts';
import { decryptIdentity } from './identity-fields.ts';
import { KyselyIdentityRepository } from './identity-vault.kysely.ts';
import type { IdentityRepository, PeopleBatch } from './identity-vault.repository.ts';
import { searchByDocument, searchByName } from './identity-search.ts';
import type { NameMatch, NameSearch, SearchDeps } from './identity-search.ts';
import type { Keyring } from './keyring.ts';
import { MasterKeyError } from './master-key.ts';
import { parsePersonInput, parseRetention } from './person-record.ts';
import { preparedSlices } from './prepare-people.ts';
import { RecordDecryptor } from './record-decryptor.ts';
import type { PersonInput, PersonKind, RetentionInput } from './person-record.ts';
import { retainUntil } from './retention.ts';
import { requireShredReason, shredPeople } from './shred.ts';
import type { ShredReason } from './shred.ts';

/** What the vault needs from the log. */
export type VaultSealer = Pick<Sealer, 'seal' | 'sealMany'>;

/** The vault's collaborators. */
export interface IdentityVaultOptions {
  db: Kysely<Database>;
  sealer: VaultSealer;
  keyring: Keyring;
  now?: () => Date;
  /** Unwrapped data keys kept in memory (see data-key-cache.ts). */
  dataKeyCacheSize?: number;
  /** Bulk stores from this many people prepare in worker threads (prepare-people.ts). */
  workerThreshold?: number;
}

/** People per sealed batch in a bulk store: one 500-row insert per table. */
const SLICE = 500;

/** Stores, reads, searches and destroys identities. */
export class IdentityVault {
  readonly #repository: IdentityRepository;
  readonly #sealer: VaultSealer;
  readonly #keyring: Keyring;
  readonly #now: () => Date;
  readonly #decryptor: RecordDecryptor;
  readonly #workerThreshold: number | undefined;

  constructor(options: IdentityVaultOptions) {
    this.#repository = new KyselyIdentityRepository(options.db);
    this.#sealer = options.sealer;
    this.#keyring = options.keyring;
    this.#now = options.now ?? (() => new Date());
    this.#decryptor = new RecordDecryptor(options.keyring, options.dataKeyCacheSize);
    this.#workerThreshold = options.workerThreshold;
  }

  /**
   * Refuses to run under a master key other than the one the stored data was written under
   * (call at start-up: a lost key file silently replaced by a new one would otherwise show
   * only as unreadable records, one at a time).
   */
  async verifyMasterKey(): Promise<void> {
    const expected = this.#keyring.keyCheck();
    const stored = await this.#repository.keyCheckOrStore(expected, this.#now().toISOString());
    if (stored !== expected) {
      throw new MasterKeyError(
        'this master key is not the one the identity vault was written under: restore the ' +
          'original master.key (or VIGIL_MASTER_KEY) from its backup',
      );
    }
  }

  /**
   * Stores people in bulk, all or none, and returns their new refs in input order. Every
   * input is validated before anything is written. Each person's entry is sealed.
   */
  async storePeople(inputs: readonly PersonInput[], actor: Actor): Promise<PersonRef[]> {
    requireActor(actor);
    const people = inputs.map((input, index) => parsePersonInput(input, index));
    const refs: PersonRef[] = [];
    await this.#repository.insertPeople(this.#sealedBatches(people, refs));
    return refs;
  }

  /** Stores one person; returns its new ref. */
  async storePerson(input: PersonInput, actor: Actor): Promise<PersonRef> {
    const [ref] = await this.storePeople([input], actor);
    if (ref === undefined) throw new DomainError('internal', 'person was not stored');
    return ref;
  }

  async *#sealedBatches(
    people: readonly PersonInput[],
    refs: PersonRef[],
  ): AsyncGenerator<PeopleBatch> {
    const slices = preparedSlices(people, {
      keyring: this.#keyring.preparation,
      createdAt: this.#now().toISOString(),
      sliceSize: SLICE,
      ...(this.#workerThreshold === undefined ? {} : { workerThreshold: this.#workerThreshold }),
    });
    for await (const prepared of slices) {
      const seals = await this.#sealer.sealMany(prepared.map((entry) => entry.seal));
      for (const entry of prepared) refs.push(entry.person.personRef);
      yield { people: prepared.map((entry) => entry.person), seals };
    }
  }

  /**
   * The identity of household member `personRef`, after sealing the read as an audit event.
   * Throws DomainError 'not_found' for an unknown ref or a source's contact (which only
   * readSourceContact reads), 'gone' for a shredded record, and 'internal' when the record does
   * not authenticate (altered, or another master key).
   */
  readPerson(personRef: string, actor: Actor, purpose: AccessPurpose): Promise<Identity> {
    return this.#read(personRef, 'household_member', { actor, purpose });
  }

  /**
   * The identity of source contact `personRef`, audited like readPerson; 'not_found' for any
   * other person. For the source service only, which applies the source's own rules first.
   */
  readSourceContact(personRef: string, actor: Actor, purpose: AccessPurpose): Promise<Identity> {
    return this.#read(personRef, 'source_contact', { actor, purpose });
  }

  async #read(
    personRef: string,
    kind: PersonKind,
    access: { actor: Actor; purpose: AccessPurpose },
  ): Promise<Identity> {
    const { actor, purpose } = access;
    requireActor(actor);
    requirePurpose(purpose);
    const ref = toPersonRef(personRef);
    const row = await this.#repository.findPerson(ref);
    // A person of the other kind is answered exactly as an unknown one (not even 'gone'), so a
    // route for one kind tells nothing about whether a ref names a person of the other.
    if (row?.kind !== kind) throw new DomainError('not_found', 'no such person');
    if (row.destroyedAt !== null) {
      throw new DomainError('gone', 'this identity was destroyed', { details: { personRef } });
    }
    const identity = this.#decryptor.decrypt(row, (key, fields) =>
      decryptIdentity(key, ref, fields),
    );
    await this.#audit({ action: 'identity.read', subjectRefs: [ref], actor, purpose });
    return identity;
  }

  /**
   * Refs of household members holding document `type` `number` (normalised); the result is
   * audited. Source contacts have no blind index, so no search ever finds them.
   */
  async searchByDocument(
    type: string,
    number: string,
    actor: Actor,
    purpose: AccessPurpose,
  ): Promise<PersonRef[]> {
    requireActor(actor);
    requirePurpose(purpose);
    const refs = await searchByDocument(this.#searchDeps(), { type, number });
    await this.#audit({ action: 'identity.search_document', subjectRefs: refs, actor, purpose });
    return refs;
  }

  /**
   * People whose name matches `query` in any script, best first, with their scores. Looks up
   * candidates by blind index, decrypts their names and ranks them; every result is audited.
   * Household members only, as for documents.
   */
  async searchByName(
    query: NameSearch,
    actor: Actor,
    purpose: AccessPurpose,
  ): Promise<NameMatch[]> {
    requireActor(actor);
    requirePurpose(purpose);
    const matches = await searchByName(this.#searchDeps(), query);
    const subjectRefs = matches.map((match) => match.personRef);
    await this.#audit({ action: 'identity.search_name', subjectRefs, actor, purpose });
    return matches;
  }

  /** Crypto-shreds one record; DomainError 'not_found' or 'gone' when there is none to shred. */
  async shred(personRef: string, reason: ShredReason, actor: Actor): Promise<void> {
    requireActor(actor);
    requireShredReason(reason);
    const ref = toPersonRef(personRef);
    const row = await this.#repository.findPerson(ref);
    if (row === undefined) throw new DomainError('not_found', 'no such person');
    const destroyed = row.destroyedAt === null ? await this.#shred([row], reason, actor) : 0;
    if (destroyed === 0) throw new DomainError('gone', 'this identity was already destroyed');
  }

  /** Crypto-shreds every live record whose retention ended before `now`; returns how many. */
  async applyRetention(now: Date, actor: Actor): Promise<number> {
    requireActor(actor);
    let total = 0;
    for (;;) {
      const expired = await this.#repository.findExpired(now.toISOString(), SLICE);
      const destroyed =
        expired.length === 0 ? 0 : await this.#shred(expired, 'retention_expired', actor);
      // Nothing destroyed from a non-empty batch would mean the same batch again: stop instead.
      if (destroyed === 0) return total;
      total += destroyed;
    }
  }

  /**
   * Sets a record's retention (e.g. when its case closes, or a legal hold starts), sealed as
   * 'person.retention'. DomainError 'conflict' if the record changed meanwhile.
   */
  async setRetention(personRef: string, input: RetentionInput, actor: Actor): Promise<void> {
    requireActor(actor);
    const retention = parseRetention(input);
    const ref = toPersonRef(personRef);
    const row = await this.#repository.findPerson(ref);
    if (row === undefined) throw new DomainError('not_found', 'no such person');
    if (row.destroyedAt !== null) throw new DomainError('gone', 'this identity was destroyed');
    const until = retainUntil(retention.category, retention.from);
    const seal = await this.#sealer.seal({
      kind: 'person.retention',
      id: ref,
      version: row.version + 1,
      record: { personRef: ref, category: retention.category, retainUntil: until, actor: actor.id },
    });
    const change = {
      personRef: ref,
      fromVersion: row.version,
      retentionCategory: retention.category,
      retainUntil: until,
    };
    if (!(await this.#repository.changeRetention(change, seal))) {
      throw new DomainError('conflict', 'the record changed meanwhile; retry');
    }
  }

  #shred(
    rows: readonly { personRef: string; keyId: string; version: number }[],
    reason: ShredReason,
    actor: Actor,
  ): Promise<number> {
    const deps = { sealer: this.#sealer, repository: this.#repository, keys: this.#decryptor };
    return shredPeople(deps, { rows, reason, actor, at: this.#now().toISOString() });
  }

  #audit(request: AuditRequest): Promise<void> {
    return recordAudit({ sealer: this.#sealer, repository: this.#repository }, request);
  }

  #searchDeps(): SearchDeps {
    return {
      repository: this.#repository,
      keyring: this.#keyring,
      decrypt: (row, read) => this.#decryptor.decrypt(row, read),
    };
  }
}
