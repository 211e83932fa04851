// The three encodings of a release: CSV with the HXL hashtag row as its second line (RFC 4180
// quoting, CRLF line ends), JSON (an object: metadata, then the rows as objects) and GeoJSON
// (RFC 7946 FeatureCollection; a row without a place has a null geometry, as §3.2 allows). Each
// is a head, one piece per row and a tail, so an export streams rows and a release's SHA-256 is
// computed from exactly the bytes an export sends.
import type { Cell, DatasetDefinition } from './dataset-definition.ts';

/** The formats a release is published in. */
export const OPEN_DATA_FORMATS = ['csv', 'json', 'geojson'] as const;
/** One of OPEN_DATA_FORMATS. */
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** What every encoding states about the release it carries. */
export interface ReleaseMetadata {
  readonly dataset: string;
  readonly version: number;
  readonly methodologyVersion: string;
  readonly rowCount: number;
  readonly createdAt: string;
}

/** One format's pieces. */
export interface FormatEncoder {
  readonly head: string;
  row(cells: readonly Cell[], index: number): string;
  readonly tail: string;
}

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection); free text
// such as a public summary is published with a leading apostrophe instead.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function rowObject(definition: DatasetDefinition, cells: readonly Cell[]): Record<string, Cell> {
  const object: Record<string, Cell> = {};
  definition.columns.forEach((column, index) => {
    object[column.name] = cells[index] ?? null;
  });
  return object;
}

function metadataJson(definition: DatasetDefinition, metadata: ReleaseMetadata): string {
  const columns = definition.columns.map(({ name, hxl }) => ({ name, hxl }));
  return JSON.stringify({ ...metadata, title: definition.title, columns });
}

function csvEncoder(definition: DatasetDefinition): FormatEncoder {
  const { columns } = definition;
  return {
    head: csvLine(columns.map((c) => c.name)) + csvLine(columns.map((c) => c.hxl)),
    row: (cells) => csvLine(cells),
    tail: '',
  };
}

function jsonEncoder(definition: DatasetDefinition, metadata: ReleaseMetadata): FormatEncoder {
  return {
    head: `{"metadata":${metadataJson(definition, metadata)},"rows":[`,
    row: (cells, index) => (index > 0 ? ',' : '') + JSON.stringify(rowObject(definition, cells)),
    tail: ']}\n',
  };
}

function point(cells: readonly Cell[], geo: { lat: number; lon: number }) {
  const lat = cells[geo.lat];
  const lon = cells[geo.lon];
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  return { type: 'Point', coordinates: [lon, lat] };
}

function geojsonEncoder(definition: DatasetDefinition, metadata: ReleaseMetadata): FormatEncoder {
  const geo = definition.geo ?? { lat: -1, lon: -1 };
  return {
    // "metadata" is a foreign member (RFC 7946 §6.1): readers that do not know it ignore it.
    head: `{"type":"FeatureCollection","metadata":${metadataJson(definition, metadata)},"features":[`,
    row: (cells, index) =>
      (index > 0 ? ',' : '') +
      JSON.stringify({
        type: 'Feature',
        geometry: point(cells, geo),
        properties: rowObject(definition, cells),
      }),
    tail: ']}\n',
  };
}

/**
 * The encoder of `format` for a release of `definition`.
 *
 * @example encoderFor('csv', definition, metadata).head // 'event_id_cnty,…\r\n#event+id,…\r\n'
 */
export function encoderFor(
  format: OpenDataFormat,
  definition: DatasetDefinition,
  metadata: ReleaseMetadata,
): FormatEncoder {
  switch (format) {
    case 'csv':
      return csvEncoder(definition);
    case 'json':
      return jsonEncoder(definition, metadata);
    case 'geojson':
      return geojsonEncoder(definition, metadata);
  }
}

/** The formats `definition` is published in: GeoJSON only for datasets with places. */
export function formatsOf(definition: DatasetDefinition): readonly OpenDataFormat[] {
  return definition.geo === undefined ? ['csv', 'json'] : OPEN_DATA_FORMATS;
}

/**
 * The text pieces of one export: the head, one piece per page of rows, the tail. Pulled lazily,
 * so a consumer that stops pulling (a slow HTTP client) stops the database reads too.
 */
export async function* encodePages(
  encoder: FormatEncoder,
  pages: AsyncIterable<readonly (readonly Cell[])[]>,
): AsyncGenerator<string> {
  yield encoder.head;
  let index = 0;
  for await (const page of pages) {
    let text = '';
    for (const cells of page) text += encoder.row(cells, index++);
    yield text;
  }
  if (encoder.tail !== '') yield encoder.tail;
}
