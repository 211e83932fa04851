// Keeps the parts of the country outlines that can show in the map's view. Projecting and
// clipping every polygon of the 1:50m world takes most of a second; the few near a mission's
// area take milliseconds. A ring is kept when its longitude/latitude box meets the view's box
// (a ring across the antimeridian has a box spanning the world, so it is kept: safe, not tight).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

function boxOf(ring: readonly Position[]): Bounds {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of ring) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

const meets = (a: Bounds, b: Bounds) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function polygonsOf(feature: Feature): Position[][][] {
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/**
 * The polygons of `outlines` whose outer ring's box meets `view`, as one feature each.
 *
 * @example outlinesWithin(countries, [45, 38.5, 48, 41]) // the Caucasus, not the world
 */
export function outlinesWithin(
  outlines: FeatureCollection,
  view: Bounds,
): FeatureCollection<Polygon | MultiPolygon> {
  const features: Feature<Polygon>[] = [];
  for (const feature of outlines.features) {
    for (const polygon of polygonsOf(feature)) {
      const outer = polygon[0];
      if (outer === undefined || !meets(boxOf(outer), view)) continue;
      features.push({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: polygon },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
