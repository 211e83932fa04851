// The canary test's planted identities (issue 6): unmistakable synthetic names in three scripts,
// a document number, a plate and phone numbers, and the search that finds any of them in a
// response, a file or a log — also when spaces or dashes were dropped or the case changed.

/** Synthetic people nobody else is called: any sighting of these strings is a leak. */
export const CANARY = {
  latinGiven: 'Zorvathiel',
  latinFamily: 'Quillbernaux',
  armenianGiven: 'Զորվաթիել',
  armenianFamily: 'Քվիլբեռնո',
  cyrillicGiven: 'Зорватиэль',
  cyrillicFamily: 'Квиллберно',
  document: 'QX48213977',
  plate: '77 QZ 481',
  phone: '+374 77 481 2397',
  sourcePhone: '+374 77 905 1164',
  callerPhone: '+374 77 630 5528',
  email: 'zorvathiel.quillbernaux@mail.example',
} as const;

const comparable = (text: string) => text.toLowerCase().replace(/[\s\-().+]/g, '');

const NEEDLES = Object.entries(CANARY).map(([what, value]) => ({
  what,
  needle: comparable(value),
}));

/** Which canaries `text` contains (compared without case, spaces, dashes or brackets). */
export function canariesIn(text: string): string[] {
  const haystack = comparable(text);
  return NEEDLES.filter(({ needle }) => haystack.includes(needle)).map(({ what }) => what);
}

/** A household member's identity made of canaries, as POST /api/v1/households takes it. */
export function canaryIdentity(script: 'en' | 'hy' | 'ru') {
  const names = {
    en: [CANARY.latinGiven, CANARY.latinFamily],
    hy: [CANARY.armenianGiven, CANARY.armenianFamily],
    ru: [CANARY.cyrillicGiven, CANARY.cyrillicFamily],
  }[script];
  return {
    names: [{ given: names[0], family: names[1], script }],
    birthYear: 1977,
    sex: 'male',
    documents: [{ type: 'passport', number: CANARY.document }],
    phone: CANARY.phone,
  };
}

/** A free-text account naming every canary, as a caller or a resident would. */
export const CANARY_ACCOUNT =
  `${CANARY.latinGiven} ${CANARY.latinFamily} (${CANARY.armenianGiven} ${CANARY.armenianFamily}, ` +
  `${CANARY.cyrillicGiven} ${CANARY.cyrillicFamily}), passport ${CANARY.document}, phone ` +
  `${CANARY.phone}, was taken from the car ${CANARY.plate} at the checkpoint.`;

/** The planted incident's public summary: it must reach the public, its narrative must not. */
export const CANARY_PUBLIC_SUMMARY = 'Three people were hurt near the checkpoint.';
