// access_restrictions: every restriction on the mission's own access (DOMAIN.md §1), already
// public one by one (GET /api/v1/access-restrictions), here as a dataset: places coarsened like
// the incidents', fresh ids, never the staff member who recorded it.
import { column } from './dataset-definition.ts';
import type { DatasetDefinition } from './dataset-definition.ts';
import { loadGazetteer } from './open-data-sources.kysely.ts';
import { coarsenPlace } from './open-data.disclosure.ts';

const PAGE = 1000;

/** The access_restrictions dataset. */
export const ACCESS_RESTRICTIONS_DATASET: DatasetDefinition = {
  name: 'access_restrictions',
  title: "Restrictions on the mission's freedom of movement",
  columns: [
    column('restriction_id', '#access+id', 'Public id, new in every release'),
    column('date', '#date+occurred', 'Day of the restriction (YYYY-MM-DD, UTC)'),
    column('kind', '#access+type', 'denial, conditional_access, delay or other_impediment'),
    column('sub_kind', '#access+type+sub', 'What impeded the mission, when recorded'),
    column('duration_minutes', '#access+duration+minutes', 'Length of a delay, in minutes'),
    column('imposed_by', '#org+name+imposed', 'Who imposed it (a party or unit, as data)'),
    column('admin1', '#adm1+code', 'ISO 3166-2 first-level division'),
    column('location', '#loc+name', 'Settlement (never a more precise place)'),
    column('latitude', '#geo+lat', 'Latitude of the settlement, 3 decimals'),
    column('longitude', '#geo+lon', 'Longitude of the settlement, 3 decimals'),
    column('description', '#description', 'The published description'),
  ],
  geo: { lat: 8, lon: 9 },
  dayColumn: 1,
  methodologyVersion: '1',
  rules: [
    'Every recorded restriction, current version; the recorder is never published.',
    'Places at settlement level at most, as in the incidents dataset.',
  ],
  async *build(source) {
    const gazetteer = await loadGazetteer(source.db);
    let after: { at: string; id: string } | undefined;
    for (;;) {
      let query = source.db
        .selectFrom('access_restriction')
        .select(['id', 'occurred_at', 'kind', 'sub_kind', 'duration_minutes', 'imposed_by'])
        .select(['place_id', 'description']);
      if (after !== undefined) {
        const { at, id } = after;
        query = query.where((eb) =>
          eb.or([
            eb('occurred_at', '>', at),
            eb.and([eb('occurred_at', '=', at), eb('id', '>', id)]),
          ]),
        );
      }
      const rows = await query.orderBy('occurred_at').orderBy('id').limit(PAGE).execute();
      for (const row of rows) {
        const at = gazetteer.byId.get(row.place_id);
        const place = coarsenPlace(at, gazetteer, source.policy.settlementRadiusKm);
        yield [
          source.publicId(row.id),
          row.occurred_at.slice(0, 10),
          row.kind,
          row.sub_kind,
          row.duration_minutes,
          row.imposed_by,
          place.admin1,
          place.location,
          place.lat,
          place.lon,
          row.description,
        ];
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < PAGE) return;
      after = { at: last.occurred_at, id: last.id };
    }
  },
};
