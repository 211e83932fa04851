import type { PassageModule } from '../passage-context.ts';

/** The oversight slice of the passage domain (routes, capture handlers, background work). */
export const oversightModule: PassageModule = {};
