// What every open dataset declares: its columns with their HXL hashtags (HXL 1.1: a hashtag
// row under the header), the rules its methodology file states, and how its rows are built from
// the mission's records. Builders yield cells that have already passed the disclosure rules
// (open-data.disclosure.ts); the formats only encode them.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { CutoffSettings } from '../bulletins/bulletin-schedule.ts';
import { DEFAULT_BULLETIN_SETTINGS } from '../bulletins/bulletin-settings.ts';
import type { DelayTable } from '../disclosure/publication-delay.ts';
import type { EarlierRelease } from './earlier-release.ts';

/** One published cell: text, a number, or empty. */
export type Cell = string | number | null;

/** One column: its name (the CSV header and JSON key), HXL hashtag and meaning. */
export interface DatasetColumn {
  readonly name: string;
  readonly hxl: string;
  readonly meaning: string;
}

/** The settings that decide what a release may contain (DOMAIN.md §6). */
export interface OpenDataPolicy {
  /**
   * Hours after an incident ended before it may be published, by local event type (category)
   * and sub-type; the disclosure module's delay table.
   */
  readonly incidentDelays: DelayTable;
  /** A precise place is published as the nearest settlement within this distance, else dropped. */
  readonly settlementRadiusKm: number;
  /** Who the incidents' `source` column names (the mission, never an informant). */
  readonly sourceName: string;
  /** The daily report's cut-off: count datasets count its days (the 24 h to each cut-off). */
  readonly reportingDays: CutoffSettings;
}

/** The default policy: the longest delay DOMAIN.md §6 allows, for every incident. */
export const DEFAULT_OPEN_DATA_POLICY: OpenDataPolicy = {
  incidentDelays: { defaultHours: 72, rules: [] },
  settlementRadiusKm: 25,
  sourceName: 'Vigil monitoring mission',
  reportingDays: DEFAULT_BULLETIN_SETTINGS.cutoff,
};

/** What a builder reads from. */
export interface DatasetSource {
  readonly db: Kysely<Database>;
  /** The release time: the delay is counted back from it. */
  readonly now: Date;
  readonly policy: OpenDataPolicy;
  /** This release's public id of an internal record id (fresh per release). */
  readonly publicId: (internalId: string) => string;
  /**
   * The latest earlier release of a dataset (this one, or one released with it): what a
   * released day must repeat (earlier-release.ts).
   */
  readonly earlier: (dataset: string) => EarlierRelease;
}

/** One dataset. */
export interface DatasetDefinition {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly DatasetColumn[];
  /** Indexes of the latitude and longitude columns; a dataset with places has a GeoJSON form. */
  readonly geo?: { readonly lat: number; readonly lon: number };
  /** Index of the date column: a day is the unit a later release repeats as released. */
  readonly dayColumn: number;
  /** Bumped whenever what a column means or how it is disclosed changes. */
  readonly methodologyVersion: string;
  /** The disclosure rules this dataset applies, in plain words for the methodology file. */
  readonly rules: readonly string[];
  /** The rows of a new release, in output order. */
  build(source: DatasetSource): AsyncIterable<readonly Cell[]>;
}

/** A column (a short way to write the tables of columns). */
export function column(name: string, hxl: string, meaning: string): DatasetColumn {
  return { name, hxl, meaning };
}
