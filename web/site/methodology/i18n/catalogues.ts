// The methodology page's catalogues by BCP 47 tag (the site's four languages).
import { az } from './az.ts';
import type { MethodologyCatalogue } from './en.ts';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** Every methodology catalogue by language. */
export const METHODOLOGY: Readonly<Record<string, MethodologyCatalogue>> = { hy, az, ru, en };
