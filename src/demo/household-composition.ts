// Who lives in a synthetic household: roles, sexes and ages. The mix of household types is tuned
// so that the population matches DOMAIN.md §7 (mean household size about 3.7, 52% female, 31%
// under 18, 18% over 65); scenario.test.ts checks the resulting shares.
import { WeightedIndex } from './random.ts';
import type { Random } from './random.ts';
import type { HouseholdRole, Sex } from './scenario.types.ts';

/** One member before an identity is drawn. */
export interface MemberDraft {
  readonly role: HouseholdRole;
  readonly sex: Sex;
  readonly age: number;
}

// Household sizes 1…9 (mean ≈ 3.7, an assumption of DOMAIN.md §7).
const SIZE_WEIGHTS = [0.13, 0.17, 0.16, 0.22, 0.16, 0.09, 0.04, 0.02, 0.01];
const SIZES = new WeightedIndex(SIZE_WEIGHTS);

function elder(rng: Random, femaleShare: number): MemberDraft {
  const sex = rng.chance(femaleShare) ? 'female' : 'male';
  return { role: 'head', sex, age: rng.int(65, sex === 'female' ? 95 : 90) };
}

function adult(rng: Random, role: HouseholdRole, sex: Sex, ages: [number, number]): MemberDraft {
  return { role, sex, age: rng.int(ages[0], ages[1]) };
}

function single(rng: Random): MemberDraft[] {
  if (rng.chance(0.56)) return [elder(rng, 0.72)];
  return [adult(rng, 'head', rng.chance(0.42) ? 'female' : 'male', [19, 64])];
}

function pair(rng: Random): MemberDraft[] {
  const kind = rng.float();
  if (kind < 0.45) {
    const husband = adult(rng, 'head', 'male', [65, 90]);
    return [husband, adult(rng, 'spouse', 'female', [62, Math.min(95, husband.age + 2)])];
  }
  if (kind < 0.65) {
    const husband = adult(rng, 'head', 'male', [22, 64]);
    return [husband, adult(rng, 'spouse', 'female', [20, husband.age])];
  }
  if (kind < 0.85) {
    const mother = adult(rng, 'head', 'female', [20, 55]);
    return [mother, child(rng, mother.age)];
  }
  const son = adult(rng, 'head', rng.chance(0.5) ? 'male' : 'female', [30, 60]);
  return [son, { ...elder(rng, 0.8), role: 'parent' }];
}

function child(rng: Random, motherAge: number): MemberDraft {
  // Mothers give birth between 19 and 42; a few grown-up children still live at home.
  const ageAtBirth = rng.int(19, Math.max(19, Math.min(42, motherAge - 1)));
  return {
    role: 'child',
    sex: rng.chance(0.49) ? 'female' : 'male',
    age: Math.max(0, motherAge - ageAtBirth),
  };
}

function family(rng: Random, size: number): MemberDraft[] {
  const members: MemberDraft[] = [];
  const singleMother = rng.chance(0.12);
  const motherAge = rng.int(22, 54);
  const mother = adult(rng, singleMother ? 'head' : 'spouse', 'female', [motherAge, motherAge]);
  if (!singleMother) {
    members.push(adult(rng, 'head', 'male', [motherAge, Math.min(64, motherAge + 7)]));
  }
  members.push(mother);
  let grandparents = 0;
  if (size >= 4 && rng.chance(0.62)) grandparents = size >= 5 && rng.chance(0.55) ? 2 : 1;
  else if (size === 3 && rng.chance(0.2)) grandparents = 1;
  for (let i = 0; i < grandparents; i++) {
    const sex = i === 0 ? (rng.chance(0.72) ? 'female' : 'male') : 'male';
    members.push({ role: 'parent', sex, age: rng.int(Math.max(63, motherAge + 22), 92) });
  }
  while (members.length < size) members.push(child(rng, motherAge));
  return members;
}

/**
 * The members of one household, head first.
 *
 * @example
 * const members = drawHousehold(rng); // e.g. [{ role: 'head', sex: 'male', age: 41 }, …]
 */
export function drawHousehold(rng: Random): MemberDraft[] {
  const size = SIZES.draw(rng) + 1;
  if (size === 1) return single(rng);
  if (size === 2) return pair(rng);
  return family(rng, size);
}
