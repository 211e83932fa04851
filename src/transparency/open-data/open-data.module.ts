// The open data slice of the transparency domain: versioned dataset releases, streamed exports,
// methodology files and corrections logs (docs/open-data.md). Routes only; no background work.
import type { PassageModule } from '../../passage/passage-context.ts';
import { bulletinSettingsFrom } from '../bulletins/bulletin-settings.ts';
import { DEFAULT_OPEN_DATA_POLICY } from './dataset-definition.ts';
import { OpenDataCorrectionService } from './open-data-corrections.service.ts';
import { registerOpenDataRoutes } from './open-data.routes.ts';
import { OpenDataProofService } from './open-data.proofs.ts';
import { OpenDataService } from './open-data.service.ts';

/** Open data (routes only). */
export const openDataModule: PassageModule = {
  registerRoutes(app, context) {
    const { db, sealer, keyring, now } = context;
    // The same cut-off as the bulletins (VIGIL_BULLETIN_CUTOFF, VIGIL_BULLETIN_TIME_ZONE).
    const reportingDays = bulletinSettingsFrom(process.env).cutoff;
    const policy = { ...DEFAULT_OPEN_DATA_POLICY, reportingDays };
    registerOpenDataRoutes(app, {
      releases: new OpenDataService({ db, sealer, keyring, now, policy }),
      corrections: new OpenDataCorrectionService({ db, sealer, keyring, now }),
      proofs: new OpenDataProofService({ db, proofs: context.logProofs }),
    });
  },
};
