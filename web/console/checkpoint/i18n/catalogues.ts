// The checkpoint mode's catalogues by language tag.
import { az } from './az.ts';
import type { Catalogue } from './en.ts';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

/** Every catalogue of the checkpoint mode by BCP 47 tag. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { hy, az, ru, en };
