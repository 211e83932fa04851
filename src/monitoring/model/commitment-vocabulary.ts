// The words of the commitment register (issue 4 "Commitments"): what a piece of evidence says
// about a commitment, and what kind of record the evidence is. Pure data, shared with the console.

/** What a linked record shows about a commitment. */
export const LINK_BEARINGS = ['breach', 'compliance'] as const;
/** One of LINK_BEARINGS. */
export type LinkBearing = (typeof LINK_BEARINGS)[number];

/** The records that may stand as evidence: an incident, or an information item (observation). */
export const LINK_TARGETS = ['incident', 'info_item'] as const;
/** One of LINK_TARGETS. */
export type LinkTarget = (typeof LINK_TARGETS)[number];
