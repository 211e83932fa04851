// The map section: released incidents per settlement (or a day's released casualty cells per
// area), the map drawn lazily and a table that holds the same figures. Areas the release places
// only at district level are listed in the table, not drawn.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place, Release } from '../data.ts';
import { latestRelease, loadPlaces, placeName } from '../data.ts';
import { Section, Status, TableBox } from '../ui.tsx';
import { useCellText } from '../use-cell-text.ts';
import { useLoaded } from '../use-loaded.ts';
import { useNearViewport } from '../use-near-viewport.ts';
import type { MarkValue, Marks } from './map-marks.ts';
import { casualtyDays, casualtyMarks, incidentMarks } from './map-marks.ts';

const IncidentMap = lazy(async () => ({
  default: (await import('./incident-map.tsx')).IncidentMap,
}));

interface MapData {
  incidents: Release | null;
  casualties: Release | null;
  places: Place[];
}

const loadMapData = async (): Promise<MapData> => {
  const [incidents, casualties, places] = await Promise.all([
    latestRelease('incidents'),
    latestRelease('casualties_agg'),
    loadPlaces(),
  ]);
  return { incidents, casualties, places };
};

const ALL_INCIDENTS = 'incidents';

/** Released incidents on a map of the gazetteer, with the table of its figures. */
export function MapSection() {
  const { t } = useTranslation();
  const loaded = useLoaded(loadMapData);
  return (
    <Section id="map" title={t('mapHeading')}>
      <Status loaded={loaded} empty={(data) => data.incidents === null}>
        {(data) => <MapView data={data} />}
      </Status>
    </Section>
  );
}

function MapView({ data }: { data: MapData }) {
  const { t, i18n } = useTranslation();
  const [measure, setMeasure] = useState(ALL_INCIDENTS);
  // Drawn (and d3-geo and the outlines fetched) only when the map comes near the screen.
  const [figure, near] = useNearViewport<HTMLElement>();
  const waiting = <div className="map map-waiting" />;
  const incidents = data.incidents?.rows ?? [];
  const casualties = data.casualties?.rows ?? [];
  const marks: Marks =
    measure === ALL_INCIDENTS
      ? incidentMarks(incidents)
      : casualtyMarks(casualties, incidents, { date: measure, column: 'killed' });
  const settlement = (code: string) =>
    data.places.find((place) => place.kind === 'settlement' && place.adminCode === code);
  const nameOf = (code: string, released: string) => {
    const place = settlement(code);
    return place === undefined ? released : placeName(place, i18n.language);
  };
  const named = marks.placed.map((mark) => ({
    ...mark,
    name: nameOf(mark.adminCode, mark.location),
  }));
  const title =
    measure === ALL_INCIDENTS
      ? t('mapIncidentsTitle', { version: data.incidents?.version })
      : t('mapKilledTitle', { date: measure, version: data.casualties?.version });
  return (
    <>
      <p className="choice">
        <label htmlFor="map-measure">{t('mapShow')}</label>
        <select
          id="map-measure"
          value={measure}
          onChange={(e) => {
            setMeasure(e.target.value);
          }}
        >
          <option value={ALL_INCIDENTS}>{t('mapIncidentsOption')}</option>
          {casualtyDays(casualties).map((day) => (
            <option key={day} value={day}>
              {t('mapKilledOption', { date: day })}
            </option>
          ))}
        </select>
      </p>
      <figure className="map-figure" ref={figure}>
        {near ? (
          <Suspense fallback={waiting}>
            <IncidentMap
              marks={named}
              places={data.places}
              title={title}
              description={t('mapDescription')}
            />
          </Suspense>
        ) : (
          waiting
        )}
        <figcaption>{t('mapCaption')}</figcaption>
      </figure>
      <MapTable
        title={title}
        rows={[
          ...named.map((mark) => ({ key: mark.adminCode, name: mark.name, value: mark.value })),
          ...marks.unplaced.map((mark) => ({
            key: mark.adminCode,
            name: t('districtOnly', { code: mark.adminCode }),
            value: mark.value,
          })),
        ]}
      />
    </>
  );
}

function MapTable(props: {
  title: string;
  rows: { key: string; name: string; value: MarkValue }[];
}) {
  const { t } = useTranslation();
  const cellText = useCellText();
  return (
    <TableBox captionId="map-table-caption">
      <table className="map-table">
        <caption id="map-table-caption">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('place')}</th>
            <th scope="col" className="number">
              {t('figure')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-area={row.key}>
              <th scope="row">{row.name}</th>
              <td className="number">
                {cellText('count' in row.value ? row.value.count : row.value.marker)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
