// The sync domain's tables (filled in by the sync work; see src/store/schema.ts).
/** The sync domain's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SyncTables {}
