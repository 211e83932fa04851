// Russian messages of the console's analyst desk (keys as en.ts).
import type { Catalogue } from './en.ts';

/** The analyst desk's messages in Russian. */
export const ru: Catalogue = {
  heading: 'Стол аналитика',
};
