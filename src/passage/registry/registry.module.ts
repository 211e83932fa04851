// The registry slice of the passage domain: the gazetteer, passage operations, household
// registration (by staff, or by the household itself from the resident portal) and its
// follow-up, audited identity access, the family status look-up, and the checkpoint roster
// monitors' devices keep for offline work.
// It has no capture handlers (monitors' captures belong to the field slice) and no background
// work (welfare contacts are scanned by the oversight slice).
import { ConsentService } from '../../people/consent.service.ts';
import type { PassageContext, PassageModule } from '../passage-context.ts';
import { registerGazetteerRoutes } from './gazetteer/gazetteer.routes.ts';
import { GazetteerService } from './gazetteer/gazetteer.service.ts';
import { HouseholdRegistrationService } from './households/household-registration.service.ts';
import { registerHouseholdRoutes } from './households/household.routes.ts';
import { registerPortalRegistrationRoute } from './households/portal-registration.routes.ts';
import { HouseholdService } from './households/household.service.ts';
import { registerManifestRoutes } from './manifests/manifest.routes.ts';
import { registerOperationRoutes } from './operations/operation.routes.ts';
import { OperationService } from './operations/operation.service.ts';
import { PeopleAccessService } from './people/people-access.service.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerCheckpointRosterRoutes } from './roster/checkpoint-roster.routes.ts';
import { CheckpointRosterService } from './roster/checkpoint-roster.service.ts';
import { registerStatusLookupRoutes } from './status/status-lookup.routes.ts';
import { StatusLookupService } from './status/status-lookup.service.ts';

/** The registry's services, built on a passage context (the demo loader may reuse them). */
export interface RegistryServices {
  gazetteer: GazetteerService;
  operations: OperationService;
  registration: HouseholdRegistrationService;
  households: HouseholdService;
  people: PeopleAccessService;
  statusLookup: StatusLookupService;
  roster: CheckpointRosterService;
}

/**
 * Builds the registry's services on `context`.
 *
 * @example const { registration } = registryServices(vigil.features.context)
 */
export function registryServices(context: PassageContext): RegistryServices {
  const { db, sealer, vault, keyring, now } = context;
  const consents = new ConsentService({ db, sealer });
  return {
    gazetteer: new GazetteerService({ db, sealer, now }),
    operations: new OperationService({ db, sealer, now }),
    registration: new HouseholdRegistrationService({ db, sealer, vault, keyring, consents, now }),
    households: new HouseholdService({ db, sealer, consents, now }),
    people: new PeopleAccessService({ db, vault }),
    statusLookup: new StatusLookupService({ db, keyring, now }),
    roster: new CheckpointRosterService({ db, now }),
  };
}

/** The registry slice of the passage domain (routes only). */
export const registryModule: PassageModule = {
  registerRoutes(app, context) {
    const services = registryServices(context);
    registerGazetteerRoutes(app, services.gazetteer);
    registerOperationRoutes(app, services.operations);
    registerManifestRoutes(app, context);
    registerHouseholdRoutes(app, services);
    registerPortalRegistrationRoute(app, services.registration);
    registerPeopleRoutes(app, services.people);
    registerStatusLookupRoutes(app, services.statusLookup);
    registerCheckpointRosterRoutes(app, services.roster);
  },
};
