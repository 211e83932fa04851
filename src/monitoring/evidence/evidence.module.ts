// The evidence slice as a module of the monitoring domain: files under DATA/evidence/, the
// upload limit from the server's options (VigilOptions.evidenceUploadLimit, default 200 MB).
import { join } from 'node:path';
import type { PassageContext, PassageModule } from '../../passage/passage-context.ts';
import { EvidenceAccessService } from './evidence-access.service.ts';
import { EvidenceBlobStore } from './evidence-blob-store.ts';
import { DEFAULT_EVIDENCE_UPLOAD_LIMIT } from './evidence-deps.ts';
import type { EvidenceDeps } from './evidence-deps.ts';
import { registerUploadRoute } from './evidence-upload.route.ts';
import { registerEvidenceRoutes } from './evidence.routes.ts';
import { EvidenceService } from './evidence.service.ts';

/** The folder of the evidence files inside a data directory. */
export const EVIDENCE_FOLDER = 'evidence';

/** The evidence services of a context. */
export function evidenceDeps(context: PassageContext): EvidenceDeps {
  if (context.dataDir === undefined) throw new Error('the evidence slice needs the data directory');
  return {
    db: context.db,
    sealer: context.sealer,
    keyring: context.keyring,
    now: context.now,
    blobs: new EvidenceBlobStore(join(context.dataDir, EVIDENCE_FOLDER)),
    uploadLimit: context.evidenceUploadLimit ?? DEFAULT_EVIDENCE_UPLOAD_LIMIT,
  };
}

/** Evidence files, their chain of custody and legal holds. */
export const evidenceModule: PassageModule = {
  registerRoutes(app, context) {
    const deps = evidenceDeps(context);
    const evidence = new EvidenceService(deps);
    registerUploadRoute(app, evidence);
    registerEvidenceRoutes(app, { evidence, access: new EvidenceAccessService(deps) });
  },
};
