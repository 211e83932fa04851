import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DatasetDefinition } from './dataset-definition.ts';
import { column } from './dataset-definition.ts';
import { encodePages, encoderFor, formatsOf } from './open-data.formats.ts';
import type { OpenDataFormat } from './open-data.formats.ts';

const DEFINITION: DatasetDefinition = {
  name: 'sample',
  title: 'Sample',
  columns: [
    column('notes', '#description', 'Text'),
    column('latitude', '#geo+lat', 'Latitude'),
    column('longitude', '#geo+lon', 'Longitude'),
    column('killed', '#affected+killed', 'Count'),
  ],
  geo: { lat: 1, lon: 2 },
  dayColumn: 0,
  methodologyVersion: '1',
  rules: [],
  build: async function* () {},
};

const META = {
  dataset: 'sample',
  version: 2,
  methodologyVersion: '1',
  rowCount: 3,
  createdAt: '2023-10-01T12:00:00.000Z',
};

const ROWS = [
  ['He said "stop", twice\nthen left', 39.52, 46.35, '<5'],
  ['=HYPERLINK("x")', null, null, 12],
  [null, 40, 45, 0],
];

async function encode(format: OpenDataFormat): Promise<string> {
  async function* pages() {
    yield await Promise.resolve(ROWS.slice(0, 2));
    yield ROWS.slice(2);
  }
  let text = '';
  for await (const chunk of encodePages(encoderFor(format, DEFINITION, META), pages())) {
    text += chunk;
  }
  return text;
}

describe('open data formats', () => {
  it('writes CSV with the HXL row second, RFC 4180 quoting and no live formulas', async () => {
    assert.equal(
      await encode('csv'),
      'notes,latitude,longitude,killed\r\n' +
        '#description,#geo+lat,#geo+lon,#affected+killed\r\n' +
        '"He said ""stop"", twice\nthen left",39.52,46.35,<5\r\n' +
        `"'=HYPERLINK(""x"")",,,12\r\n` +
        ',40,45,0\r\n',
    );
  });

  it('writes JSON as metadata and rows by column name', async () => {
    const json = JSON.parse(await encode('json')) as {
      metadata: { version: number; columns: { hxl: string }[] };
      rows: Record<string, unknown>[];
    };
    assert.equal(json.metadata.version, 2);
    assert.equal(json.metadata.columns[3]?.hxl, '#affected+killed');
    assert.deepEqual(json.rows[1], {
      notes: '=HYPERLINK("x")',
      latitude: null,
      longitude: null,
      killed: 12,
    });
    assert.equal(json.rows.length, 3);
  });

  it('writes GeoJSON points as [lon, lat] and a null geometry without a place', async () => {
    const geojson = JSON.parse(await encode('geojson')) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] } | null }[];
    };
    assert.equal(geojson.type, 'FeatureCollection');
    assert.deepEqual(geojson.features[0]?.geometry, { type: 'Point', coordinates: [46.35, 39.52] });
    assert.equal(geojson.features[1]?.geometry, null);
    assert.equal(geojson.features.length, 3);
  });

  it('offers GeoJSON only for datasets with places', () => {
    assert.deepEqual(formatsOf(DEFINITION), ['csv', 'json', 'geojson']);
    const withoutPlaces: DatasetDefinition = {
      ...DEFINITION,
      name: 'flat',
      build: async function* () {},
    };
    delete (withoutPlaces as { geo?: unknown }).geo;
    assert.deepEqual(formatsOf(withoutPlaces), ['csv', 'json']);
  });
});
