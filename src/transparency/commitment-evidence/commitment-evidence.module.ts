// The commitments' public evidence (issue 5): which released incidents the mission linked to
// each commitment. Routes only; no background work.
import type { PassageModule } from '../../passage/passage-context.ts';
import { registerCommitmentEvidenceRoutes } from './commitment-evidence.routes.ts';
import { CommitmentEvidenceService } from './commitment-evidence.service.ts';

/** The commitments' public evidence (routes only). */
export const commitmentEvidenceModule: PassageModule = {
  registerRoutes(app, context) {
    const { db, keyring } = context;
    registerCommitmentEvidenceRoutes(app, new CommitmentEvidenceService({ db, keyring }));
  },
};
