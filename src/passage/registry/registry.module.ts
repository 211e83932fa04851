import type { PassageModule } from '../passage-context.ts';

/** The registry slice of the passage domain (routes, capture handlers, background work). */
export const registryModule: PassageModule = {};
