// The monitoring domain's tables for duplicate suggestions and analysts' decisions on them (see src/store/schema.ts; built by
// migrations/0012-duplicates.ts).

/** The tables of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by this slice
export interface AnalysisTables {}
