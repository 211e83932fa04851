// The open data slice of the transparency domain: versioned dataset releases, streamed exports,
// methodology files and corrections logs (docs/open-data.md). Routes only; no background work.
import type { PassageModule } from '../../passage/passage-context.ts';
import { OpenDataCorrectionService } from './open-data-corrections.service.ts';
import { registerOpenDataRoutes } from './open-data.routes.ts';
import { OpenDataProofService } from './open-data.proofs.ts';
import { OpenDataService } from './open-data.service.ts';

/** Open data (routes only). */
export const openDataModule: PassageModule = {
  registerRoutes(app, context) {
    const { db, sealer, keyring, now } = context;
    registerOpenDataRoutes(app, {
      releases: new OpenDataService({ db, sealer, keyring, now }),
      corrections: new OpenDataCorrectionService({ db, sealer, keyring, now }),
      proofs: new OpenDataProofService({ db, proofs: context.logProofs }),
    });
  },
};
