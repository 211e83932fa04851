// Ranking of name-search candidates once their names are decrypted. The family name must match
// on its own (two different family names never match because the given names agree), then the
// given name, when asked for, weighs in; a birth year filters, allowing the one-year slip that
// relatives' recollection and year-only documents often carry.
import type { PersonName } from './identity.ts';
import { scoreName } from './names/score-name.ts';

/** Scores from here up count as a match (calibrated on names.test.ts's examples). */
export const MATCH_THRESHOLD = 0.85;

/** Share of the family name in the score when a given name is searched too. */
const FAMILY_WEIGHT = 0.6;

/** Largest accepted difference between searched and recorded birth years. */
export const BIRTH_YEAR_TOLERANCE = 1;
const PENALTY_PER_YEAR = 0.02;

/** What a name search asks for. */
export interface NameQuery {
  given?: string;
  family: string;
  birthYear?: number;
}

/** A decrypted candidate. */
export interface NameCandidate {
  personRef: string;
  names: readonly PersonName[];
  birthYear: number;
}

/** The score of `candidate` for `query` (its best name), or undefined when it does not match. */
export function scoreCandidate(query: NameQuery, candidate: NameCandidate): number | undefined {
  let yearPenalty = 0;
  if (query.birthYear !== undefined) {
    const difference = Math.abs(query.birthYear - candidate.birthYear);
    if (difference > BIRTH_YEAR_TOLERANCE) return undefined;
    yearPenalty = difference * PENALTY_PER_YEAR;
  }
  let best: number | undefined;
  for (const name of candidate.names) {
    const family = scoreName(query.family, name.family);
    if (family < MATCH_THRESHOLD) continue;
    const score =
      query.given === undefined
        ? family
        : FAMILY_WEIGHT * family + (1 - FAMILY_WEIGHT) * scoreName(query.given, name.given);
    if (best === undefined || score > best) best = score;
  }
  if (best === undefined) return undefined;
  const score = best - yearPenalty;
  return score >= MATCH_THRESHOLD ? score : undefined;
}

/** The matching candidates, best first (ties by ref, so results are stable), at most `limit`. */
export function rankCandidates(
  query: NameQuery,
  candidates: readonly NameCandidate[],
  limit: number,
): { personRef: string; score: number }[] {
  const ranked: { personRef: string; score: number }[] = [];
  for (const candidate of candidates) {
    const score = scoreCandidate(query, candidate);
    if (score !== undefined) ranked.push({ personRef: candidate.personRef, score });
  }
  ranked.sort((a, b) => b.score - a.score || (a.personRef < b.personRef ? -1 : 1));
  return ranked
    .slice(0, limit)
    .map((match) => ({ personRef: match.personRef, score: Math.round(match.score * 1000) / 1000 }));
}
