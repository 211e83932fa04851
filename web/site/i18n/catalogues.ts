// The public site's languages (DESIGN.md: Armenian, Azerbaijani, Russian, English), in the order
// the switch lists them.
import { az } from './az.ts';
import type { Catalogue } from './en.ts';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** Every catalogue by BCP 47 tag. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { hy, az, ru, en };

/** The tags, in the switch's order. */
export const LANGUAGES = Object.keys(CATALOGUES);
