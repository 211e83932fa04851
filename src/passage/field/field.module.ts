// The field slice of the passage domain: what monitors capture, often offline (checkpoint
// passages, aggregate counts, journey events, arrivals, held people), and the staff routes for
// the cases that follow (journeys, held-person cases, tracing requests).
import type { CaptureHandler } from '../../sync/capture-handler.ts';
import type { PassageContext, PassageModule } from '../passage-context.ts';
import { AggregateCountHandler, AGGREGATE_COUNT } from './captures/aggregate-count.handler.ts';
import {
  CHECKPOINT_PASSAGE,
  CheckpointPassageHandler,
} from './captures/checkpoint-passage.handler.ts';
import { HELD_REPORT, HeldReportHandler } from './captures/held-report.handler.ts';
import {
  ARRIVAL_REGISTRATION,
  arrivalRegistrationHandler,
  JOURNEY_EVENT,
  journeyEventHandler,
} from './captures/journey-event.handler.ts';
import { registerHeldCaseRoutes } from './held-cases/held-case.routes.ts';
import { HeldCaseService } from './held-cases/held-case.service.ts';
import { JourneyEventPlanner } from './journeys/journey-event.plan.ts';
import { registerJourneyRoutes } from './journeys/journey.routes.ts';
import { JourneyService } from './journeys/journey.service.ts';
import { PlaceDirectory } from './places/place-directory.ts';
import { registerTracingRoutes } from './tracing/tracing.routes.ts';
import { TracingService } from './tracing/tracing.service.ts';

/** The gazetteer cache and planner of one context, shared by its handlers and routes. */
interface FieldParts {
  places: PlaceDirectory;
  planner: JourneyEventPlanner;
}

const partsByContext = new WeakMap<PassageContext, FieldParts>();

function partsOf(context: PassageContext): FieldParts {
  let parts = partsByContext.get(context);
  if (parts === undefined) {
    const places = new PlaceDirectory({ db: context.db });
    parts = { places, planner: new JourneyEventPlanner(places) };
    partsByContext.set(context, parts);
  }
  return parts;
}

/**
 * The capture handlers of the field slice, by capture type: checkpoint_passage,
 * aggregate_count, journey_event, arrival_registration, held_report.
 */
export function fieldCaptureHandlers(
  context: PassageContext,
): Readonly<Record<string, CaptureHandler>> {
  const { places, planner } = partsOf(context);
  const journeyDeps = { context, places, planner };
  return {
    [CHECKPOINT_PASSAGE]: new CheckpointPassageHandler(context, places),
    [AGGREGATE_COUNT]: new AggregateCountHandler(context, places),
    [JOURNEY_EVENT]: journeyEventHandler(journeyDeps),
    [ARRIVAL_REGISTRATION]: arrivalRegistrationHandler(journeyDeps),
    [HELD_REPORT]: new HeldReportHandler(context, places),
  };
}

/** The field slice of the passage domain (routes and capture handlers; no background work). */
export const fieldModule: PassageModule = {
  captureHandlers: fieldCaptureHandlers,
  registerRoutes(app, context) {
    const { places, planner } = partsOf(context);
    registerJourneyRoutes(app, new JourneyService({ context, places, planner }));
    registerHeldCaseRoutes(app, new HeldCaseService(context, places));
    registerTracingRoutes(app, new TracingService(context));
  },
};
