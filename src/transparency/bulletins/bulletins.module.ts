// The bulletins slice of the transparency domain: its routes, and the background job that
// drafts the daily report at the information cut-off. Settings come from the environment
// (bulletin-settings.ts, docs/bulletins.md), read once when the server wires the slice.
import type { PassageContext, PassageModule } from '../../passage/passage-context.ts';
import { startRepeatingJob } from '../../passage/oversight/scans/repeating-job.ts';
import { BulletinReadingService } from './bulletin-reading.service.ts';
import { bulletinSettingsFrom } from './bulletin-settings.ts';
import { registerBulletinRoutes } from './bulletin.routes.ts';
import { BulletinService } from './bulletin.service.ts';

/** How often the job looks whether a cut-off has passed without its draft. */
export const CUTOFF_CHECK_MS = 60_000;

function workflowOf(context: PassageContext) {
  const settings = bulletinSettingsFrom(process.env);
  const { db, sealer, now } = context;
  return { settings, workflow: new BulletinService({ db, sealer, now, settings }) };
}

/** Bulletins: routes, and the daily draft at the cut-off. */
export const bulletinsModule: PassageModule = {
  registerRoutes(app, context) {
    const { settings, workflow } = workflowOf(context);
    const reading = new BulletinReadingService({ db: context.db, proofs: context.logProofs });
    registerBulletinRoutes(app, { workflow, reading, timeZone: settings.cutoff.timeZone });
  },
  start(context) {
    const { workflow } = workflowOf(context);
    // The first look comes at once: a server started after a cut-off drafts its report then.
    return startRepeatingJob({
      what: 'bulletin cut-off draft',
      intervalMs: CUTOFF_CHECK_MS,
      firstDelayMs: 0,
      run: () => workflow.draftDue(),
      logError: context.logError,
    });
  },
};
