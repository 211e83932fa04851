// The map's drawing: an SVG in a Mercator projection fitted to the gazetteer, with Natural
// Earth country outlines (world-atlas) fetched from this server as a hashed file after the marks
// are drawn — no tile server, nothing from elsewhere. A mission's area is a few dozen kilometres
// across, where the 1:110m outlines are one straight-edged blob: a view under 10 degrees wide
// takes the 1:50m ones (230 kB gzipped, against 38 kB). Loaded lazily with d3-geo, so
// neither weighs on the first paint. The SVG is one labelled image; the table beside it holds
// its figures.
import { geoGraticule, geoMercator, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Place } from '../data.ts';
import type { PlacedMark } from './map-marks.ts';
import { radiusOf } from './map-marks.ts';

const WIDTH = 400;
const HEIGHT = 300;
const MARGIN = 28;

/** A mark with the name the reader sees. */
export type NamedMark = PlacedMark & { name: string };

/** What the map draws and how it is named. */
export interface IncidentMapProps {
  marks: NamedMark[];
  places: Place[];
  title: string;
  description: string;
}

async function loadOutlines(detailed: boolean): Promise<FeatureCollection | null> {
  const url = detailed
    ? (await import('world-atlas/countries-50m.json?url')).default
    : (await import('world-atlas/countries-110m.json?url')).default;
  const response = await fetch(url);
  if (!response.ok) return null;
  const topology = (await response.json()) as Topology;
  const countries = topology.objects['countries'];
  return countries?.type === 'GeometryCollection' ? feature(topology, countries) : null;
}

/** The area to fit: every place and mark, at least a tenth of a degree across. */
function extentOf(points: [number, number][]): GeoPermissibleObjects {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const middle = (values: number[]) => (Math.min(...values) + Math.max(...values)) / 2;
  const [lon, lat] = points.length === 0 ? [0, 0] : [middle(lons), middle(lats)];
  const pad = 0.05;
  return {
    type: 'MultiPoint',
    coordinates: [...points, [lon - pad, lat - pad], [lon + pad, lat + pad]],
  };
}

/** The graticule step that draws a few lines across a span of `degrees`. */
function stepFor(degrees: number): number {
  return [0.1, 0.25, 0.5, 1, 2, 5, 10].find((step) => degrees / step <= 6) ?? 10;
}

/** The projection fitted to the places and marks, and how many degrees of longitude it shows. */
function fitted(props: IncidentMapProps) {
  const points: [number, number][] = [
    ...props.places.map((place): [number, number] => [place.lon, place.lat]),
    ...props.marks.map((mark): [number, number] => [mark.lon, mark.lat]),
  ];
  const projection = geoMercator()
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [WIDTH - MARGIN, HEIGHT - MARGIN],
      ],
      extentOf(points),
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const west = projection.invert?.([0, HEIGHT]) ?? [0, 0];
  const east = projection.invert?.([WIDTH, 0]) ?? [1, 1];
  return { projection, span: east[0] - west[0] };
}

/** The map. */
export function IncidentMap(props: IncidentMapProps) {
  const [outlines, setOutlines] = useState<FeatureCollection | null>(null);
  const { projection, span } = fitted(props);
  const detailed = span < 10;
  useEffect(() => {
    let live = true;
    loadOutlines(detailed).then(
      (loaded) => {
        if (live) setOutlines(loaded);
      },
      () => undefined, // Without outlines the marks and places still stand on the graticule.
    );
    return () => {
      live = false;
    };
  }, [detailed]);
  const path = geoPath(projection);
  const step = stepFor(span);
  const graticule = geoGraticule().step([step, step]);
  const at = (lon: number, lat: number) => projection([lon, lat]) ?? [-100, -100];
  const largest = Math.max(0, ...props.marks.map((m) => ('count' in m.value ? m.value.count : 0)));
  return (
    <svg
      className="map"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      role="img"
      aria-labelledby="map-title map-desc"
    >
      <title id="map-title">{props.title}</title>
      <desc id="map-desc">{props.description}</desc>
      <rect className="sea" width={WIDTH} height={HEIGHT} />
      {outlines === null ? null : <path className="land" d={path(outlines) ?? ''} />}
      <path className="graticule" d={path(graticule()) ?? ''} />
      {props.places.map((place) => {
        const [x, y] = at(place.lon, place.lat);
        return <circle key={place.id} className="place" cx={x} cy={y} r={2} />;
      })}
      {props.marks.map((mark) => {
        const [x, y] = at(mark.lon, mark.lat);
        return (
          <g key={mark.adminCode} className="mark" data-area={mark.adminCode}>
            {'count' in mark.value ? (
              <circle
                className={mark.value.count === 0 ? 'count zero' : 'count'}
                cx={x}
                cy={y}
                r={radiusOf(mark.value.count, largest)}
              />
            ) : (
              // A suppressed cell claims no size: the same small hollow square everywhere.
              <rect className="suppressed" x={x - 5} y={y - 5} width={10} height={10} />
            )}
            {/* Names near the right edge go to the left of their mark, inside the map. */}
            <text
              x={x > WIDTH * 0.7 ? x - 7 : x + 7}
              y={y - 7}
              textAnchor={x > WIDTH * 0.7 ? 'end' : 'start'}
            >
              {mark.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
