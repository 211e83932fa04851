// Armenian messages of the console's checkpoint mode (keys as en.ts).
import type { Catalogue } from './en.ts';

/** The checkpoint mode's messages in Armenian. */
export const hy: Catalogue = {
  heading: 'Անցակետ',
};
