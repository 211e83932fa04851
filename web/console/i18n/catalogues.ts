// The console's languages (Armenian, Azerbaijani, Russian, English, in the switch's order) and its
// i18next namespaces: the shell's own, the checkpoint mode's and the analyst desk's, each kept in
// its folder so that the views grow their catalogues apart.
import { CATALOGUES as CHECKPOINT } from '../checkpoint/i18n/catalogues.ts';
import { CATALOGUES as DESK } from '../desk/i18n/catalogues.ts';
import { az } from './az.ts';
import type { Catalogue } from './en.ts';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** The shell's catalogues by BCP 47 tag. */
export const SHELL: Readonly<Record<string, Catalogue>> = { hy, az, ru, en };

/** The tags, in the switch's order. */
export const LANGUAGES = Object.keys(SHELL);

/** Every namespace's catalogues by tag: namespace → tag → key → message. */
export const NAMESPACES: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>
> = { console: SHELL, checkpoint: CHECKPOINT, desk: DESK };

/** i18next's resources: tag → namespace → catalogue. */
export function resources(): Record<string, Record<string, Readonly<Record<string, string>>>> {
  return Object.fromEntries(
    LANGUAGES.map((tag) => [
      tag,
      Object.fromEntries(
        Object.entries(NAMESPACES).map(([namespace, byTag]) => [namespace, byTag[tag] ?? {}]),
      ),
    ]),
  );
}
