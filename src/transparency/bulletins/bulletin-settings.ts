// Where the bulletins' configuration comes from: three environment variables read when the
// server starts (docs/bulletins.md), with the defaults of DOMAIN.md §1 (cut-off 19:30 local).
// A bad value refuses the start rather than drafting at a time nobody chose.
import type { CutoffSettings } from './bulletin-schedule.ts';

/** The slice's configuration. */
export interface BulletinSettings {
  readonly cutoff: CutoffSettings;
  /** The mission's working languages (BCP 47), in the order the pages list them. */
  readonly languages: readonly string[];
}

/** 19:30 in the mission's zone; the four languages the catalogues cover. */
export const DEFAULT_BULLETIN_SETTINGS: BulletinSettings = {
  cutoff: { time: '19:30', timeZone: 'Asia/Yerevan' },
  languages: ['en', 'hy', 'ru', 'az'],
};

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function checkZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch (cause) {
    throw new Error(`VIGIL_BULLETIN_TIME_ZONE ${timeZone} is not an IANA time zone`, { cause });
  }
  return timeZone;
}

/**
 * The settings from VIGIL_BULLETIN_CUTOFF ('HH:MM'), VIGIL_BULLETIN_TIME_ZONE (IANA name) and
 * VIGIL_BULLETIN_LANGUAGES (comma-separated BCP 47 tags); each unset one keeps its default.
 * Throws on a malformed value.
 *
 * @example bulletinSettingsFrom({ VIGIL_BULLETIN_CUTOFF: '18:00' }).cutoff.time // '18:00'
 */
export function bulletinSettingsFrom(env: Readonly<Record<string, string | undefined>>) {
  const time = env['VIGIL_BULLETIN_CUTOFF'] ?? DEFAULT_BULLETIN_SETTINGS.cutoff.time;
  if (!TIME.test(time)) throw new Error(`VIGIL_BULLETIN_CUTOFF ${time} is not HH:MM`);
  const timeZone = checkZone(
    env['VIGIL_BULLETIN_TIME_ZONE'] ?? DEFAULT_BULLETIN_SETTINGS.cutoff.timeZone,
  );
  const listed = env['VIGIL_BULLETIN_LANGUAGES'];
  const languages =
    listed === undefined
      ? DEFAULT_BULLETIN_SETTINGS.languages
      : [...new Set(listed.split(',').map((tag) => tag.trim()))];
  if (languages.length === 0 || !languages.every((tag) => LANGUAGE.test(tag))) {
    throw new Error('VIGIL_BULLETIN_LANGUAGES must list BCP 47 language tags');
  }
  return { cutoff: { time, timeZone }, languages } satisfies BulletinSettings;
}
