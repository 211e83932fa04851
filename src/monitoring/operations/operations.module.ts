// The mission's own operations (DOMAIN.md §1): restrictions on its access, its patrols and its
// hotline. Routes only; no capture handlers (patrol reports from devices come through intake)
// and no background work.
import type { PassageContext, PassageModule } from '../../passage/passage-context.ts';
import { HotlineService } from './hotline.service.ts';
import type { OperationsServices } from './operations.routes.ts';
import { registerOperationsRoutes } from './operations.routes.ts';
import { PatrolService } from './patrol.service.ts';
import { RestrictionService } from './restriction.service.ts';

/**
 * Builds the services on `context` (the demo loader may reuse them).
 *
 * @example const { restrictions } = operationsServices(vigil.features.context)
 */
export function operationsServices(context: PassageContext): OperationsServices {
  const { db, sealer, keyring, now } = context;
  const deps = { db, sealer, keyring, now };
  return {
    restrictions: new RestrictionService(deps),
    patrols: new PatrolService(deps),
    hotline: new HotlineService(deps),
  };
}

/** Restrictions, patrols and hotline contacts (routes only). */
export const operationsModule: PassageModule = {
  registerRoutes(app, context) {
    registerOperationsRoutes(app, operationsServices(context));
  },
};
