// The passage domain's tables (filled in by the passage work; see src/store/schema.ts).
/** The passage domain's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PassageTables {}
