// Loads the demo's monitoring data (src/demo/monitoring.generator.ts) through the monitoring
// services, so its rows and log entries are exactly what the running system writes: sources and
// items (monitoring-intake.loader.ts), incidents (monitoring-incidents.loader.ts), patrols,
// restrictions, hotline contacts and the commitment register (monitoring-operations.loader.ts).
// Each write carries its own scenario time: it runs on a copy of the context whose clock and
// sealer read that time, so independent writes run side by side and share the sequencer's group
// commits. Dependent steps keep their time order; unrelated ones are batched together.
import type { PassageContext } from '../../passage/passage-context.ts';
import { Sealer } from '../../seal/sealer.ts';
import { incidentLoadSteps } from './monitoring-incidents.loader.ts';
import { intakeSteps } from './monitoring-intake.loader.ts';
import { operationSteps } from './monitoring-operations.loader.ts';
import type { Loader, MonitoringLoad, Step } from './monitoring-steps.ts';
import { newLoader } from './monitoring-steps.ts';
import type { LoadContext } from './sealed-write.ts';

/** Most steps run side by side (about one group commit of the sequencer each). */
const BATCH_LIMIT = 512;

// The partner organisations' token ids (their reports are collected by the token), by name.
async function partnerTokens(context: LoadContext, load: Loader): Promise<void> {
  const rows = await context.passage.db
    .selectFrom('api_token')
    .select(['id', 'name'])
    .where('role', '=', 'partner')
    .execute();
  for (const row of rows) load.ids.partners.set(row.name, row.id);
}

/**
 * Groups time-ordered steps into batches that can run side by side: a step goes into the batch
 * after the last one that wrote any record it writes or reads, so every chain of dependent steps
 * keeps its time order while unrelated steps share batches (and group commits).
 *
 * @example batchesOf(steps).length // about the longest chain of dependent steps
 */
export function batchesOf(steps: readonly Step[]): Step[][] {
  const levels: Step[][] = [];
  const lastWrite = new Map<string, number>();
  for (const step of steps) {
    let level = 0;
    for (const key of [...step.keys, ...step.needs]) {
      level = Math.max(level, (lastWrite.get(key) ?? -1) + 1);
    }
    for (const key of step.keys) lastWrite.set(key, level);
    (levels[level] ??= []).push(step);
  }
  return levels.flatMap((level) => {
    const batches: Step[][] = [];
    for (let i = 0; i < level.length; i += BATCH_LIMIT) {
      batches.push(level.slice(i, i + BATCH_LIMIT));
    }
    return batches;
  });
}

function stepContext(passage: PassageContext, input: MonitoringLoad, at: string): PassageContext {
  const now = () => new Date(at);
  return { ...passage, now, sealer: new Sealer(input.sealLog, now) };
}

/**
 * Loads the monitoring data through the services, in time order.
 *
 * @example await loadMonitoring(context, { monitoring, parties, staffIds, deviceOwnerId, sealLog });
 */
export async function loadMonitoring(context: LoadContext, input: MonitoringLoad): Promise<void> {
  const { passage, clock, progress } = context;
  const load = newLoader(input, context.actors.staff);
  await partnerTokens(context, load);
  // In this order, so that at equal times what a step refers to comes first.
  const steps: Step[] = [
    ...intakeSteps(context, input, load),
    ...incidentLoadSteps(input.monitoring.incidents, load),
    ...operationSteps(input.monitoring, load),
  ];
  steps.sort((a, b) => a.at.localeCompare(b.at));
  progress.stage('monitoring: reports, incidents, patrols, hotline, commitments', steps.length);
  const resume = clock.iso();
  try {
    for (const batch of batchesOf(steps)) {
      // The vault and anything else on the shared clock: the batch's earliest time.
      clock.rewind(batch.reduce((min, step) => (step.at < min ? step.at : min), resume));
      await Promise.all(batch.map((step) => step.run(stepContext(passage, input, step.at))));
      progress.advance(batch.length);
    }
  } finally {
    clock.rewind(resume);
  }
}
