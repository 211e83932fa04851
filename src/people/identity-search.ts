// Look-ups of identities without decrypting the whole vault: blind indexes give candidates,
// and only for names are the candidates' names decrypted (inside the vault, never returned)
// to rank them. The caller audits what is returned.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { isPersonRef } from './access.ts';
import { AeadError } from './aead.ts';
import type { PersonRef } from './access.ts';
import {
  DOCUMENT_TYPES,
  MAX_BIRTH_YEAR,
  MIN_BIRTH_YEAR,
  issuesOf,
  namesSchema,
} from './identity.ts';
import { decryptFields } from './identity-fields.ts';
import type { EncryptedFields } from './identity-fields.ts';
import type { IdentityRepository, StoredPerson } from './identity-vault.repository.ts';
import type { Keyring } from './keyring.ts';
import { rankCandidates } from './name-ranking.ts';
import type { NameCandidate, NameQuery } from './name-ranking.ts';
import { fullNameKeys, nameKeys } from './names/name-key.ts';
import { documentIndexValue } from './person-record.ts';

/** A name search: the query and how many matches to return (default 20, at most 100). */
export interface NameSearch extends NameQuery {
  limit?: number;
}

/** One match of a name search. */
export interface NameMatch {
  personRef: PersonRef;
  /** 0.85–1: how alike the names are (Jaro–Winkler on transliterated forms). */
  score: number;
}

/** What a search needs from the vault. */
export interface SearchDeps {
  repository: IdentityRepository;
  keyring: Keyring;
  decrypt<T>(row: StoredPerson, read: (key: KeyObject, fields: EncryptedFields) => T): T;
}

/** Most candidates decrypted per search: bounds the work and what one search touches. */
export const MAX_CANDIDATES = 500;
const MAX_DOCUMENT_MATCHES = 100;

const nameText = z.string().trim().min(1).max(100);
const nameSearchSchema = z.strictObject({
  given: nameText.exactOptional(),
  family: nameText,
  birthYear: z.int().min(MIN_BIRTH_YEAR).max(MAX_BIRTH_YEAR).exactOptional(),
  limit: z.int().min(1).max(100).default(20),
});
const documentSearchSchema = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(1).max(64),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainError('invalid_request', `${what} does not match the schema`, {
      details: issuesOf(result.error),
    });
  }
  return result.data;
}

/** Refs of the people holding a document, by its blind index. */
export async function searchByDocument(
  deps: SearchDeps,
  document: { type: string; number: string },
): Promise<PersonRef[]> {
  const { type, number } = parse(documentSearchSchema, document, 'document search');
  const hmac = deps.keyring.blindIndex('document', documentIndexValue(type, number));
  const refs = await deps.repository.findByBlindIndex('document', [hmac], MAX_DOCUMENT_MATCHES);
  return refs.filter(isPersonRef);
}

/** Ranked matches of a name in any script. */
export async function searchByName(deps: SearchDeps, search: NameSearch): Promise<NameMatch[]> {
  const query = parse(nameSearchSchema, search, 'name search');
  const familyKeys = nameKeys(query.family);
  if (familyKeys.length === 0) {
    throw new DomainError('invalid_request', 'the family name has no letter that can be matched');
  }
  const { keyring, repository } = deps;
  const fullHits =
    query.given === undefined
      ? []
      : await repository.findByBlindIndex(
          'full_name',
          fullNameKeys(query.given, query.family).map((key) =>
            keyring.blindIndex('full_name', key),
          ),
          MAX_CANDIDATES,
        );
  const familyHits = await repository.findByBlindIndex(
    'family_name',
    familyKeys.map((key) => keyring.blindIndex('family_name', key)),
    MAX_CANDIDATES,
  );
  // Full-name hits first: when a common family name overflows the cap, they are kept.
  const candidateRefs = [...new Set([...fullHits, ...familyHits])].slice(0, MAX_CANDIDATES);
  const rows = await repository.findLivePeople(candidateRefs);
  const candidates = rows.map((row) =>
    deps.decrypt(row, (key, fields) => candidateOf(key, row, fields)),
  );
  return rankCandidates(query, candidates, query.limit).flatMap((match) =>
    isPersonRef(match.personRef) ? [{ personRef: match.personRef, score: match.score }] : [],
  );
}

const candidateFieldsSchema = z.object({ names: namesSchema, birthYear: z.int() });

function candidateOf(key: KeyObject, row: StoredPerson, fields: EncryptedFields): NameCandidate {
  const plain = decryptFields(key, row.personRef, fields, ['names', 'birthYear']);
  const result = candidateFieldsSchema.safeParse(plain);
  if (!result.success) throw new AeadError('decrypted fields are not names and a birth year');
  return { personRef: row.personRef, ...result.data };
}
