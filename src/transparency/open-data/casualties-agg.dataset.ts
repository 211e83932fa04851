// casualties_agg: the dead, injured, detained and missing of the published incidents, by day and
// first-level division. The same incidents as the incidents dataset (same states, same delay),
// disclosed per day as one table: "<5", and "<10" for detentions, with secondary suppression.
import { column } from './dataset-definition.ts';
import type { DatasetDefinition } from './dataset-definition.ts';
import { releasableIncidents } from './incidents.dataset.ts';
import { tollBests } from './incident-cells.ts';
import { loadGazetteer } from './open-data-sources.kysely.ts';
import { coarsenPlace } from './open-data.disclosure.ts';
import { GroupedCounts } from './grouped-counts.ts';

const UNKNOWN_AREA = 'unknown';

/** The casualties_agg dataset. */
export const CASUALTIES_AGG_DATASET: DatasetDefinition = {
  name: 'casualties_agg',
  title: 'Casualties of published incidents by day and area',
  columns: [
    column('date', '#date', 'Day the incidents started (YYYY-MM-DD, UTC)'),
    column('admin1', '#adm1+code', 'ISO 3166-2 first-level division, or "unknown"'),
    column('killed', '#affected+killed', 'Best estimates of the dead, summed'),
    column('injured', '#affected+injured', 'Best estimates of the injured, summed'),
    column('detained', '#affected+detained', 'Best estimates of the detained, summed'),
    column('missing', '#affected+missing', 'Best estimates of the missing, summed'),
  ],
  methodologyVersion: '1',
  rules: [
    'Sums over the incidents the incidents dataset of the same date may publish (verified, cleared, past the delay).',
    'Counts of 1–4 are published as "<5"; detentions of 1–9 as "<10".',
    'Each day is one table; further cells are hidden ("x") so that a suppressed cell cannot be worked out from that day\'s totals.',
  ],
  async *build(source) {
    const gazetteer = await loadGazetteer(source.db);
    const counts = new GroupedCounts(4);
    for await (const incident of releasableIncidents(source)) {
      const at = incident.place_id === null ? undefined : gazetteer.byId.get(incident.place_id);
      const place = coarsenPlace(at, gazetteer, source.policy.settlementRadiusKm);
      counts.add(
        incident.occurred_start.slice(0, 10),
        place.admin1 ?? UNKNOWN_AREA,
        tollBests(incident.tolls),
      );
    }
    const columnCategories = [undefined, undefined, 'detention', undefined];
    for (const row of counts.disclosed(() => ({ columnCategories }))) {
      yield [row.day, row.key, ...row.cells];
    }
  },
};
