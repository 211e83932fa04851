// How the loader reports progress: by stage, in units of records. The CLI draws a bar on a
// terminal and prints a line per stage otherwise; tests pass SILENT_PROGRESS.

/** The stages of a demo build, in order. */
export const LOAD_STAGES = [
  'generating the synthetic scenario',
  'creating demo accounts',
  'gazetteer and operations',
  'people and households',
  'journeys, passages and cases',
  'monitoring: reports, incidents, patrols, hotline, commitments',
  'daily reports and open data',
] as const;

/** One of LOAD_STAGES. */
export type LoadStage = (typeof LOAD_STAGES)[number];

/** Receives progress. `advance` counts records done within the current stage. */
export interface LoadProgress {
  /** A stage starts; `total` records are expected in it. */
  stage(name: LoadStage, total: number): void;
  advance(records: number): void;
  /** Everything is done (or failed); the bar, if any, is stopped. */
  finish(): void;
}

/** Progress that reports nothing. */
export const SILENT_PROGRESS: LoadProgress = {
  stage: () => undefined,
  advance: () => undefined,
  finish: () => undefined,
};
