// Azerbaijani messages of the console's checkpoint mode (keys as en.ts).
import type { Catalogue } from './en.ts';

/** The checkpoint mode's messages in Azerbaijani. */
export const az: Catalogue = {
  heading: 'Keçid məntəqəsi',
};
