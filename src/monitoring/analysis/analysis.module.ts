// The analysis slice of the monitoring domain: duplicate suggestions across channels (with
// analysts' decisions on them) and incident statistics. It reads the intake and incident tables
// directly and writes only its own decisions; it never merges anything.
import type { PassageModule } from '../../passage/passage-context.ts';
import { DuplicateDecisionService } from './duplicate-decision.service.ts';
import { registerDuplicateRoutes } from './duplicate.routes.ts';
import { DuplicateSuggestionService } from './duplicate-suggestion.service.ts';
import { registerIncidentStatisticsRoutes } from './incident-statistics.routes.ts';
import { IncidentStatisticsService } from './incident-statistics.service.ts';

/** Duplicate suggestions and incident statistics. */
export const analysisModule: PassageModule = {
  registerRoutes(app, context) {
    const suggestions = new DuplicateSuggestionService(context);
    const decisions = new DuplicateDecisionService(context, suggestions);
    registerDuplicateRoutes(app, { suggestions, decisions });
    registerIncidentStatisticsRoutes(app, new IncidentStatisticsService(context));
  },
};
