// English messages of the console's shell (sign-in, navigation); the checkpoint mode and the
// analyst desk keep their own namespaces (checkpoint/i18n, desk/i18n). The other languages have
// exactly these keys (i18n.test.ts).

/** The console shell's messages in English. */
export const en = {
  languageName: 'English',
  language: 'Language',
  title: 'Vigil staff console',
  loading: 'Loading…',
  signInHeading: 'Sign in',
  name: 'Name',
  password: 'Password',
  totp: 'Code from your authenticator app',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {{name}} ({{role}})',
  'role.admin': 'administrator',
  'role.coordinator': 'coordinator',
  'role.analyst': 'analyst',
  'role.monitor': 'monitor',
  'role.hotline': 'hotline operator',
  views: 'Views',
  'view.checkpoint': 'Checkpoint',
  'view.desk': 'Analyst desk',
  noView: 'Your role has no view in this console yet.',
  'error.unauthenticated': 'The name, password or code is wrong.',
  'error.rate_limited': 'Too many attempts. Wait a minute and try again.',
  'error.network': 'The server cannot be reached. Check the connection.',
  'error.other': 'Something went wrong ({{code}}).',
};

/** A catalogue of the shell: the English keys. */
export type Catalogue = Readonly<Record<keyof typeof en, string>>;
