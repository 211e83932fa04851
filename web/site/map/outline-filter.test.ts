import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Feature, FeatureCollection } from 'geojson';
import { outlinesWithin } from './outline-filter.ts';

const square = (west: number, south: number, size: number) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

const country = (name: string, geometry: Feature['geometry']): Feature => ({
  type: 'Feature',
  properties: { name },
  geometry,
});

const world: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    country('near', { type: 'Polygon', coordinates: [square(45, 39, 2)] }),
    country('far', { type: 'Polygon', coordinates: [square(-80, -10, 5)] }),
    country('split', {
      type: 'MultiPolygon',
      coordinates: [[square(46.5, 40.5, 1)], [square(100, 50, 3)]],
    }),
    country('across the antimeridian', {
      type: 'Polygon',
      coordinates: [
        [
          [179, 0],
          [-179, 0],
          [-179, 62],
          [179, 62],
          [179, 0],
        ],
      ],
    }),
    country('a point', { type: 'Point', coordinates: [46, 40] }),
  ],
};

describe('the outlines kept for the map view', () => {
  it('keeps the polygons whose box meets the view, one feature each', () => {
    const kept = outlinesWithin(world, [46, 39.5, 47, 40.6]);
    assert.deepEqual(
      kept.features.map((f) => f.geometry.coordinates[0]?.[0]),
      [
        [45, 39],
        [46.5, 40.5],
        [179, 0],
      ],
    );
  });

  it('keeps nothing for a view over open sea but rings that span the world', () => {
    const kept = outlinesWithin(world, [0, 0, 1, 1]);
    assert.deepEqual(
      kept.features.map((f) => f.geometry.coordinates[0]?.[0]),
      [[179, 0]],
    );
  });
});
