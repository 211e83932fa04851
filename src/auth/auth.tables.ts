// The auth domain's tables (filled in by the auth work; see src/store/schema.ts).
/** The auth domain's tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuthTables {}
