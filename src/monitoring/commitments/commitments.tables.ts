// The monitoring domain's tables for the commitment register and its links, the mission's access restrictions, patrols and hotline contacts (see src/store/schema.ts; built by
// migrations/0011-commitments.ts).

/** The tables of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by this slice
export interface CommitmentTables {}
