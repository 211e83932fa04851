// The monitoring part of the demo (issue 4), drawn from the passage scenario's seed, D0 and
// gazetteer: what happened (the explosion, the checkpoint's detentions, deaths in the queue,
// corridor incidents), the reports about it through every channel with the noise of DOMAIN.md §7,
// the hotline, patrols and restrictions on the mission, the incidents taken through the
// verification workflow, and the commitment register. Same scenario → same data, byte for byte.
import { bulkImports, importSchedule, importedAt } from './monitoring/bulk-imports.generator.ts';
import { generateCommitments } from './monitoring/commitments.generator.ts';
import { generateHappenings } from './monitoring/happenings.generator.ts';
import { generateHotline } from './monitoring/hotline.generator.ts';
import { generateIncidents } from './monitoring/incidents.generator.ts';
import { ItemLedger } from './monitoring/item-ledger.ts';
import type { MonitoringScenario } from './monitoring/monitoring.types.ts';
import { monitoringWorld } from './monitoring/monitoring-world.ts';
import type { MonitoringInput } from './monitoring/monitoring-world.ts';
import { generatePatrols } from './monitoring/patrols.generator.ts';
import { reportHappenings, reportSocialMedia } from './monitoring/reports.generator.ts';
import type { ReportContext } from './monitoring/reports.generator.ts';
import { SourceBook } from './monitoring/sources.generator.ts';

function tracingOpened(input: MonitoringInput) {
  return input.events.flatMap((event) =>
    event.type === 'tracing_opened'
      ? [{ requestId: event.requestId, at: Date.parse(event.at) }]
      : [],
  );
}

/**
 * The monitoring data of a passage scenario.
 *
 * @example
 * const scenario = generateScenario({ seed: 2023, scale: 0.01 });
 * const monitoring = generateMonitoring(scenario);
 * monitoring.incidents.length; // about a hundred
 */
export function generateMonitoring(input: MonitoringInput): MonitoringScenario {
  const world = monitoringWorld(input);
  const happenings = generateHappenings(world, input);
  const explosion = happenings.find((h) => h.subEventType === 'mass_casualty_accident');
  if (explosion === undefined) throw new RangeError('the scenario lost its explosion');
  const sources = new SourceBook(world);
  const imports = importSchedule(world);
  const ledger = new ItemLedger(world.root.fork('item-ids'), (importId) =>
    importedAt(imports, importId),
  );
  const context = (label: string): ReportContext => ({
    world,
    rng: world.root.fork(label),
    ledger,
    sources,
    imports,
  });
  reportHappenings(context('reports'), happenings);
  const rumours = reportSocialMedia(context('social-media'), happenings);
  const hotline = generateHotline(context('hotline'), happenings, explosion.at);
  const patrolled = generatePatrols(context('patrols'), happenings);
  const incidents = generateIncidents(
    { ...context('incidents'), tracing: tracingOpened(input) },
    happenings,
    rumours,
  );
  for (const item of patrolled.routine) item.status = 'set_aside';
  const register = generateCommitments(world, { incidents, routine: patrolled.routine });
  return {
    sources: sources.finish(),
    items: ledger.finish(),
    bulkImports: bulkImports(imports, ledger.all),
    incidents,
    patrols: patrolled.patrols,
    restrictions: patrolled.restrictions,
    hotline,
    commitments: register.commitments,
    commitmentLinks: register.links,
  };
}
