// The catalogue of open datasets (DOMAIN.md §6), by name.
import { ACCESS_RESTRICTIONS_DATASET } from './access-restrictions.dataset.ts';
import { CASUALTIES_AGG_DATASET } from './casualties-agg.dataset.ts';
import { CHECKPOINT_DAILY_DATASET } from './checkpoint-daily.dataset.ts';
import type { DatasetDefinition } from './dataset-definition.ts';
import { HOTLINE_STATS_DATASET } from './hotline-stats.dataset.ts';
import { INCIDENTS_DATASET } from './incidents.dataset.ts';

/** Every dataset name. */
export const DATASET_NAMES = [
  'checkpoint_daily',
  'incidents',
  'casualties_agg',
  'access_restrictions',
  'hotline_stats',
] as const;
/** One of DATASET_NAMES. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/**
 * Datasets disclosed against each other (the incidents' fatalities and their daily aggregates,
 * incident-fatalities.ts): each is released with the others, at the same instant, from the same
 * earlier releases.
 */
const RELEASED_TOGETHER: readonly (readonly DatasetName[])[] = [['incidents', 'casualties_agg']];

/** The datasets released with `dataset`, besides itself. */
export function companionsOf(dataset: DatasetName): DatasetName[] {
  const group = RELEASED_TOGETHER.find((names) => names.includes(dataset)) ?? [];
  return group.filter((name) => name !== dataset);
}

/** Every dataset by name. */
export const DATASETS: Readonly<Record<DatasetName, DatasetDefinition>> = {
  checkpoint_daily: CHECKPOINT_DAILY_DATASET,
  incidents: INCIDENTS_DATASET,
  casualties_agg: CASUALTIES_AGG_DATASET,
  access_restrictions: ACCESS_RESTRICTIONS_DATASET,
  hotline_stats: HOTLINE_STATS_DATASET,
};
