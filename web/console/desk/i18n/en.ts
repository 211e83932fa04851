// English messages of the console's analyst desk (i18next namespace 'desk'); the other languages
// have exactly these keys (web/console/i18n/i18n.test.ts).

/** The analyst desk's messages in English. */
export const en = {
  heading: 'Analyst desk',
};

/** A catalogue of the analyst desk: the English keys. */
export type Catalogue = Readonly<Record<keyof typeof en, string>>;
