import type { PassageModule } from '../passage-context.ts';

/** The field slice of the passage domain (routes, capture handlers, background work). */
export const fieldModule: PassageModule = {};
