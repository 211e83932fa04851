// A synthetic person as the identity vault takes it, and as the operational tables see them
// (sex, age band, flags: no identity). Only the registered spellings go into the vault; the
// generator's alternate spellings are what a relative abroad would type when searching.
import type { MemberFlag } from '../../passage/database/passage-vocabulary.ts';
import type { DocumentType, Identity } from '../../people/identity.ts';
import type { PersonInput } from '../../people/person-record.ts';
import type { IdentityDocument, Person } from '../scenario.types.ts';

// The generator's 'id_card' is the vault's 'national_id'; the other types have the same name.
const DOCUMENT_TYPE: Readonly<Record<IdentityDocument['type'], DocumentType>> = {
  passport: 'passport',
  id_card: 'national_id',
  birth_certificate: 'birth_certificate',
};

function identityOf(person: Person): Identity {
  const source = person.identity;
  return {
    names: source.names.map((name) => ({
      given: name.given,
      family: name.family,
      ...(name.patronymic === undefined ? {} : { patronymic: name.patronymic }),
      script: name.script,
    })),
    ...(source.birthDate === undefined ? {} : { birthDate: source.birthDate }),
    birthYear: source.birthYear,
    sex: source.sex,
    documents: source.documents.map((doc) => ({
      type: DOCUMENT_TYPE[doc.type],
      number: doc.number,
    })),
    ...(source.phone === undefined ? {} : { phone: source.phone }),
  };
}

/**
 * The vault input of a synthetic person. Retention is 'registration' with its anchor left
 * pending: anchored on the scenario's 2023 dates, every record would already be past its year
 * and the first retention run would shred the whole demo.
 *
 * @example const refs = await vault.storePeople(members.map(personInput), actor);
 */
export function personInput(person: Person): PersonInput {
  return {
    identity: identityOf(person),
    householdRef: person.householdId,
    retention: { category: 'registration' },
  };
}

/** The member flags of a synthetic person. */
export function memberFlagsOf(person: Person): MemberFlag[] {
  const flags: MemberFlag[] = [];
  if (person.flags.disability) flags.push('disability');
  if (person.flags.pregnant) flags.push('pregnant');
  if (person.flags.unaccompaniedChild) flags.push('unaccompanied_child');
  return flags;
}
