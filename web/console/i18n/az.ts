// Azerbaijani messages of the console's shell (keys as en.ts); want a native speaker's review.
import type { Catalogue } from './en.ts';

/** The console shell's messages in Azerbaijani. */
export const az: Catalogue = {
  languageName: 'Azərbaycanca',
  language: 'Dil',
  title: 'Vigil əməkdaş konsolu',
  loading: 'Yüklənir…',
  signInHeading: 'Giriş',
  name: 'Ad',
  password: 'Şifrə',
  totp: 'Autentifikator tətbiqindəki kod',
  signIn: 'Daxil ol',
  signOut: 'Çıxış',
  signedInAs: '{{name}} ({{role}}) kimi daxil olmusunuz',
  'role.admin': 'administrator',
  'role.coordinator': 'koordinator',
  'role.analyst': 'analitik',
  'role.monitor': 'monitor',
  'role.hotline': 'qaynar xətt operatoru',
  views: 'Bölmələr',
  'view.checkpoint': 'Keçid məntəqəsi',
  'view.desk': 'Analitik masası',
  noView: 'Bu konsolda sizin rolunuz üçün hələ bölmə yoxdur.',
  'error.unauthenticated': 'Ad, şifrə və ya kod səhvdir.',
  'error.rate_limited': 'Çox sayda cəhd. Bir dəqiqə gözləyin və yenidən cəhd edin.',
  'error.network': 'Serverə qoşulmaq mümkün deyil. Bağlantını yoxlayın.',
  'error.other': 'Nəsə səhv getdi ({{code}}).',
};
