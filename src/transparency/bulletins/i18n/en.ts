// English messages of the bulletin pages and PDFs; the other catalogues must have every key.

/** The English catalogue, which defines the keys. */
export const en = {
  languageName: 'English',
  'product.daily': 'Daily report',
  'product.spot': 'Spot report',
  'product.weekly': 'Weekly report',
  period: 'Period: {from} to {to}',
  published: 'Published {date}',
  logIndex: 'Log entry {index}',
  proof: 'Proof of inclusion in the log (C2SP tlog-proof)',
  pdf: 'PDF',
  versions: 'Versions',
  noText: 'There is no text in this language.',
  'correction.corrects': 'This bulletin corrects',
  'correction.retracts': 'This bulletin retracts',
  'correction.correctedBy': 'Corrected by',
  'correction.retractedBy': 'Retracted by',
  'section.headlines': 'Summary',
  'section.passages': 'People passing checkpoints',
  'section.incidents': 'Incidents reported',
  'section.restrictions': 'Restrictions on the mission',
  'section.hotline': 'Hotline contacts',
  figure: 'Figure',
  thisPeriod: 'This period',
  previousPeriod: 'Previous period',
  change: 'Change',
  checkpoint: 'Checkpoint',
  count: 'Number',
  total: 'Total',
  'direction.out': 'Leaving',
  'direction.in': 'Entering',
  'incidents.detention': 'Detentions',
  'incidents.other': 'Other incidents',
  'restriction.denial': 'Denial of access',
  'restriction.conditional_access': 'Conditional access',
  'restriction.delay': 'Delay',
  'restriction.other_impediment': 'Other impediment',
  'hotline.responded': 'Answered',
  'hotline.unanswered': 'Not yet answered',
  'headline.passages': 'People passing checkpoints',
  'headline.incidentsReported': 'Incidents reported',
  'headline.incidentsVerified': 'Incidents verified',
  'headline.killed': 'Killed (verified incidents)',
  'headline.injured': 'Injured (verified incidents)',
  'headline.restrictions': 'Restrictions on the mission',
  'headline.hotline': 'Hotline contacts',
  legend:
    '"<5" (or "<10") means fewer than that number; "x" marks a figure hidden so that a small one cannot be worked out; passage counts are rounded to 10. Real figures are likely higher.',
};

/** A message key. */
export type MessageKey = keyof typeof en;

/** A complete catalogue. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
