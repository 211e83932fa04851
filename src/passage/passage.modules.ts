import { fieldModule } from './field/field.module.ts';
import { oversightModule } from './oversight/oversight.module.ts';
import type { PassageModule } from './passage-context.ts';
import { registryModule } from './registry/registry.module.ts';

/**
 * Every slice of the passage domain, wired by the composition root:
 * - registry: gazetteer, operations, household registration, consent, the family status look-up;
 * - field: what monitors capture (checkpoint passages, counts, journeys, held people, arrivals);
 * - oversight: reconciliation, welfare contacts, the alert scans.
 */
export const PASSAGE_MODULES: readonly PassageModule[] = [
  registryModule,
  fieldModule,
  oversightModule,
];
