// The intake slice of the monitoring domain (issue 4, "Intake"): sources with their gradings
// and contacts, information items from every channel — monitors' observations and patrol
// reports (signed device captures), hotline calls and staff entries, partner reports, residents'
// anonymous reports with a receipt code, bulk CSV import — and the triage queue. The incidents
// slice links items through markItemsLinked (item-links.ts).
import type { PassageContext, PassageModule } from '../../passage/passage-context.ts';
import { PlaceDirectory } from '../../passage/field/places/place-directory.ts';
import type { CaptureHandler } from '../../sync/capture-handler.ts';
import { ObservationHandler } from './captures/observation.handler.ts';
import { registerCsvImportRoutes } from './import/csv-import.routes.ts';
import { CsvImportService } from './import/csv-import.service.ts';
import { ItemIntake } from './items/item-intake.ts';
import { registerItemIntakeRoutes } from './items/item-intake.routes.ts';
import { registerItemTriageRoutes } from './items/item-triage.routes.ts';
import { ItemTriageService } from './items/item-triage.service.ts';
import { registerResidentReportRoutes } from './resident/resident-report.routes.ts';
import { ResidentReportService } from './resident/resident-report.service.ts';
import { registerSourceRoutes } from './sources/source.routes.ts';
import { SourceService } from './sources/source.service.ts';

// One intake (its gazetteer cache and group committer) per context, shared by routes and
// capture handlers, so all new items of a process share one group commit.
const intakeByContext = new WeakMap<PassageContext, ItemIntake>();

/**
 * The item intake of `context` (created on first use).
 *
 * @example intakeOf(context).submit(input, { channel: 'hotline_call', collectedBy })
 */
export function intakeOf(context: PassageContext): ItemIntake {
  let intake = intakeByContext.get(context);
  if (intake === undefined) {
    intake = new ItemIntake({
      db: context.db,
      sealer: context.sealer,
      secretBox: context.keyring.createSecretBox(),
      places: new PlaceDirectory({ db: context.db }),
      now: context.now,
    });
    intakeByContext.set(context, intake);
  }
  return intake;
}

/** The capture handlers of intake: monitor_observation and patrol_report. */
export function intakeCaptureHandlers(
  context: PassageContext,
): Readonly<Record<string, CaptureHandler>> {
  const intake = intakeOf(context);
  return {
    monitor_observation: new ObservationHandler(intake, 'monitor_observation'),
    patrol_report: new ObservationHandler(intake, 'patrol_report'),
  };
}

/** The intake slice (routes and capture handlers; no background work). */
export const intakeModule: PassageModule = {
  captureHandlers: intakeCaptureHandlers,
  registerRoutes(app, context) {
    const intake = intakeOf(context);
    const secretBox = context.keyring.createSecretBox();
    const { db, sealer, now } = context;
    registerSourceRoutes(app, new SourceService({ db, sealer, vault: context.vault, now }));
    registerItemIntakeRoutes(app, { intake, now });
    registerItemTriageRoutes(app, new ItemTriageService({ db, sealer, secretBox, now }));
    registerResidentReportRoutes(app, new ResidentReportService({ db, intake }));
    registerCsvImportRoutes(app, new CsvImportService({ db, sealer, secretBox, intake, now }));
  },
};
