// English messages of the console's checkpoint mode (i18next namespace 'checkpoint'); the other languages
// have exactly these keys (web/console/i18n/i18n.test.ts).

/** The checkpoint mode's messages in English. */
export const en = {
  heading: 'Checkpoint',
};

/** A catalogue of the checkpoint mode: the English keys. */
export type Catalogue = Readonly<Record<keyof typeof en, string>>;
