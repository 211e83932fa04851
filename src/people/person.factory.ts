// Synthetic people for tests and benchmarks (DOMAIN.md §7: synthetic people only, names drawn
// per script from common given and family names, never real persons' records). Deterministic
// for a seed, so a failing test replays.
import type { Identity, PersonName } from './identity.ts';
import type { PersonInput } from './person-record.ts';

// The same names in Armenian, Russian and Latin script: a person is registered in one or two.
const FAMILY: readonly (readonly [string, string, string])[] = [
  ['Պետրոսյան', 'Петросян', 'Petrosyan'],
  ['Հովհաննիսյան', 'Оганесян', 'Hovhannisyan'],
  ['Գրիգորյան', 'Григорян', 'Grigoryan'],
  ['Սարգսյան', 'Саргсян', 'Sargsyan'],
  ['Մկրտչյան', 'Мкртчян', 'Mkrtchyan'],
  ['Ավետիսյան', 'Аветисян', 'Avetisyan'],
  ['Խաչատրյան', 'Хачатрян', 'Khachatryan'],
  ['Կարապետյան', 'Карапетян', 'Karapetyan'],
  ['Բաղդասարյան', 'Багдасарян', 'Baghdasaryan'],
  ['Ղազարյան', 'Казарян', 'Ghazaryan'],
];
const GIVEN_FEMALE: readonly (readonly [string, string, string])[] = [
  ['Աննա', 'Анна', 'Anna'],
  ['Մարիամ', 'Мариам', 'Mariam'],
  ['Նարինե', 'Нарине', 'Narine'],
  ['Լուսինե', 'Лусине', 'Lusine'],
  ['Գայանե', 'Гаяне', 'Gayane'],
];
const GIVEN_MALE: readonly (readonly [string, string, string])[] = [
  ['Արմեն', 'Армен', 'Armen'],
  ['Դավիթ', 'Давид', 'Davit'],
  ['Տիգրան', 'Тигран', 'Tigran'],
  ['Գևորգ', 'Геворг', 'Gevorg'],
  ['Արամ', 'Арам', 'Aram'],
];
const SCRIPTS = ['hy', 'ru', 'en'] as const;

/** A small deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('nothing to pick from');
  return item;
}

/** A synthetic identity: names in one or two scripts, a passport for adults, a phone often. */
export function syntheticIdentity(random: () => number, serial: number): Identity {
  const female = random() < 0.52;
  const given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
  const family = pick(random, FAMILY);
  const first = Math.floor(random() * 3);
  const scripts = random() < 0.5 ? [first] : [first, (first + 1) % 3];
  const names: PersonName[] = scripts.map((i) => ({
    given: given[i] ?? '',
    family: family[i] ?? '',
    script: SCRIPTS[i] ?? 'en',
  }));
  const birthYear = 1935 + Math.floor(random() * 88);
  const identity: Identity = {
    names,
    birthYear,
    sex: female ? 'female' : 'male',
    documents: [],
  };
  if (random() < 0.7) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    identity.birthDate = `${String(birthYear)}-0${String(1 + Math.floor(random() * 9))}-${day}`;
  }
  if (birthYear < 2007) {
    identity.documents.push({ type: 'passport', number: `AN${String(1_000_000 + serial)}` });
  }
  if (random() < 0.6) identity.phone = `+374 ${String(10_000_000 + serial)}`;
  return identity;
}

/** `count` synthetic people in households of about four, raw passage retention. */
export function syntheticPeople(count: number, seed = 1): PersonInput[] {
  const random = seededRandom(seed);
  const people: PersonInput[] = [];
  for (let i = 0; i < count; i++) {
    people.push({
      identity: syntheticIdentity(random, i),
      householdRef: `household-${String(Math.floor(i / 4))}`,
      retention: { category: 'passage_raw' },
    });
  }
  return people;
}
