// The commitments slice of the monitoring domain: the register of public commitments and its
// evidence links. No capture handlers and no background work.
import type { PassageModule } from '../../passage/passage-context.ts';
import { registerCommitmentRoutes } from './commitment.routes.ts';
import { CommitmentService } from './commitment.service.ts';

/** The commitment register (routes only). */
export const commitmentsModule: PassageModule = {
  registerRoutes(app, context) {
    const { db, sealer, now } = context;
    registerCommitmentRoutes(app, new CommitmentService({ db, sealer, now }));
  },
};
