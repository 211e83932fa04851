// What the incident generator's parts share: the context, and the analysts' item gradings.
import type { Credibility } from '../../monitoring/model/vocabulary.ts';
import type { Random } from '../random.ts';
import type { ItemBuild, ItemLedger } from './item-ledger.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { isoAt } from './monitoring-world.ts';
import type { SourceBook } from './sources.generator.ts';

/** Everything the incident generator uses. */
export interface IncidentContext {
  readonly world: MonitoringWorld;
  readonly rng: Random;
  readonly ledger: ItemLedger;
  readonly sources: SourceBook;
  /** Tracing requests opened in the scenario: id and time. */
  readonly tracing: readonly { readonly requestId: string; readonly at: number }[];
}

/** Grades an item's credibility (DOMAIN.md §2), as an analyst of the team. */
export function grade(
  context: Pick<IncidentContext, 'rng' | 'world'>,
  item: ItemBuild,
  grading: { credibility: Credibility; reason: string; at: number },
): void {
  const by = context.rng.pick(context.world.team.analysts);
  item.gradings.push({ ...grading, at: isoAt(grading.at), by });
}

/** Independent sources among `items` (each anonymous report counts once; copies do not). */
export function independentSources(items: readonly ItemBuild[]): number {
  return new Set(items.map((item) => item.sourceId ?? item.id)).size;
}
