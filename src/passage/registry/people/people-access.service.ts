// Audited access to identity (DESIGN.md §4): searches by name across scripts or by document,
// and reading one identity. The vault audits every search result and every read (sealed with
// the actor and the purpose); this service adds only the operational link from a person to
// their household, which holds no identity.
import type { Kysely } from 'kysely';
import type { AccessPurpose, Actor, PersonRef } from '../../../people/access.ts';
import type { IdentityVault } from '../../../people/identity-vault.service.ts';
import type { Identity } from '../../../people/identity.ts';
import type { Database } from '../../../store/schema.ts';
import { householdsOfPeople } from '../households/household-reads.kysely.ts';
import { parseInput } from '../registry-input.ts';
import { identityReadSchema, peopleSearchSchema } from './people.schema.ts';
import type { PeopleSearchInput } from './people.schema.ts';

/** What identity access needs. */
export interface PeopleAccessDeps {
  db: Kysely<Database>;
  vault: Pick<IdentityVault, 'searchByName' | 'searchByDocument' | 'readPerson'>;
}

/** One candidate of a search, best first. */
export interface Candidate {
  personRef: PersonRef;
  /** The household the person is a member of; null for others (e.g. a tracing requester). */
  householdId: string | null;
  /** 1 for a document match; 0.85–1 for names (how alike, across scripts). */
  score: number;
}

/** The purpose of a search when the caller names none: finding people is tracing. */
export const DEFAULT_SEARCH_PURPOSE: AccessPurpose = 'tracing';

/** Searches and reads identities, audited by the vault. */
export class PeopleAccessService {
  readonly #deps: PeopleAccessDeps;

  constructor(deps: PeopleAccessDeps) {
    this.#deps = deps;
  }

  /**
   * Ranked candidates for a name (any script) or a document. Throws 'invalid_request' for bad
   * input (e.g. a family name with no letter that can be matched).
   *
   * @example await people.search({ family: 'Петросян', given: 'Анна' }, actor)
   */
  async search(input: PeopleSearchInput, actor: Actor): Promise<Candidate[]> {
    const query = parseInput(peopleSearchSchema, input, 'search');
    const { vault, db } = this.#deps;
    const purpose = query.purpose ?? DEFAULT_SEARCH_PURPOSE;
    const matches =
      'documentType' in query
        ? (
            await vault.searchByDocument(query.documentType, query.documentNumber, actor, purpose)
          ).map((personRef) => ({ personRef, score: 1 }))
        : await vault.searchByName(
            {
              family: query.family,
              ...(query.given === undefined ? {} : { given: query.given }),
              ...(query.birthYear === undefined ? {} : { birthYear: query.birthYear }),
            },
            actor,
            purpose,
          );
    const households = await householdsOfPeople(
      db,
      matches.map((match) => match.personRef),
    );
    return matches.map((match) => ({
      personRef: match.personRef,
      householdId: households.get(match.personRef) ?? null,
      score: match.score,
    }));
  }

  /**
   * The identity of `personRef`, read for `purpose` and audited by the vault. Throws
   * 'not_found' (unknown) or 'gone' (crypto-shredded under its retention).
   */
  async readIdentity(
    personRef: string,
    input: { purpose: string },
    actor: Actor,
  ): Promise<Identity> {
    const { purpose } = parseInput(identityReadSchema, input, 'identity read');
    return this.#deps.vault.readPerson(personRef, actor, purpose);
  }
}
