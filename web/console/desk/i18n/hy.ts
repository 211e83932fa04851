// Armenian messages of the console's analyst desk (keys as en.ts).
import type { Catalogue } from './en.ts';

/** The analyst desk's messages in Armenian. */
export const hy: Catalogue = {
  heading: 'Վերլուծաբանի աշխատատեղ',
};
