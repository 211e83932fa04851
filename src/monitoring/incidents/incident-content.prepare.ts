// Turns content as staff wrote it into content as stored: times normalised to ISO-8601 UTC (so
// they compare as text on both engines), the model's cross-field rules checked, the place
// looked up, and the narrative sealed under the secret box. Every problem is answered at once.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import type { SecretBox } from '../../people/keyring.ts';
import type { Database } from '../../store/schema.ts';
import {
  checkActors,
  checkOccurrence,
  checkTolls,
  checkVictims,
} from '../model/incident-content.ts';
import type { ContentIssue } from '../model/incident-content.ts';
import type { StoredContent } from './incident.repository.ts';
import type { ContentInputSchema } from './incident.schemas.ts';

/** Content as staff write it (validated by ContentInputSchema). */
export type ContentInput = z.infer<typeof ContentInputSchema>;

/** Throws 'invalid_request' listing `issues`, unless there are none. */
export function requireNoIssues(issues: readonly ContentIssue[], what: string): void {
  if (issues.length > 0) {
    throw new DomainError('invalid_request', `the ${what} breaks the incident rules`, {
      details: issues,
    });
  }
}

async function placeExists(db: Kysely<Database>, placeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('place')
    .select('id')
    .where('id', '=', placeId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The stored form of `input`; 'invalid_request' (details: every issue) when it breaks a rule.
 *
 * @example const content = await prepareContent({ db, box }, body.content);
 */
export async function prepareContent(
  deps: { db: Kysely<Database>; box: SecretBox },
  input: ContentInput,
): Promise<StoredContent> {
  const occurredStart = new Date(input.occurredStart).toISOString();
  const occurredEnd = input.occurredEnd === null ? null : new Date(input.occurredEnd).toISOString();
  const issues = [
    ...checkOccurrence({ occurredStart, occurredEnd, lat: input.lat, lon: input.lon }),
    ...checkTolls(input.tolls),
    ...checkVictims(input.victims),
    ...checkActors(input.actors),
  ];
  if (input.placeId !== null && !(await placeExists(deps.db, input.placeId))) {
    issues.push({ path: 'placeId', code: 'unknown_place' });
  }
  requireNoIssues(issues, 'content');
  const { narrative, ...facts } = input;
  return {
    ...facts,
    occurredStart,
    occurredEnd,
    narrativeSealed: deps.box.seal(narrative),
  };
}
