// The incidents slice of the monitoring domain: the verification workflow (DOMAIN.md §5) over
// incidents opened from information items. Routes only; no captures, no background work.
import type { PassageModule } from '../../passage/passage-context.ts';
import { registerIncidentRoutes } from './incident.routes.ts';
import { IncidentService } from './incident.service.ts';
import { registerWorkflowRoutes } from './incident-workflow.routes.ts';
import { IncidentWorkflow } from './incident-workflow.service.ts';

/** The incidents slice. */
export const incidentsModule: PassageModule = {
  registerRoutes(app, context) {
    const incidents = new IncidentService(context);
    registerIncidentRoutes(app, incidents);
    registerWorkflowRoutes(app, { incidents, workflow: new IncidentWorkflow(context) });
  },
};
