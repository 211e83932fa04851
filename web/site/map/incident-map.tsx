// The map's drawing: an SVG in a Mercator projection fitted to the gazetteer, with Natural
// Earth country outlines (world-atlas) fetched from this server as a hashed file after the marks
// are drawn — no tile server, nothing from elsewhere. A mission's area is a few dozen kilometres
// across, where the 1:110m outlines are one straight-edged blob: a view under 10 degrees wide
// takes the 1:50m ones (230 kB gzipped, against 38 kB), decoded and cut to the view by a worker
// (outlines.worker.ts). This file is loaded lazily with d3-geo, so none of it weighs on the first
// paint. The SVG is one labelled image; the table beside it holds its figures.
import { geoGraticule, geoMercator, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import type { Place } from '../data.ts';
import type { PlacedMark } from './map-marks.ts';
import type { Bounds } from './outline-filter.ts';
import type { OutlineRequest } from './outlines.worker.ts';
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

/** The outlines for `view`, prepared by a worker (null when they cannot be had). */
function loadOutlines(request: OutlineRequest, done: (outlines: FeatureCollection | null) => void) {
  const worker = new Worker(new URL('./outlines.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FeatureCollection | null>) => {
    done(event.data);
    worker.terminate();
  });
  worker.addEventListener('error', () => {
    done(null);
    worker.terminate();
  });
  worker.postMessage(request);
  return () => {
    worker.terminate();
  };
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

/** The projection fitted to `anchor`'s points, and the box it shows. */
function fitted(anchor: readonly { lon: number; lat: number }[]) {
  const points = anchor.map((point): [number, number] => [point.lon, point.lat]);
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
  const [west, south] = projection.invert?.([0, HEIGHT]) ?? [0, 0];
  const [east, north] = projection.invert?.([WIDTH, 0]) ?? [1, 1];
  const view: Bounds = [west, south, east, north];
  return { projection, view };
}

/** The map. */
export function IncidentMap(props: IncidentMapProps) {
  const [outlines, setOutlines] = useState<FeatureCollection | null>(null);
  // The view follows the gazetteer, not the figure shown, so it stays put as the reader
  // changes figures and its outlines are drawn once.
  const anchor = props.places.length > 0 ? props.places : props.marks;
  const fit = JSON.stringify(anchor.map((point) => [point.lon, point.lat]));
  const { projection, view } = useMemo(() => fitted(anchor), [fit]);
  useEffect(
    // Without outlines the marks and places still stand on the graticule.
    () => loadOutlines({ detailed: view[2] - view[0] < 10, view }, setOutlines),
    [fit],
  );
  const path = geoPath(projection);
  const land = useMemo(() => (outlines === null ? null : (path(outlines) ?? '')), [outlines, fit]);
  // Lines over the view only: a fine graticule of the whole globe takes seconds to project.
  const grid = useMemo(() => {
    const step = stepFor(view[2] - view[0]);
    const [west, south, east, north] = view;
    const lines = geoGraticule()
      .extent([
        [west - step, south - step],
        [east + step, north + step],
      ])
      .step([step, step]);
    return path(lines()) ?? '';
  }, [fit]);
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
      {land === null ? null : <path className="land" d={land} />}
      <path className="graticule" d={grid} />
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
