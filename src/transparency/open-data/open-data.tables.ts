// The open data slice's tables (built by migrations/0016-open-data.ts). A release's rows are
// materialised when it is made, so a version never changes and the SHA-256 in its log entry
// stays true: each row is one JSON array of already disclosed cells, in output order.
// Nothing here holds a person's identity; every cell has passed the disclosure rules.

/** open_data_release: one version of one dataset. */
export interface OpenDataReleaseTable {
  id: string;
  dataset: string;
  /** 1, 2, … per dataset; unique with `dataset`. */
  version: number;
  methodology_version: string;
  row_count: number;
  /** 'pending' until its log entry is durable; only 'published' releases are served. */
  status: 'pending' | 'published';
  /** JSON {csv, json, geojson?}: hex SHA-256 of each format's bytes. */
  sha256: string | null;
  log_index: number | null;
  /** Staff user id; never published. */
  created_by: string;
  created_at: string;
}

/** open_data_row: the rows of a release, numbered from 0 in output order. */
export interface OpenDataRowTable {
  release_id: string;
  seq: number;
  /** JSON array of the row's cells (string, number or null), in column order. */
  cells: string;
}

/** open_data_correction: a public note that a release was wrong and what changed. */
export interface OpenDataCorrectionTable {
  id: string;
  dataset: string;
  corrects_version: number;
  /** The release that carries the corrected data, when there is one. */
  corrected_in_version: number | null;
  description: string;
  at: string;
  log_index: number;
  created_by: string;
}

/** The open data tables. */
export interface OpenDataTables {
  open_data_release: OpenDataReleaseTable;
  open_data_row: OpenDataRowTable;
  open_data_correction: OpenDataCorrectionTable;
}
