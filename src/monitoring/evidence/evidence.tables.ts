// The monitoring domain's tables for evidence files, their custody chain and legal holds (see src/store/schema.ts; built by
// migrations/0010-evidence.ts).

/** The tables of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by this slice
export interface EvidenceTables {}
