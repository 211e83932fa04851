// Prepares the map's country outlines off the main thread, so the page stays responsive: fetches
// the world-atlas file from this server, decodes its TopoJSON (most of a second for 1:50m on a
// cheap phone) and sends back only the polygons that can show in the view.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import detailedUrl from 'world-atlas/countries-50m.json?url';
import coarseUrl from 'world-atlas/countries-110m.json?url';
import type { Bounds } from './outline-filter.ts';
import { outlinesWithin } from './outline-filter.ts';

/** What the map asks for: which outlines, for which view. */
export interface OutlineRequest {
  detailed: boolean;
  view: Bounds;
}

async function prepare({ detailed, view }: OutlineRequest) {
  const response = await fetch(detailed ? detailedUrl : coarseUrl);
  if (!response.ok) return null;
  // The file is this build's own copy of world-atlas, fetched from this server.
  const topology = (await response.json()) as Topology;
  const countries = topology.objects['countries'];
  if (countries?.type !== 'GeometryCollection') return null;
  return outlinesWithin(feature(topology, countries), view);
}

self.addEventListener('message', (event: MessageEvent<OutlineRequest>) => {
  prepare(event.data).then(
    (outlines) => {
      self.postMessage(outlines);
    },
    () => {
      self.postMessage(null);
    },
  );
});
