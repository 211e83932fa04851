// Synthetic households and people: composition (household-composition.ts), names per script,
// birth dates, documents, phones and vulnerability flags. Most households register in Armenian
// script, some in Russian or Latin; a few people also get the spelling a relative abroad would
// type in another script, so cross-script search can be tested against known pairs.
import { drawHousehold } from './household-composition.ts';
import type { MemberDraft } from './household-composition.ts';
import type { Random } from './random.ts';
import type {
  Household,
  IdentityDocument,
  Person,
  PersonName,
  Place,
  Script,
  SyntheticIdentity,
} from './scenario.types.ts';
import type { SyntheticNumbers } from './synthetic-ids.ts';
import { drawFamilyName, drawGivenName, spellName, withEnglishVariant } from './synthetic-names.ts';
import type { NameParts, Spellings } from './synthetic-names.ts';

const DAY_MS = 86_400_000;
const REGISTERED_SCRIPTS: readonly Script[] = ['hy', 'ru', 'en'];
const REGISTERED_WEIGHTS = [0.88, 0.08, 0.04];
const ALTERNATE_SHARE = 0.04;

/** What the population generator needs. */
export interface PopulationOptions {
  readonly rng: Random;
  readonly numbers: SyntheticNumbers;
  readonly start: Date;
  readonly settlements: readonly Place[];
  readonly households: number;
}

function birthDate(rng: Random, start: Date, age: number): { year: number; date?: string } {
  // Born between `age` and `age + 1` years before D0, so `age` full years old at D0.
  const born = new Date(start.getTime() - (age * 365.25 + rng.between(1, 365)) * DAY_MS);
  const year = born.getUTCFullYear();
  // Some elderly people know only their birth year.
  if (rng.chance(age >= 65 ? 0.15 : 0.02)) return { year };
  return { year, date: born.toISOString().slice(0, 10) };
}

function documents(rng: Random, numbers: SyntheticNumbers, age: number): IdentityDocument[] {
  const docs: IdentityDocument[] = [];
  if (age < 16) {
    if (rng.chance(0.95))
      docs.push({ type: 'birth_certificate', number: numbers.birthCertificate() });
    if (rng.chance(0.15)) docs.push({ type: 'passport', number: numbers.passport() });
    return docs;
  }
  // People keep their documents (ICRC 2018); a few left without any.
  if (rng.chance(0.02)) return docs;
  const hasCard = rng.chance(0.85);
  if (hasCard) docs.push({ type: 'id_card', number: numbers.idCard() });
  if (!hasCard || rng.chance(0.45)) docs.push({ type: 'passport', number: numbers.passport() });
  return docs;
}

function alternates(
  rng: Random,
  parts: NameParts,
  draft: MemberDraft,
  registered: Script,
): PersonName[] {
  if (!rng.chance(ALTERNATE_SHARE)) return [];
  const others = (['en', 'ru', 'hy', 'az'] as const).filter((s) => s !== registered);
  const weights = others.map((s) => (s === 'az' ? 0.1 : s === 'en' ? 0.5 : 0.4));
  const first = rng.pickWeighted(others, weights);
  const spellings: PersonName[] = [spellName(parts, draft.sex, first)];
  if (rng.chance(0.3)) {
    const second = rng.pick(others.filter((s) => s !== first));
    spellings.push(spellName(parts, draft.sex, second));
  }
  return spellings.map((name) => (rng.chance(0.5) ? withEnglishVariant(name) : name));
}

interface HouseholdNaming {
  readonly family: Spellings;
  readonly script: Script;
  readonly headGiven: Spellings;
  /** The children's father: the head when the head is a man. */
  readonly childrenFather: Spellings;
}

function identity(
  options: PopulationOptions,
  draft: MemberDraft,
  naming: HouseholdNaming,
): SyntheticIdentity {
  const { rng, numbers, start } = options;
  const given = draft.role === 'head' ? naming.headGiven : drawGivenName(rng, draft.sex);
  // Children share their father's name as patronymic; the others have their own father's.
  const father = draft.role === 'child' ? naming.childrenFather : drawGivenName(rng, 'male');
  const withPatronymic = rng.chance(naming.script === 'en' ? 0.2 : 0.85);
  const parts: NameParts = withPatronymic
    ? { given, family: naming.family, father }
    : { given, family: naming.family };
  const born = birthDate(rng, start, draft.age);
  const phone = draft.age >= 18 && draft.age <= 80 && rng.chance(draft.role === 'head' ? 0.9 : 0.5);
  return {
    names: [spellName(parts, draft.sex, naming.script)],
    alternateSpellings: alternates(rng, parts, draft, naming.script),
    birthYear: born.year,
    ...(born.date === undefined ? {} : { birthDate: born.date }),
    sex: draft.sex,
    documents: documents(rng, numbers, draft.age),
    ...(phone ? { phone: numbers.phone() } : {}),
  };
}

function person(
  options: PopulationOptions,
  draft: MemberDraft,
  naming: HouseholdNaming,
  householdId: string,
): Person {
  const { rng } = options;
  const disability = rng.chance(draft.age >= 65 ? 0.055 : 0.012);
  const fertile = draft.sex === 'female' && draft.age >= 18 && draft.age <= 45;
  return {
    id: rng.uuid(),
    householdId,
    role: draft.role,
    identity: identity(options, draft, naming),
    flags: { disability, pregnant: fertile && rng.chance(0.02), unaccompaniedChild: false },
  };
}

/**
 * Households with their members, spread over the settlements by population share. Every
 * household starts with the intention 'leave'; the scenario picks those that stay.
 *
 * @example
 * const households = generateHouseholds({ rng, numbers, start, settlements, households: 323 });
 */
export function generateHouseholds(options: PopulationOptions): Household[] {
  const { rng, settlements } = options;
  const shares = settlements.map((s) => s.populationShare ?? 1);
  const households: Household[] = [];
  for (let i = 0; i < options.households; i++) {
    const id = rng.uuid();
    const drafts = drawHousehold(rng);
    const head = drafts[0];
    if (head === undefined) continue;
    const headGiven = drawGivenName(rng, head.sex);
    const naming: HouseholdNaming = {
      family: drawFamilyName(rng),
      script: rng.pickWeighted(REGISTERED_SCRIPTS, REGISTERED_WEIGHTS),
      headGiven,
      childrenFather: head.sex === 'male' ? headGiven : drawGivenName(rng, 'male'),
    };
    households.push({
      id,
      settlementId: rng.pickWeighted(settlements, shares).id,
      intention: 'leave',
      members: drafts.map((draft) => person(options, draft, naming, id)),
    });
  }
  return households;
}
