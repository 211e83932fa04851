import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_MEMBERS as SERVER_MAX_MEMBERS,
  registrationSchema,
} from '../../src/passage/registry/households/household.schema.ts';
import { CONSENT_PURPOSES } from '../../src/people/consent.ts';
import { MIN_BIRTH_YEAR as SERVER_MIN_BIRTH_YEAR, SEXES } from '../../src/people/identity.ts';
import { INTENTIONS } from '../../src/passage/model/states.ts';
import {
  birthYearError,
  CONSENT_CHOICES,
  INTENTION_CHOICES,
  MAX_MEMBERS,
  MIN_BIRTH_YEAR,
  SEX_CHOICES,
  emptyMember,
  registrationBody,
  registrationErrors,
} from './registration.ts';
import type { RegistrationDraft } from './registration.ts';

const filled: RegistrationDraft = {
  intention: 'leave',
  originPlaceId: '',
  members: [
    {
      key: 1,
      given: ' Արմեն ',
      family: 'Պետրոսյան',
      patronymic: '',
      birthYear: '1979',
      sex: 'male',
    },
    {
      key: 2,
      given: 'Şəhla',
      family: 'Əliyeva',
      patronymic: 'Rauf',
      birthYear: '2001',
      sex: 'female',
    },
  ],
  consents: new Set(['tracing']),
};

describe('the registration step', () => {
  it('offers exactly what the server takes (the page keeps its own copy: zod stays out of it)', () => {
    assert.equal(MIN_BIRTH_YEAR, SERVER_MIN_BIRTH_YEAR);
    assert.equal(MAX_MEMBERS, SERVER_MAX_MEMBERS);
    assert.deepEqual([...INTENTION_CHOICES].sort(), [...INTENTIONS].sort());
    assert.deepEqual([...SEX_CHOICES].sort(), [...SEXES].sort());
    assert.deepEqual([...CONSENT_CHOICES].sort(), [...CONSENT_PURPOSES].sort());
  });

  it('names every missing or wrong answer by its field, in the order of the form', () => {
    const draft: RegistrationDraft = {
      intention: '',
      originPlaceId: '',
      members: [
        emptyMember(4),
        { ...emptyMember(5), given: 'A', family: 'B', birthYear: '2030', sex: 'other' },
      ],
      consents: new Set(),
    };
    const errors = registrationErrors(draft, 2025);
    assert.deepEqual(Object.keys(errors), [
      'intention',
      'member-4-given',
      'member-4-family',
      'member-4-birthYear',
      'member-4-sex',
      'member-5-birthYear',
    ]);
    assert.deepEqual(errors['member-5-birthYear'], {
      key: 'birthYearRange',
      values: { min: 1890, max: 2025 },
    });
    assert.deepEqual(registrationErrors(filled, 2025), {});
  });

  it('takes four digits in range as a year of birth, nothing else', () => {
    assert.equal(birthYearError(' 1979 ', 2025), undefined);
    for (const text of ['1979.5', '19 79', '979', '1889', '2026', 'abcd']) {
      assert.equal(birthYearError(text, 2025)?.key, 'birthYearRange', text);
    }
    assert.equal(birthYearError('  ', 2025)?.key, 'required');
  });

  it('sends what the server schema accepts: scripts worked out, every consent answered', () => {
    const body = registrationBody(filled, 'en');
    const parsed = registrationSchema.parse(body);
    assert.deepEqual(
      parsed.members.map((m) => [m.identity.names[0]?.script, m.identity.birthYear]),
      [
        ['hy', 1979],
        ['az', 2001],
      ],
    );
    const [armen, shahla] = parsed.members.map((m) => m.identity.names[0]!);
    assert.equal(armen!.given, 'Արմեն');
    assert.equal(armen!.patronymic, undefined);
    assert.equal(shahla!.patronymic, 'Rauf');
    assert.deepEqual(
      parsed.consents?.map((c) => `${c.purpose}:${String(c.granted)}`),
      [
        'tracing:true',
        'internal_analysis:false',
        'anonymised_publication:false',
        'named_publication:false',
        'sharing_with_named_bodies:false',
      ],
    );
    assert.equal('originPlaceId' in body, false);
    const placed = registrationBody(
      { ...filled, originPlaceId: '0190a0b0-0000-7000-8000-000000000001' },
      'en',
    );
    assert.equal(
      registrationSchema.parse(placed).originPlaceId,
      '0190a0b0-0000-7000-8000-000000000001',
    );
  });
});
