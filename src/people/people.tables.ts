// The people domain's tables (filled in by the people work; see src/store/schema.ts).
/** The people domain's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PeopleTables {}
