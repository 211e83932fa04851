// What the registration step holds while a resident fills it in, how it is checked before it is
// sent (the server checks it all again), and the body of POST /api/v1/portal/households. Names
// are sent as typed (the server normalises them), with the script the page worked out.
import type { RegistrationInput } from '../../src/passage/registry/households/household.schema.ts';
import type { Sex } from '../../src/people/identity.ts';
import type { ConsentPurpose } from '../../src/people/consent.ts';
import type { Intention } from '../../src/passage/model/states.ts';
import type { FieldError, FieldErrors } from './form.tsx';
import type { Language } from './i18n/catalogues.ts';
import { nameScript } from './name-script.ts';

/** Earliest year of birth the vault accepts (src/people/identity.ts). */
export const MIN_BIRTH_YEAR = 1890;
/** Most members one registration may carry (household.schema.ts). */
export const MAX_MEMBERS = 30;

/** The intentions, in the order the form lists them. */
export const INTENTION_CHOICES: readonly Intention[] = ['leave', 'return', 'stay_under_protection'];
/** The sexes, in the order the form lists them. */
export const SEX_CHOICES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
/** The consent purposes, in the order the form asks them. */
export const CONSENT_CHOICES: readonly ConsentPurpose[] = [
  'tracing',
  'internal_analysis',
  'anonymised_publication',
  'named_publication',
  'sharing_with_named_bodies',
];

/** One member as typed. `key` keeps each member's inputs apart when one is removed. */
export interface MemberDraft {
  key: number;
  given: string;
  family: string;
  patronymic: string;
  birthYear: string;
  sex: Sex | '';
}

/** The registration as typed. */
export interface RegistrationDraft {
  intention: Intention | '';
  originPlaceId: string;
  members: MemberDraft[];
  consents: ReadonlySet<ConsentPurpose>;
}

/** An empty member with `key`. */
export function emptyMember(key: number): MemberDraft {
  return { key, given: '', family: '', patronymic: '', birthYear: '', sex: '' };
}

/** The id of a member's field, e.g. member-3-given. */
export function memberFieldId(member: MemberDraft, field: keyof MemberDraft): string {
  return `member-${String(member.key)}-${field}`;
}

/**
 * A year of birth typed as text, checked against the vault's range up to `thisYear`; an error
 * otherwise. Digits only, so 1979.5 or '19 79' are not quietly read as something else.
 */
export function birthYearError(text: string, thisYear: number): FieldError | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { key: 'required' };
  const year = /^\d{4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(year >= MIN_BIRTH_YEAR && year <= thisYear)) {
    return { key: 'birthYearRange', values: { min: MIN_BIRTH_YEAR, max: thisYear } };
  }
  return undefined;
}

/** Every error of `draft` by field id, in the order of the form; empty when it may be sent. */
export function registrationErrors(draft: RegistrationDraft, thisYear: number): FieldErrors {
  const errors: Record<string, FieldError> = {};
  if (draft.intention === '') errors['intention'] = { key: 'chooseOne' };
  for (const member of draft.members) {
    if (member.given.trim() === '') errors[memberFieldId(member, 'given')] = { key: 'required' };
    if (member.family.trim() === '') errors[memberFieldId(member, 'family')] = { key: 'required' };
    const year = birthYearError(member.birthYear, thisYear);
    if (year !== undefined) errors[memberFieldId(member, 'birthYear')] = year;
    if (member.sex === '') errors[memberFieldId(member, 'sex')] = { key: 'chooseOne' };
  }
  return errors;
}

/**
 * The body of POST /api/v1/portal/households for a checked `draft`. Every purpose is answered:
 * a box left empty is a refusal, recorded as such (it never blocks the registration).
 */
export function registrationBody(draft: RegistrationDraft, language: Language): RegistrationInput {
  return {
    intention: draft.intention === '' ? 'leave' : draft.intention,
    ...(draft.originPlaceId === '' ? {} : { originPlaceId: draft.originPlaceId }),
    members: draft.members.map((member) => {
      const patronymic = member.patronymic.trim();
      const parts = [member.given, member.family, patronymic];
      return {
        identity: {
          names: [
            {
              given: member.given,
              family: member.family,
              ...(patronymic === '' ? {} : { patronymic }),
              script: nameScript(parts, language),
            },
          ],
          birthYear: Number(member.birthYear.trim()),
          sex: member.sex === '' ? 'unknown' : member.sex,
          documents: [],
        },
      };
    }),
    consents: CONSENT_CHOICES.map((purpose) => ({ purpose, granted: draft.consents.has(purpose) })),
  };
}
