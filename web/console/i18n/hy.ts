// Armenian messages of the console's shell (keys as en.ts); want a native speaker's review.
import type { Catalogue } from './en.ts';

/** The console shell's messages in Armenian. */
export const hy: Catalogue = {
  languageName: 'Հայերեն',
  language: 'Լեզու',
  title: 'Vigil-ի աշխատակիցների վահանակ',
  loading: 'Բեռնվում է…',
  signInHeading: 'Մուտք',
  name: 'Անուն',
  password: 'Գաղտնաբառ',
  totp: 'Նույնականացման հավելվածի կոդը',
  signIn: 'Մուտք գործել',
  signOut: 'Դուրս գալ',
  signedInAs: 'Մուտք եք գործել որպես {{name}} ({{role}})',
  'role.admin': 'ադմինիստրատոր',
  'role.coordinator': 'համակարգող',
  'role.analyst': 'վերլուծաբան',
  'role.monitor': 'դիտորդ',
  'role.hotline': 'թեժ գծի օպերատոր',
  views: 'Բաժիններ',
  'view.checkpoint': 'Անցակետ',
  'view.desk': 'Վերլուծաբանի աշխատատեղ',
  noView: 'Ձեր դերի համար այս վահանակում դեռ բաժին չկա։',
  'error.unauthenticated': 'Անունը, գաղտնաբառը կամ կոդը սխալ է։',
  'error.rate_limited': 'Չափազանց շատ փորձեր։ Սպասեք մեկ րոպե և կրկին փորձեք։',
  'error.network': 'Սերվերը հասանելի չէ։ Ստուգեք կապը։',
  'error.other': 'Ինչ-որ բան սխալ գնաց ({{code}})։',
};
