// The monitoring domain (DOMAIN.md §1–§3, §5), in slices wired by the composition root like the
// passage domain's (src/server/passage-features.ts); each slice exports one module:
// - intake: sources and their gradings, information items from every channel (device captures,
//   hotline, partners, residents' anonymous reports, bulk CSV import);
// - incidents: the verification workflow (two-person rule), versions, links, statistics;
// - analysis: duplicate suggestions across channels;
// - evidence: files with a chain of custody, legal hold, packages;
// - commitments: the register of public commitments, the mission's access restrictions,
//   patrols and hotline contacts.
import type { PassageModule } from '../passage/passage-context.ts';
import { analysisModule } from './analysis/analysis.module.ts';
import { commitmentsModule } from './commitments/commitments.module.ts';
import { evidenceModule } from './evidence/evidence.module.ts';
import { incidentsModule } from './incidents/incidents.module.ts';
import { intakeModule } from './intake/intake.module.ts';
import { operationsModule } from './operations/operations.module.ts';

/** Every slice of the monitoring domain. */
export const MONITORING_MODULES: readonly PassageModule[] = [
  intakeModule,
  evidenceModule,
  incidentsModule,
  analysisModule,
  commitmentsModule,
  operationsModule,
];
