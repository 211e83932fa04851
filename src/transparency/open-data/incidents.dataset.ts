// incidents: the mission's verified incidents, cleared for publication, in ACLED's columns plus
// the local sub-type and the verification status (DOMAIN.md §3, §6). Published only after the
// delay, at settlement level at most, under ids fresh for each release; never the sealed
// narrative, never a victim, never a source.
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { actorCells, killedBest, taxonomyCells } from './incident-cells.ts';
import type { EarlierRelease } from './earlier-release.ts';
import {
  discloseDayFatalities,
  fatalitiesOfReleasedDay,
  UNKNOWN_AREA,
} from './incident-fatalities.ts';
import { loadGazetteer } from './open-data-sources.kysely.ts';
import type { IncidentRow } from './open-data-sources.kysely.ts';
import type { Gazetteer } from './open-data.disclosure.ts';
import { publishedPlace, releasableDays } from './releasable-incidents.ts';

const COLUMNS = [
  column('event_id_cnty', '#event+id', 'Public id of the event, new in every release'),
  column('event_date', '#date+occurred', 'Day the event started (YYYY-MM-DD, UTC)'),
  column('year', '#date+year', 'Year of event_date'),
  column('time_precision', '#date+precision', 'ACLED: 1 day known, 2 week, 3 month'),
  column('disorder_type', '#event+type+disorder', 'ACLED disorder type (crosswalk)'),
  column('event_type', '#event+type', 'ACLED event type (crosswalk)'),
  column('sub_event_type', '#event+type+sub', 'ACLED sub-event type (crosswalk)'),
  column('local_sub_event_type', '#event+type+sub+code', "The mission's own sub-type code"),
  column('actor1', '#org+name+actor1', 'First actor: an organisation, or only its category'),
  column('assoc_actor_1', '#org+name+assoc1', 'Actors associated with actor1'),
  column('inter1', '#org+type+code+actor1', 'ACLED actor type of actor1 (1–8)'),
  column('actor2', '#org+name+actor2', 'Second actor: an organisation, or only its category'),
  column('assoc_actor_2', '#org+name+assoc2', 'Actors associated with actor2'),
  column('inter2', '#org+type+code+actor2', 'ACLED actor type of actor2 (1–8)'),
  column('interaction', '#event+interaction+code', 'ACLED interaction code of the two types'),
  column(
    'civilian_targeting',
    '#event+civilians',
    '"Civilian targeting" when civilians were targeted',
  ),
  column('admin1', '#adm1+code', 'ISO 3166-2 code of the first-level division'),
  column('admin2', '#adm2+code', 'Second-level division (not held by the gazetteer: empty)'),
  column('location', '#loc+name', 'Settlement (never a more precise place)'),
  column('latitude', '#geo+lat', 'Latitude of the settlement, 3 decimals (WGS 84)'),
  column('longitude', '#geo+lon', 'Longitude of the settlement, 3 decimals (WGS 84)'),
  column('geo_precision', '#geo+precision', 'ACLED: 1 settlement, 2 near it, 3 district only'),
  column('source', '#meta+source', 'Who coded the event (the mission; never an informant)'),
  column('source_scale', '#meta+source+scale', 'ACLED source scale'),
  column('notes', '#description+notes', 'The reviewed public summary'),
  column(
    'fatalities',
    '#affected+killed',
    'Best estimate of the dead; "<5" when 1–4, "x" when hidden to protect one',
  ),
  column('verification_status', '#status+verification', 'verified, or verified_corrected'),
  column(
    'reporting_date',
    '#date+reported',
    "The daily report's day the event started in (24 h to the cut-off on this local date)",
  ),
];

const LAT = COLUMNS.findIndex((c) => c.name === 'latitude');
const LON = COLUMNS.findIndex((c) => c.name === 'longitude');
const ADMIN1 = COLUMNS.findIndex((c) => c.name === 'admin1');
const FATALITIES = COLUMNS.findIndex((c) => c.name === 'fatalities');
const REPORTING_DATE = COLUMNS.findIndex((c) => c.name === 'reporting_date');

function incidentCells(
  incident: IncidentRow & { reportingDay: string },
  gazetteer: Gazetteer,
  source: DatasetSource,
): Cell[] {
  const place = publishedPlace(incident, gazetteer, source.policy.settlementRadiusKm);
  const day = incident.occurred_start.slice(0, 10);
  return [
    source.publicId(incident.id),
    day,
    Number(day.slice(0, 4)),
    incident.time_precision,
    ...taxonomyCells(incident.sub_event_type),
    ...actorCells(incident.actors),
    incident.civilian_targeting === 1 ? 'Civilian targeting' : null,
    place.admin1,
    null,
    place.location,
    place.lat,
    place.lon,
    Math.max(incident.geo_precision, place.precision),
    source.policy.sourceName,
    'Local',
    incident.public_summary,
    // Set with the day's other incidents and aggregate (incident-fatalities.ts).
    null,
    incident.state === 'corrected' ? 'verified_corrected' : 'verified',
    incident.reportingDay,
  ];
}

/**
 * The fatalities of one day's incidents: disclosed afresh with the day's aggregates, or, for a
 * day an earlier release of this dataset or of casualties_agg published, as it published them.
 */
function fatalitiesOfDay(
  day: { day: string; incidents: readonly IncidentRow[]; rows: readonly Cell[][] },
  source: DatasetSource,
): Cell[] {
  const tolls = day.incidents.map((incident, index) => ({
    area: String(day.rows[index]?.[ADMIN1] ?? UNKNOWN_AREA),
    killed: killedBest(incident.tolls),
  }));
  const earlier: EarlierRelease = source.earlier('incidents');
  if (!earlier.hasDay(day.day) && !source.earlier('casualties_agg').hasDay(day.day)) {
    return discloseDayFatalities(tolls).perIncident;
  }
  return fatalitiesOfReleasedDay(
    tolls.map((toll, index) => {
      const row = earlier.rowOf(day.incidents[index]?.id ?? '');
      return {
        ...toll,
        released: row === undefined ? undefined : { cell: row[FATALITIES] ?? null },
      };
    }),
  );
}

/** The incidents dataset. */
export const INCIDENTS_DATASET: DatasetDefinition = {
  name: 'incidents',
  title: 'Verified incidents (ACLED-compatible)',
  columns: COLUMNS,
  geo: { lat: LAT, lon: LON },
  dayColumn: REPORTING_DATE,
  methodologyVersion: '3',
  rules: [
    'Only incidents verified and cleared for publication (states cleared_for_publication, published, corrected).',
    'An incident appears only once 72 hours have passed since it ended (a delay table by event type and sub-type; DOMAIN.md §6 asks 48–72 h).',
    'Places are published at settlement level at most: a more precise place is replaced by the nearest settlement within 25 km, else only its district.',
    'Fatalities of 1–4 are published as "<5". The fatalities of a reporting day\'s incidents are disclosed together with casualties_agg\'s killed for that day per area and with the day\'s dead, which the daily report publishes: where subtracting the others from an aggregate or from the day\'s total would give a "<5" away, another figure or an aggregate is hidden ("x"); a day whose figures cannot be protected at all is hidden whole.',
    "A day, once released (here or in casualties_agg, which is released with this dataset), keeps the fatalities first published for its incidents; an incident published later for that day has its own figure, disclosed apart from the day's aggregate, which does not change.",
    'Actors are organisations as recorded by the mission; civilians, protesters and rioters only by category. No victim, source or narrative is published.',
    'event_id_cnty is new in every release: ids cannot be linked across releases.',
  ],
  async *build(source) {
    const gazetteer = await loadGazetteer(source.db);
    for await (const { day, incidents } of releasableDays(source)) {
      const rows = incidents.map((incident) =>
        incidentCells({ ...incident, reportingDay: day }, gazetteer, source),
      );
      const perIncident = fatalitiesOfDay({ day, incidents, rows }, source);
      for (const [index, row] of rows.entries()) {
        row[FATALITIES] = perIncident[index] ?? null;
        yield row;
      }
    }
  },
};
